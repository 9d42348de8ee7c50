// Every command Sitrep offers. Adding a command means adding its file and one line here.
import type { CommandSpec } from '../src/core/command-spec.js';
import { actorCommand } from './actor.js';
import { digestCommand } from './digest.js';
import { actorsCommand } from './actors/index.js';
import { entryCommand } from './entry/index.js';
import { helpCommand } from './help.js';
import { reviewCommand } from './review/index.js';
import { searchCommand } from './search.js';
import { sourcesCommand } from './sources/index.js';
import { timelineCommand } from './timeline.js';
import { trendCommand } from './trend.js';

export const allCommands: readonly CommandSpec[] = [
  timelineCommand,
  actorCommand,
  actorsCommand,
  entryCommand,
  searchCommand,
  digestCommand,
  sourcesCommand,
  reviewCommand,
  trendCommand,
  helpCommand,
];
