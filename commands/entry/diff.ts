// /entry diff id:N from:DATE [to:DATE] — field by field, what changed in one entry between the
// end of one day and the end of another (or now), rebuilt from its revisions.
import { dayInZone, shiftDay, type AsOfInstant } from '../../src/core/as-of-day.js';
import type { EntryAt, PastRevision } from '../../src/core/as-of-port.js';
import { authorLabel } from '../../src/core/author-label.js';
import type { CommandContext, SubcommandSpec } from '../../src/core/command-spec.js';
import { actorIdsNamed, fieldChanges, type ActorFold, type FieldChange } from '../../src/core/entry-diff.js';
import { detailOf } from '../../src/core/past-entry.js';
import { instantIn } from '../../src/core/past-instant.js';
import { UserError } from '../../src/core/errors.js';
import { firstDay, formatPartialDate, lastDay, parsePartialDate, type PartialDate } from '../../src/core/partial-date.js';
import { plural } from '../../src/core/text.js';
import { plainLine, span, type Line, type View } from '../../src/core/view.js';
import { entryAtOrRefuse, pastInstant } from '../as-of.js';
import { isDayTime, withTimeOfDay } from '../../src/core/day-time.js';
import { entryIdOption } from './fields.js';
import { entryDetailView } from './show.js';

/** `Confidence: reported → confirmed`, `Actors: + Israel (target), − Syria (target)`. */
export function changeLine(change: FieldChange): Line {
  const label = span.bold(`${change.label}: `);
  if (change.kind === 'value') return [label, span.plain(change.before), span.plain(' → '), span.plain(change.after)];
  const items: Line[] = [...change.changed, ...change.added.map((x) => [span.plain('+ '), ...x]), ...change.removed.map((x) => [span.plain('− '), ...x])];
  if (items.length === 0) return [label, span.plain('same items, reordered')];
  return [label, ...items.flatMap((item, i) => (i === 0 ? item : [span.plain(', '), ...item]))];
}

/** Writes an instant in the zone the compared days end in. */
type InstantText = (iso: string) => string;

function statusText(entry: EntryAt, at: InstantText): string {
  return entry.removed ? `removed (by ${authorLabel(entry.removed.by)} at ${at(entry.removed.at)}${entry.removed.reason ? `: “${entry.removed.reason}”` : ''})` : 'live';
}

/**
 * What the fields cannot show: a removal and restore in between (beyond what the status line
 * says), and places re-spelled on every entry.
 */
function betweenLines(revisions: readonly PastRevision[], statusChanged: boolean, at: InstantText): Line[] {
  const removals = revisions.filter((r) => r.action === 'remove' || r.action === 'restore');
  const shown = removals.length > (statusChanged ? 1 : 0) ? removals : [];
  return revisions.flatMap((r) => [
    ...(shown.includes(r)
      ? [plainLine(r.action === 'remove' ? `Removed by ${authorLabel(r.by)} at ${at(r.at)}${r.reason ? `: “${r.reason}”` : ''}` : `Restored by ${authorLabel(r.by)} at ${at(r.at)}`)]
      : []),
    ...r.respelled.map(({ from, to }) => plainLine(`Place “${from}” re-spelled “${to}” on every entry, by ${authorLabel(r.by)} at ${at(r.at)}`)),
  ]);
}

const FOLD_WORDS: Record<'merge' | 'unmerge', [one: string, many: string]> = {
  merge: ['an actor merge', 'actor merges'],
  unmerge: ['an unmerge', 'unmerges'],
};

/** How many revisions came in between, and whether they changed what it shows. */
function introLine(revisions: number, changed: boolean, folds: ReadonlyMap<string, 'merge' | 'unmerge'>, after: EntryAt, at: InstantText): Line {
  if (revisions === 0 && !changed) return plainLine('No change between these dates.');
  if (revisions === 0) {
    const counts = (['merge', 'unmerge'] as const).map((kind) => [kind, [...folds.values()].filter((k) => k === kind).length] as const);
    const what = counts.filter(([, n]) => n > 0).map(([kind, n]) => FOLD_WORDS[kind][n === 1 ? 0 : 1]).join(' and ');
    return plainLine(`No revision of the entry in between; ${what || 'actor merges or unmerges'} changed the actors it names.`);
  }
  return plainLine(`${plural(revisions, 'revision')} in between${changed ? '' : ', which left it as it was'}; last by ${authorLabel(after.lastChange.by)} at ${at(after.lastChange.at)}.`);
}

/**
 * From before the entry was added: it is all new, so it is shown whole, as it stood at `to`; one
 * removed by then is said to be, so that it is not cited as in the dossier.
 */
function addedSinceView(after: EntryAt, from: AsOfInstant, to: AsOfInstant, ctx: CommandContext, at: InstantText): View {
  const shown = entryDetailView(detailOf(after, ctx.services.past.actorNames(actorIdsNamed(after.shown))), at);
  const added = `Not yet added as of ${from.label}: added at ${at(after.created.at)} by ${authorLabel(after.created.by)}`;
  if (!after.removed) return { ...shown, title: `${shown.title} — from ${from.label} to ${to.label}`, intro: [plainLine(`${added}. As of ${to.label}:`)] };
  return {
    ...shown,
    title: `${shown.title} — removed — from ${from.label} to ${to.label}`,
    intro: [plainLine(`${added}, then ${statusText(after, at)}. As of ${to.label} it is in no timeline, search or chart; as it was when removed:`)],
  };
}

/**
 * The end of `from`; a day (or month) not over yet has no end to compare from, so its start is
 * taken: `from:` today shows today's changes. A time of day is its own end.
 */
function fromInstant(fromDate: PartialDate, ctx: CommandContext): AsOfInstant {
  const end = pastInstant(fromDate, ctx, 'from');
  if (isDayTime(fromDate) || lastDay(fromDate) < dayInZone(ctx.now(), end.zone)) return end;
  const dayBefore = parsePartialDate(shiftDay(firstDay(fromDate), -1))!;
  return { ...pastInstant(dayBefore, ctx, 'from'), label: `the start of ${formatPartialDate(fromDate)} (${end.zone})` };
}

export const diffEntry: SubcommandSpec = {
  name: 'diff',
  description: 'What changed in one entry between two dates, field by field',
  readOnly: true,
  options: [
    entryIdOption,
    withTimeOfDay({ name: 'from', description: 'As it stood at the end of this day (today: its start) or at this time: 2025-07-20, 2025-07-20T09:00', type: 'date', required: true, example: '2025-07-20' }),
    withTimeOfDay({ name: 'to', description: 'Compared with the end of this day or with this time (default: now): 2025-07-25, 2025-07-25T18:00', type: 'date', example: '2025-07-25' }),
  ],
  examples: ['id:13 from:2025-07-20'],
  run(args, ctx) {
    const id = args.id as number;
    const fromDate = args.from as PartialDate;
    const toDate = args.to as PartialDate | undefined;
    const swapped = () => new UserError('invalid-option', 'Option `to` is before `from`; swap them.', [], 'to');
    if (toDate && lastDay(toDate) < lastDay(fromDate)) throw swapped();
    const from = fromInstant(fromDate, ctx);
    const to: AsOfInstant = toDate ? pastInstant(toDate, ctx, 'to') : { before: new Date(ctx.now().getTime() + 1).toISOString(), label: 'now', zone: from.zone };
    // Times on one day are in order by their instants alone.
    if (to.before < from.before) throw swapped();
    const after = entryAtOrRefuse(ctx, id, to, 'to', (created) => `Compare from the day it was added: /entry diff id:${id} from:${dayInZone(new Date(created), to.zone)}`);
    const { past } = ctx.services;
    const before = past.entryAt(id, from.before);
    const at: InstantText = (iso) => instantIn(iso, from.zone);
    if (!before) return addedSinceView(after, from, to, ctx, at);
    const names = past.actorNames([before.shown, after.shown].flatMap(actorIdsNamed));
    // An actor shown at one end may have been merged into the other's since, or separated again.
    const merged = past.actorsFoldedInto(actorIdsNamed(before.shown), from.before, to.before);
    const separated = past.actorsFoldedInto(actorIdsNamed(after.shown), undefined, from.before);
    const folds = new Map<string, 'merge' | 'unmerge'>();
    const fold: ActorFold = (was, now) => {
      const kind = was === now ? undefined : merged.get(was) === now ? 'merge' : separated.get(now) === was ? 'unmerge' : undefined;
      if (kind) folds.set(`${was}>${now}`, kind);
      return kind;
    };
    const lines: Line[] = fieldChanges(before.shown, after.shown, names, fold).map(changeLine);
    const statusChanged = statusText(before, at) !== statusText(after, at);
    if (statusChanged) lines.unshift([span.bold('Status: '), span.plain(`${statusText(before, at)} → ${statusText(after, at)}`)]);
    const revisions = past.revisionsBetween(id, from.before, to.before);
    const between = betweenLines(revisions, statusChanged, at);
    const intro = introLine(revisions.length, lines.length > 0, folds, after, at);
    const view: View = {
      title: `#${id} ${after.state.title} — from ${from.label} to ${to.label}`,
      tone: 'normal',
      intro: [intro],
      sections: [
        ...(lines.length > 0 ? [{ heading: [span.bold('Changed')], lines }] : []),
        ...(between.length > 0 ? [{ heading: [span.bold('In between')], lines: between }] : []),
      ],
      footer: [span.plain('Every change: '), span.command('entry history', `id:${id}`)],
    };
    return view;
  },
};
