// /entry — one entry in full, and the admin changes to entries. Each subcommand lives in its
// own file beside this one.
import type { CommandSpec } from '../../src/core/command-spec.js';
import { addEntry, editEntry, removeEntry } from './change.js';
import { claimEntry } from './claim.js';
import { diffEntry } from './diff.js';
import { entryHistory, undoEntry } from './history.js';
import { showEntry } from './show.js';
import { unclaimEntry } from './unclaim.js';

export const entryCommand: CommandSpec = {
  name: 'entry',
  description: 'Show an entry in full, or as it stood; admins add, edit, remove, undo and record or take off claims',
  subcommands: [showEntry, diffEntry, addEntry, editEntry, removeEntry, entryHistory, undoEntry, claimEntry, unclaimEntry],
};
