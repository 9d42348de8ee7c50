// Every command Sitrep offers. Adding a command means adding its file and one line here.
import type { CommandSpec } from '../src/core/command-spec.js';
import { actorCommand } from './actor.js';
import { entryCommand } from './entry.js';
import { helpCommand } from './help.js';
import { searchCommand } from './search.js';
import { timelineCommand } from './timeline.js';

export const allCommands: readonly CommandSpec[] = [
  timelineCommand,
  actorCommand,
  entryCommand,
  searchCommand,
  helpCommand,
];
