// What /entry undo says about whose change it took back, and why it refuses one meant for a
// change that is no longer the latest: two admins undoing at once must each learn whose change
// went, not find out later that the other's (or their own) good change is gone.
import { authorLabelFor } from '../../src/core/author-label.js';
import { changeAuthor, describeCaller, type Caller } from '../../src/core/caller.js';
import type { CommandContext } from '../../src/core/command-spec.js';
import type { RevisionRecord } from '../../src/core/editor-port.js';
import { UserError } from '../../src/core/errors.js';
import { span, type Line } from '../../src/core/view.js';
import { fieldOptionNames } from '../../src/core/vocabulary.js';
import { instantsFor } from '../when.js';

/** How recent another admin's change is for an undo without `revision:` to say so plainly. */
export const RECENT_OTHERS_CHANGE_MS = 10 * 60_000;

/** Whether a revision's author (`slack:U1 (alice)`) is the caller, whatever name they go by now. */
export function isCallersChange(revision: RevisionRecord, caller: Caller): boolean {
  const who = describeCaller(caller);
  return revision.changedBy === who || revision.changedBy.startsWith(`${who} (`);
}

/**
 * Another admin as the caller reads them: `alice (Slack)` for `slack:U1 (alice)`, not the id a
 * screen reader spells out; with the account when the caller goes by the same name (author-label.ts).
 */
export const otherAuthor = (changedBy: string, ctx: CommandContext) => authorLabelFor(changedBy, changeAuthor(ctx.caller));

/** A change still standing, as /entry history names it: `r34 (confidence)`. */
export function changeName(revision: RevisionRecord): string {
  const fields = revision.action === 'remove' ? ' (removal)' : revision.changedFields.length > 0 ? ` (${fieldOptionNames(revision.changedFields)})` : '';
  return `r${revision.id}${fields}`;
}

/** `, by alice (Slack) at 2025-07-20 12:03 UTC`: said of a change the caller did not make. */
export function byOther(revision: RevisionRecord, ctx: CommandContext): string {
  return isCallersChange(revision, ctx.caller) ? '' : `, by ${otherAuthor(revision.changedBy, ctx)} at ${instantsFor(ctx)(revision.changedAt)}`;
}

/** `2 minutes ago`, as replies say how recent a change is. */
export function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  return minutes < 1 ? 'less than a minute ago' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
}

/** The changes still standing (neither an undo nor taken back by one), oldest first, the creation aside. */
function standing(revisions: readonly RevisionRecord[]): RevisionRecord[] {
  const takenBack = new Set(revisions.flatMap((r) => (r.undoes === undefined ? [] : [r.undoes])));
  return revisions.slice(1).filter((r) => r.undoes === undefined && !takenBack.has(r.id));
}

/**
 * An undo without `revision:` that took back another admin's recent change: said plainly, with
 * what became of the caller's own latest change, and how to name the change meant next time.
 * Nothing when the change was the caller's, or older.
 */
export function othersRecentChangeNote(undone: RevisionRecord, revisions: readonly RevisionRecord[], id: number, ctx: CommandContext): Line[] {
  const age = ctx.now().getTime() - Date.parse(undone.changedAt);
  if (isCallersChange(undone, ctx.caller) || age >= RECENT_OTHERS_CHANGE_MS) return [];
  const own = standing(revisions).filter((r) => isCallersChange(r, ctx.caller)).at(-1);
  const yours = own ? `your own latest change, ${changeName(own)}, still stands` : `no change of yours to #${id} stands`;
  return [[
    span.plain(`That change was made by ${otherAuthor(undone.changedBy, ctx)} ${ago(age)}, not by you; ${yours}. To take back only the change you mean, name it: `),
    span.command('entry undo', `id:${id} revision:…`),
    span.plain(' (as '),
    span.command('entry history', `id:${id}`),
    span.plain(' numbers them).'),
  ]];
}

/**
 * `revision:` named a change that is not the latest still standing: refused, naming the latest
 * and its author, or why the one named cannot be taken back.
 */
export function notLatestRefusal(expected: number, latest: RevisionRecord, revisions: readonly RevisionRecord[], id: number, ctx: CommandContext): UserError {
  const named = revisions.find((r) => r.id === expected);
  const undoneBy = revisions.find((r) => r.undoes === expected);
  const why =
    named === undefined ? `#${id} has no change r${expected}` :
    named.undoes !== undefined ? `r${expected} is itself an undo, which is not taken back (that would redo)` :
    undoneBy !== undefined ? `r${expected} was taken back already, by r${undoneBy.id}${byOther(undoneBy, ctx)}` :
    `r${expected} is not the latest change to #${id} any more`;
  return new UserError(
    'conflict',
    `Nothing was taken back: ${why}. The latest is ${changeName(latest)}${byOther(latest, ctx)}.`,
    [`What each changed: /entry history id:${id}. To take back the latest: /entry undo id:${id} revision:${latest.id}`],
    'revision',
  );
}
