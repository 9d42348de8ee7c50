// What a caller refused an admin command is told to ask for: their own SITREP_ADMINS entry, in
// code so it copies exactly (Slack shows `_` in plain text as a look-alike), since a Slack user
// rarely knows their member id.
import { describeCaller, type Caller } from './caller.js';

/** `Ask an admin to add `slack:U0ALICE` to `SITREP_ADMINS`.`, backticks marking code. */
export function askAdminText(caller: Caller): string {
  return `Ask an admin to add \`${describeCaller(caller)}\` to \`SITREP_ADMINS\`.`;
}
