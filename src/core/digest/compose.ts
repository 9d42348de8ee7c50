// Turns a subscription's changes into one digest view: a header (period, counts by event type,
// new actors, notes), then new entries newest first, corrections, restorations and removals,
// grouped by topic when there are several. Stored text stays in spans for renderers to escape.
import { firstDay } from '../partial-date.js';
import { plural } from '../text.js';
import { eventTypeLabel } from '../vocabulary.js';
import { span, type Line, type Section, type View } from '../view.js';
import type { ChangeSet, DigestFilters, EntryChange, EntryChangeKind } from './changes.js';
import { filterChanges } from './changes.js';
import { correctionLines, entryMetaLines } from './entry-lines.js';
import { formatInZone } from './zoned-time.js';

/** More than this many items of one kind are counted but not listed, and the digest says so. */
export const MAX_LISTED_PER_KIND = 50;

export interface DigestContext {
  filters: DigestFilters;
  zone: string;
  /** Start of the period: when the previous digest's cursor was taken. */
  periodFrom: Date;
  /** End of the period: the slot (or the moment of a send-now or preview). */
  periodTo: Date;
  /** Set when this digest stands in for slots the scheduler was not running for. */
  catchUp?: { missedSlots: number };
  /** Set when the previous digest may not have arrived, so its changes are repeated. */
  repeats?: { slot: Date; status: 'unconfirmed' | 'failed'; error?: string };
  preview?: boolean;
}

export interface ComposedDigest {
  view: View;
  /** Nothing matched: a subscription with skip_empty sends nothing. */
  empty: boolean;
  counts: Record<EntryChangeKind, number>;
}

const KIND_ORDER: readonly EntryChangeKind[] = ['new', 'corrected', 'restored', 'removed'];
const KIND_WORDS: Record<EntryChangeKind, readonly [string, string]> = {
  new: ['new entry', 'new entries'],
  corrected: ['correction', 'corrections'],
  restored: ['restored entry', 'restored entries'],
  removed: ['removal', 'removals'],
};

function newestFirst(a: EntryChange, b: EntryChange): number {
  const byDate = firstDay(b.after.start).localeCompare(firstDay(a.after.start));
  return byDate !== 0 ? byDate : b.entryId - a.entryId;
}

export function digestTitle(filters: DigestFilters, preview = false): string {
  const parts = [filters.topic, filters.eventType ? eventTypeLabel(filters.eventType) : undefined, filters.actorName].filter(Boolean);
  const base = preview ? 'Digest preview' : 'Sitrep digest';
  return parts.length > 0 ? `${base} — ${parts.join(' · ')}` : base;
}

function countsLine(items: readonly EntryChange[], newActors: number): Line {
  const byKind = countByKind(items);
  const parts: string[] = [];
  if (byKind.new > 0) {
    const types = new Map<string, number>();
    for (const item of items) if (item.kind === 'new') types.set(item.after.eventType, (types.get(item.after.eventType) ?? 0) + 1);
    const detail = [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => `${n} ${eventTypeLabel(t)}`);
    parts.push(`${plural(byKind.new, ...KIND_WORDS.new)} (${detail.join(', ')})`);
  }
  for (const kind of KIND_ORDER.slice(1)) if (byKind[kind] > 0) parts.push(plural(byKind[kind], ...KIND_WORDS[kind]));
  if (newActors > 0) parts.push(plural(newActors, 'new actor'));
  return [span.bold(parts.join(' · '))];
}

function countByKind(items: readonly EntryChange[]): Record<EntryChangeKind, number> {
  const counts: Record<EntryChangeKind, number> = { new: 0, corrected: 0, restored: 0, removed: 0 };
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

function headerLines(ctx: DigestContext, set: ChangeSet, items: readonly EntryChange[]): Line[] {
  const lines: Line[] = [
    [span.plain(`Changes from ${formatInZone(ctx.periodFrom, ctx.zone)} to ${formatInZone(ctx.periodTo, ctx.zone)}.`)],
  ];
  if (ctx.catchUp) {
    const missed = ctx.catchUp.missedSlots;
    lines.push([
      span.italic(
        missed > 0
          ? `Catch-up: Sitrep was not running for ${plural(missed + 1, 'scheduled digest')}; this one covers the whole gap.`
          : 'Catch-up: Sitrep was not running when this digest was due.',
      ),
    ]);
  }
  if (ctx.repeats) {
    const when = formatInZone(ctx.repeats.slot, ctx.zone);
    const why = ctx.repeats.status === 'unconfirmed' ? 'may not have arrived (Sitrep stopped while sending it)' : `could not be delivered${ctx.repeats.error ? ` (${ctx.repeats.error})` : ''}`;
    lines.push([span.italic(`The digest of ${when} ${why}, so its changes are included here.`)]);
  }
  if (set.oversized) {
    lines.push([
      span.bold(`${plural(set.oversized.revisions, 'change')} since the last digest — too many to summarise here. Browse them with /timeline.`),
    ]);
    return lines;
  }
  const newActors = new Set<number>();
  for (const item of items) for (const a of item.after.actors) if (set.newActorIds.has(a.actorId)) newActors.add(a.actorId);
  lines.push(items.length === 0 ? [span.plain('Nothing changed since the last digest.')] : countsLine(items, newActors.size));
  return lines;
}

function itemSection(item: EntryChange, names: ReadonlyMap<number, string>): Section {
  const heading: Line = [span.code(`#${item.entryId}`), span.plain(' '), span.bold(item.after.title)];
  if (item.kind !== 'new') heading.push(span.italic(` — ${item.kind}`));
  const lines = entryMetaLines(item.after, names);
  if (item.kind === 'corrected' || item.kind === 'restored') lines.push(...correctionLines(item, names));
  if (item.kind === 'removed') lines.push([span.italic('Reason: '), span.plain(item.reason ?? 'not given')]);
  return { heading, lines };
}

/** Builds the digest a subscription would receive for a change set. */
export function composeDigest(set: ChangeSet, ctx: DigestContext): ComposedDigest {
  const items = set.oversized ? [] : filterChanges(set.entries, ctx.filters);
  const listed: EntryChange[] = [];
  const unlisted: string[] = [];
  for (const kind of KIND_ORDER) {
    const ofKind = items.filter((i) => i.kind === kind).sort(newestFirst);
    listed.push(...ofKind.slice(0, MAX_LISTED_PER_KIND));
    if (ofKind.length > MAX_LISTED_PER_KIND) unlisted.push(plural(ofKind.length - MAX_LISTED_PER_KIND, ...KIND_WORDS[kind]));
  }
  const topics = [...new Set(listed.map((i) => i.after.topic))].sort();
  const sections: Section[] = [];
  for (const topic of topics) {
    const group = listed.filter((i) => i.after.topic === topic);
    if (topics.length > 1) {
      const counts = countByKind(group);
      const summary = KIND_ORDER.filter((k) => counts[k] > 0).map((k) => plural(counts[k], ...KIND_WORDS[k]));
      sections.push({ heading: [span.bold(`Topic: ${topic}`)], lines: [[span.plain(summary.join(' · '))]] });
    }
    sections.push(...group.map((item) => itemSection(item, set.actorNames)));
  }
  if (unlisted.length > 0) {
    sections.push({
      heading: [span.bold('Not listed')],
      lines: [[span.plain(`${unlisted.join(', ')} more than fit in one digest — see /timeline for all of them.`)]],
    });
  }
  const view: View = {
    title: digestTitle(ctx.filters, ctx.preview),
    tone: 'normal',
    intro: headerLines(ctx, set, items),
    sections,
    footer: ctx.preview ? 'Preview — nothing was sent. Details: /entry show ID' : 'Details: /entry show ID · Manage: /digest list',
  };
  return { view, empty: items.length === 0 && !set.oversized, counts: countByKind(items) };
}
