// Changes to an entry its editor did not see: another admin's, made since the form they submit
// opened, or, for a typed edit, within the last minutes. An edit that replaces one, or is refused
// because of one, says whose change it was and when, so two admins editing at once learn of each
// other now rather than find a change gone later.
import type { CommandContext, FieldAuthor } from '../../src/core/command-spec.js';
import type { EntryInput, SourceRecord } from '../../src/core/domain.js';
import type { RevisionRecord } from '../../src/core/editor-port.js';
import { fieldChanges, type FieldChange } from '../../src/core/entry-diff.js';
import type { UserError } from '../../src/core/errors.js';
import { plainLine, type Line } from '../../src/core/view.js';
import { instantsFor } from '../when.js';
import { ago, isCallersChange, otherAuthor, RECENT_OTHERS_CHANGE_MS } from './undo-notes.js';

/** A change another admin made, with the entry as it stood before it. */
export interface UnseenChange {
  revision: RevisionRecord;
  before: EntryInput;
}

/** Changes to entry `id` by others since the caller's form opened, else within RECENT_OTHERS_CHANGE_MS; oldest first. */
export function unseenChanges(id: number, ctx: CommandContext): UnseenChange[] {
  const since = ctx.formOpenedAt?.getTime() ?? ctx.now().getTime() - RECENT_OTHERS_CHANGE_MS;
  const revisions = ctx.services.editor.entryHistory(id);
  return revisions.flatMap((revision, index): UnseenChange[] => {
    const before = revisions[index - 1]?.state;
    if (!before || revision.action === 'create' || Date.parse(revision.changedAt) <= since || isCallersChange(revision, ctx.caller)) return [];
    return [{ revision, before }];
  });
}

/** `Title: “A” → “B”`, or the field's name alone for a list (actors, sources). */
function changeText(change: FieldChange): string {
  return change.kind === 'value' ? `${change.label}: ${quoted(change.before)} → ${quoted(change.after)}` : change.label;
}
const quoted = (value: string) => (value === '—' || value === 'none' ? value : `“${value}”`);

/** What `unseen` changed of `fields` (stored names), in words. */
const changesOf = (unseen: UnseenChange, fields: readonly string[]) =>
  fieldChanges(unseen.before, unseen.revision.state, new Map()).filter((change) => fields.includes(change.field));

/**
 * After an edit that changed `changed` (stored names): for each other admin's unseen change of
 * one of them, `This replaces the change alice (Slack) made 2 minutes ago (Title: “A” → “B”).` The edit
 * stands (the last one written wins); its author learns whose change went.
 */
export function replacedChangesNote(unseen: readonly UnseenChange[], changed: readonly string[], ctx: CommandContext): Line[] {
  // Each field's latest change is the one replaced.
  const latest = new Map<string, UnseenChange>();
  for (const change of unseen) for (const field of change.revision.changedFields) if (changed.includes(field)) latest.set(field, change);
  const replaced = [...new Set(latest.values())];
  return replaced.map((change) => {
    const fields = [...latest].filter(([, c]) => c === change).map(([field]) => field);
    const age = ago(ctx.now().getTime() - Date.parse(change.revision.changedAt));
    return plainLine(`This replaces the change ${otherAuthor(change.revision.changedBy, ctx)} made ${age} (${changesOf(change, fields).map(changeText).join('; ')}).`);
  });
}

/** The stored fields a refusal of each option checks it against (date-order.ts, checkEnd): changed by someone else, they are its cause. */
const CHECKED_AGAINST: Readonly<Record<string, readonly string[]>> = {
  published: ['start'],
  date: ['sources', 'claims', 'end'],
  end: ['start'],
};

/** Options that set a stored field themselves: a refusal is not caused by a change the edit replaces. */
const SET_BY: Readonly<Record<string, string>> = { start: 'date', end: 'end' };

/**
 * A refusal caused by another admin's unseen change (a `published:` now before the date another
 * admin moved) says so under each part it concerns: `Date was changed by alice (Slack) at …
 * since this form opened at … (“10 Jul 2025” → “20 Jul 2025”).`
 */
export function addUnseenCause(error: UserError, unseen: readonly UnseenChange[], args: Readonly<Record<string, unknown>>, ctx: CommandContext): void {
  if (unseen.length === 0) return;
  const when = instantsFor(ctx);
  for (const part of error.gathered ?? [error]) {
    const causes = (CHECKED_AGAINST[part.option ?? ''] ?? []).filter((field) => args[SET_BY[field] ?? ''] === undefined);
    const told = causes.flatMap((field) => {
      const change = unseen.filter((c) => c.revision.changedFields.includes(field)).at(-1);
      const [what] = change ? changesOf(change, [field]) : [];
      if (!change || !what) return [];
      const were = what.label.endsWith('s') ? 'were' : 'was';
      const values = what.kind === 'value' ? ` (${quoted(what.before)} → ${quoted(what.after)})` : '';
      const since = ctx.formOpenedAt
        ? `since this form opened at ${when(ctx.formOpenedAt)}`
        : ago(ctx.now().getTime() - Date.parse(change.revision.changedAt));
      return [`${what.label} ${were} changed by ${otherAuthor(change.revision.changedBy, ctx)} at ${when(change.revision.changedAt)}, ${since}${values}: what you gave was checked against that.`];
    });
    part.hints.push(...told);
    if (part !== error) error.hints.push(...told);
  }
}

/** The form fields (options) each stored field fills; a source's only where its first source changed. */
const FORM_FIELDS_OF: Readonly<Record<string, readonly string[]>> = {
  title: ['title'], summary: ['summary'], start: ['date'], end: ['end'], eventType: ['type'], topic: ['topic'], places: ['places'],
  actors: ['actors'], tags: ['tags'], confidence: ['confidence'], fatalities: ['fatalities', 'fatalities_source'],
};
const FIRST_SOURCE_FIELDS: readonly (readonly [string, keyof SourceRecord])[] = [
  ['source_url', 'url'], ['outlet', 'outlet'], ['attribution', 'attribution'], ['published', 'published'], ['grade', 'grade'],
];

/** The form fields a revision changed. */
function formFieldsChanged(revision: RevisionRecord, before: EntryInput): string[] {
  const [was, is] = [before.sources[0], revision.state.sources[0]];
  return revision.changedFields.flatMap((field) =>
    field === 'sources' ? FIRST_SOURCE_FIELDS.filter(([, key]) => was?.[key] !== is?.[key]).map(([name]) => name) : (FORM_FIELDS_OF[field] ?? []),
  );
}

/** Who last changed each field of entry `id`'s Edit form after `since` (LeafSpec.formAuthors): `you` for the caller. */
export function entryFormAuthors(id: number, since: Date, ctx: CommandContext): Record<string, FieldAuthor> {
  const revisions = ctx.services.editor.entryHistory(id);
  const authors: Record<string, FieldAuthor> = {};
  revisions.forEach((revision, index) => {
    const before = revisions[index - 1]?.state;
    if (!before || Date.parse(revision.changedAt) <= since.getTime()) return;
    const by = isCallersChange(revision, ctx.caller) ? 'you' : revision.changedBy;
    for (const name of formFieldsChanged(revision, before)) authors[name] = { by, at: revision.changedAt };
  });
  return authors;
}
