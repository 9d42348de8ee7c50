// How a workspace spells Sitrep's commands. Where the manifest was generated with `--prefix`,
// Slack knows only `/sitrep-timeline`, `/sitrep-entry`…; a reply naming `/timeline` would send
// whoever copies it to "command not found". The command Slack sent tells the prefix; it travels
// as the caller's and the buttons' context, and every command reference is spelled with it.
import type { CommandSpelling } from '../../core/command-refs.js';
import { commandText } from '../../core/view.js';

/** Manifests may name commands `/sitrep-timeline` where `/timeline` is taken in a workspace. */
export const OPTIONAL_COMMAND_PREFIX = 'sitrep-';

/** The prefix of the command Slack sent: `/sitrep-timeline` is prefixed, `/timeline` is not. */
export function prefixOf(invoked: string): string {
  return invoked.toLowerCase().startsWith(`/${OPTIONAL_COMMAND_PREFIX}`) ? OPTIONAL_COMMAND_PREFIX : '';
}

/** Only a prefix the manifest can give is taken from a context, a button or a form's metadata. */
export function knownPrefix(value: unknown): string {
  return value === OPTIONAL_COMMAND_PREFIX ? OPTIONAL_COMMAND_PREFIX : '';
}

/** Command references as the workspace types them: `/sitrep-entry show 3`. */
export function spellingFor(prefix: string): CommandSpelling {
  return (command) => commandText({ ...command, name: `${prefix}${command.name}` });
}
