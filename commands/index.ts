// Every command Sitrep offers. Adding a command means adding its file and one line here.
import type { CommandSpec } from '../src/core/command-spec.js';
import { actorCommand } from './actor.js';
import { chartCommand } from './chart/index.js';
import { digestCommand } from './digest.js';
import { actorsCommand } from './actors/index.js';
import { entryCommand } from './entry/index.js';
import { helpCommand } from './help.js';
import { placeCommand } from './place.js';
import { placesCommand } from './places.js';
import { reviewCommand } from './review/index.js';
import { searchCommand } from './search.js';
import { sourcesCommand } from './sources/index.js';
import { timelineCommand } from './timeline.js';
import { trendCommand } from './trend.js';
import { watchCommand } from './watch/index.js';

export const allCommands: readonly CommandSpec[] = [
  timelineCommand,
  actorCommand,
  actorsCommand,
  entryCommand,
  placeCommand,
  placesCommand,
  searchCommand,
  chartCommand,
  digestCommand,
  sourcesCommand,
  reviewCommand,
  trendCommand,
  watchCommand,
  helpCommand,
];
