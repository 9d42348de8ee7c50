// Turns a subscription's changes into one digest view: a header (period, counts by event type,
// new actors, notes), then new entries newest first, corrections, restorations and removals,
// grouped by topic when there are several. Stored text stays in spans for renderers to escape.
import { isolated } from '../bidi-isolate.js';
import { formatCount, plural } from '../text.js';
import { eventTypeLabel, humanize } from '../vocabulary.js';
import { span, type HeaderCounts, type Line, type Section, type View } from '../view.js';
import type { EntryInput, Fatalities } from '../domain.js';
import { formatFatalities, sumFatalities } from '../fatalities.js';
import { callLine, type TrendCall } from '../trends.js';
import { invocationSpan } from '../command-refs.js';
import type { ActorMerge, ChangeSet, CreatedEntries, DigestFilters, EntryChange, EntryChangeKind, OversizedRange } from './changes.js';
import { filterChanges, filtersKey, KIND_ORDER } from './changes.js';
import { correctionLines, entryMetaLines } from './entry-lines.js';
import { groupHeading } from './split.js';
import { idRanges, KIND_WORDS, MAX_LISTED, namedSections, splitByKind, unlistedSections } from './unlisted.js';
import { formatInZone } from './zoned-time.js';

/** What an empty digest says. */
export const NOTHING_CHANGED = 'Nothing changed since the last digest.';
/** …and before the channel's first digest, when there is no last one to count from. */
export const NOTHING_YET = 'Nothing has changed yet.';
/** What a digest says under a new trend call when no entry changed: the call itself is news. */
export const NO_ENTRY_CHANGED = 'No entry changed since the last digest.';
/** …and in the channel's first digest. */
export const NO_ENTRY_YET = 'No entry has changed yet.';

export interface DigestContext {
  filters: DigestFilters;
  zone: string;
  /** Start of the period: when the previous digest's cursor was taken. */
  periodFrom: Date;
  /** End of the period: the slot (or the moment of a send-now or preview). */
  periodTo: Date;
  /**
   * Set when this digest stands in for slots the scheduler was not running for: the first and
   * the last of them (the same slot when it stands for one), named on the channel's clock.
   */
  catchUp?: { missedSlots: number; firstSlot: Date; lastSlot: Date };
  /** Set when a scheduled digest goes out late though Sitrep was running (no catch-up). */
  delayed?: { missedSlots: number; waitedForPrevious: boolean };
  /**
   * Set when the previous digest may not have arrived, so its changes are repeated. Why the
   * platform refused it stays out: every reader sees the digest, and /digest list gives the reason.
   */
  repeats?: { slot: Date; status: 'unconfirmed' | 'failed'; /** It was a /digest send-now, at `slot`. */ sentNow?: true };
  preview?: boolean;
  /** No digest has reached this channel yet: an empty one cannot speak of "the last digest". */
  firstDigest?: boolean;
  /** The latest trend call of each topic that has one: the digest opens with those of its topics. */
  trendCalls?: ReadonlyMap<string, TrendCall>;
}

export interface ComposedDigest {
  view: View;
  /** Nothing matched: a subscription with skip_empty sends nothing. */
  empty: boolean;
  counts: Record<EntryChangeKind, number>;
}

export function digestTitle(filters: DigestFilters, preview = false): string {
  const parts = [filters.topic, filters.eventType ? eventTypeLabel(filters.eventType) : undefined, filters.actorName].filter(Boolean);
  const base = preview ? 'Digest preview' : 'Sitrep digest';
  return parts.length > 0 ? `${base} — ${parts.join(' · ')}` : base;
}

/** An item as the header counts it: its kind in the digest, and its state. */
export interface CountedItem {
  kind: EntryChangeKind;
  after: EntryInput;
}

/** What the header counts besides the items' kinds, types and figures. */
export interface CountsExtras {
  newActors: number;
  merges: number;
  unmerges: number;
  /** Items listed in full, when fewer than all. */
  listed?: number;
  /** Items counted by kind when posted, removed since (an edited message says so apart). */
  removedSince?: number;
  /** Items posted as removals, restored since. */
  restoredSince?: number;
  /** Items a correction since took out of the digest's filters (their sections say so). */
  leftSince?: number;
  /** Items of a range too large to parse, counted in the store: by kind, and the new ones by type. */
  unparsed?: { byKind: Partial<Record<EntryChangeKind, number>>; newByType: ReadonlyMap<string, number> };
}

/** The header's counts: every item the digest covers, listed in full or (past the bound) named by id. */
export function countsLine(items: readonly CountedItem[], extras: CountsExtras): Line {
  const byKind = countByKind(items);
  const unparsed = extras.unparsed;
  const unparsedCount = KIND_ORDER.reduce((sum, kind) => sum + (unparsed?.byKind[kind] ?? 0), 0);
  for (const kind of KIND_ORDER) byKind[kind] += unparsed?.byKind[kind] ?? 0;
  const parts: string[] = [];
  if (byKind.new > 0) {
    const types = new Map<string, number>(unparsed?.newByType);
    const figures: Fatalities[] = [];
    for (const item of items) {
      if (item.kind !== 'new') continue;
      types.set(item.after.eventType, (types.get(item.after.eventType) ?? 0) + 1);
      if (item.after.fatalities) figures.push(item.after.fatalities);
    }
    const detail = [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => `${n} ${eventTypeLabel(t)}`);
    parts.push(`${plural(byKind.new, ...KIND_WORDS.new)} (${detail.join(', ')})`);
    // The figures of new entries only counted are not read: a sum of the others would mislead.
    const killed = unparsed?.byKind.new ? undefined : sumFatalities(figures);
    if (killed) parts.push(`${formatFatalities(killed.figures)} reported killed in ${plural(killed.entries, ...KIND_WORDS.new)}`);
  }
  for (const kind of KIND_ORDER.slice(1)) if (byKind[kind] > 0) parts.push(plural(byKind[kind], ...KIND_WORDS[kind]));
  parts.push(...sinceCounts(extras));
  if (extras.newActors > 0) parts.push(plural(extras.newActors, 'new actor'));
  if (extras.merges > 0) parts.push(plural(extras.merges, 'actor merge'));
  if (extras.unmerges > 0) parts.push(plural(extras.unmerges, 'actor unmerge'));
  const total = items.length + unparsedCount + (extras.removedSince ?? 0) + (extras.restoredSince ?? 0) + (extras.leftSince ?? 0);
  if (extras.listed !== undefined && extras.listed < total) {
    parts.push(`${formatCount(extras.listed)} listed in full, ${formatCount(total - extras.listed)} named by id after them`);
  }
  return [span.bold(parts.join(' · '))];
}

/** A topic heading's counts: the items by kind, and those removed or restored since, apart. */
export function kindsText(items: readonly CountedItem[], since: SinceCounts): string {
  const byKind = countByKind(items);
  return [...KIND_ORDER.filter((k) => byKind[k] > 0).map((k) => plural(byKind[k], ...KIND_WORDS[k])), ...sinceCounts(since)].join(' · ');
}

/** What an edited message counts apart: the items that changed their standing since it was posted. */
export type SinceCounts = Pick<CountsExtras, 'removedSince' | 'restoredSince' | 'leftSince'>;

function sinceCounts(since: SinceCounts): string[] {
  return [
    ...(since.removedSince ? [plural(since.removedSince, 'entry since removed', 'entries since removed')] : []),
    ...(since.restoredSince ? [plural(since.restoredSince, 'removal since undone', 'removals since undone')] : []),
    ...(since.leftSince ? [plural(since.leftSince, 'entry since out of this digest’s filters', 'entries since out of this digest’s filters')] : []),
  ];
}

/** Merges and unmerges (merges taken back), counted apart as the digest's section names them. */
function mergeTally(merges: readonly ActorMerge[]): Pick<CountsExtras, 'merges' | 'unmerges'> {
  const unmerges = merges.filter((m) => m.undone).length;
  return { merges: merges.length - unmerges, unmerges };
}

function countByKind(items: readonly CountedItem[]): Record<EntryChangeKind, number> {
  const counts: Record<EntryChangeKind, number> = { new: 0, corrected: 0, restored: 0, removed: 0 };
  for (const item of items) counts[item.kind] += 1;
  return counts;
}

/**
 * The topics whose latest call was made in the digest's period and is on its subject: its topic's,
 * or every topic's when it is not filtered (a call is about a topic, not a type or an actor).
 */
function newCallTopics(ctx: DigestContext): string[] {
  if (!ctx.trendCalls || ctx.filters.eventType !== undefined || ctx.filters.actorId !== undefined) return [];
  const topics = ctx.filters.topic !== undefined ? [ctx.filters.topic] : [...ctx.trendCalls.keys()];
  // From the instant the period starts on: a call made as the previous digest was taken is not lost.
  const from = ctx.periodFrom.getTime();
  return topics.filter((topic) => {
    const call = ctx.trendCalls!.get(topic);
    return call !== undefined && Date.parse(call.madeAt) >= from;
  });
}

/** The calls of the digest's topic, or of the topics its changes or its new calls are about. */
function trendLines(ctx: DigestContext, body: DigestBody, newCalls: readonly string[]): Line[] {
  const topics = ctx.filters.topic !== undefined ? [ctx.filters.topic] : [...new Set([...body.topics, ...newCalls])].sort();
  const calls = topics.flatMap((topic) => ctx.trendCalls?.get(topic) ?? []);
  return calls.map((call) => [span.italic('Trend: '), ...callLine(call, ctx.filters.topic === undefined)]);
}

function headerLines(ctx: DigestContext, body: DigestBody, newCalls: readonly string[]): Line[] {
  const lines: Line[] = [
    // First, so the digest says at once which scheduled digests it stands for.
    ...(ctx.catchUp ? [[span.italic(catchUpText(ctx.catchUp, ctx.zone))]] : []),
    ...trendLines(ctx, body, newCalls),
    [span.plain(periodText(ctx))],
  ];
  if (ctx.delayed) lines.push([span.italic(delayedText(ctx.delayed))]);
  if (ctx.repeats) {
    const when = formatInZone(ctx.repeats.slot, ctx.zone);
    // Every reader sees this: why the platform refused it is for the admins' /digest list.
    const why = ctx.repeats.status === 'unconfirmed' ? 'may not have arrived (Sitrep stopped while sending it)' : 'could not be delivered';
    const rest = `${why}, so its changes are included here.`;
    lines.push(
      ctx.repeats.sentNow
        ? [span.italic('The digest sent with '), span.command('digest send-now'), span.italic(` at ${when} ${rest}`)]
        : [span.italic(`The digest of ${when} ${rest}`)],
    );
  }
  lines.push(body.summary);
  return lines;
}

/** The period the digest covers; one that began this very minute (a send-now just after subscribing) is said once. */
function periodText(ctx: DigestContext): string {
  const [from, to] = [formatInZone(ctx.periodFrom, ctx.zone), formatInZone(ctx.periodTo, ctx.zone)];
  return from === to ? `Changes since ${from}, a moment ago.` : `Changes from ${from} to ${to}.`;
}

/** Why the digest is late, and the scheduled digests it stands for on the channel's clock. */
function catchUpText(catchUp: NonNullable<DigestContext['catchUp']>, zone: string): string {
  const { missedSlots, firstSlot, lastSlot } = catchUp;
  if (missedSlots === 0) return `Catch-up: Sitrep was not running when this digest was due. It stands for the digest of ${formatInZone(lastSlot, zone)}, not sent then.`;
  const gap = `Catch-up: Sitrep was not running for ${plural(missedSlots + 1, 'scheduled digest')}; this one covers the whole gap.`;
  return `${gap} It stands for the digests from ${formatInZone(firstSlot, zone)} to ${formatInZone(lastSlot, zone)}, none sent then.`;
}

function delayedText(delayed: NonNullable<DigestContext['delayed']>): string {
  const covers = plural(delayed.missedSlots + 1, 'scheduled digest');
  if (!delayed.waitedForPrevious) return `This digest covers ${covers}.`;
  return delayed.missedSlots > 0
    ? `Delayed: the previous digest was still being delivered, so this one covers ${covers}.`
    : 'Delayed: the previous digest was still being delivered when this one was due.';
}

interface KnownSection {
  kind: EntryChangeKind;
  before: EntryInput | undefined;
  reason: string | undefined;
  leftFilters: boolean;
  /** The actor names it shows, so a renamed actor is never shown by its old name. */
  names: string;
  section: Section;
}

/**
 * A section depends only on the change's snapshots (shared by every range that holds them),
 * its kind and the actors' names: it is built once and shared by every digest that lists it.
 */
const sections = new WeakMap<EntryInput, KnownSection[]>();

/** Under a correction that took an entry out of a filtered digest's subject. */
export const LEFT_FILTERS = 'It no longer matches this digest’s filters, so later digests here leave it out.';

/** One change as digests (and watchers' direct messages) list it: heading, entry lines, what changed. */
export function itemSection(item: EntryChange, names: ReadonlyMap<number, string>): Section {
  const shown = [...item.after.actors, ...(item.before?.actors ?? [])].map((a) => names.get(a.actorId) ?? '').join('|');
  const known = sections.get(item.after) ?? [];
  const hit = known.find((k) => k.kind === item.kind && k.before === item.before && k.reason === item.reason && k.leftFilters === !!item.leftFilters && k.names === shown);
  if (hit) return hit.section;
  const heading: Line = [span.bold(`#${item.entryId}`), span.plain(' '), span.bold(item.after.title)];
  if (item.kind !== 'new') heading.push(span.italic(` — ${item.kind}`));
  const lines = entryMetaLines(item.after, names);
  if (item.kind === 'corrected' || item.kind === 'restored') lines.push(...correctionLines(item, names));
  if (item.kind === 'removed') lines.push([span.italic('Reason: '), span.plain(item.reason ?? 'not given')]);
  if (item.leftFilters) lines.push([span.italic(LEFT_FILTERS)]);
  const section = { heading, lines, entryId: item.entryId };
  const entry = { kind: item.kind, before: item.before, reason: item.reason, leftFilters: !!item.leftFilters, names: shown, section };
  sections.set(item.after, [...known.slice(-3), entry]);
  return section;
}

/** What a digest holds for one range and one set of filters, whatever its zone and notes. */
interface DigestBody {
  summary: Line;
  sections: Section[];
  counts: Record<EntryChangeKind, number>;
  empty: boolean;
  /** The topics its changes are about, in order. */
  topics: string[];
  /** What the summary counts, for the posted header (none for an empty digest). */
  counted?: Omit<HeaderCounts, 'line'>;
}

/**
 * Subscriptions due together share ranges and often filters: the body is built once per range
 * and filters and reused, so composing for thousands of channels costs little more than for one.
 */
const bodies = new WeakMap<ChangeSet, Map<string, DigestBody>>();

function bodyFor(set: ChangeSet, filters: DigestFilters): DigestBody {
  let byFilters = bodies.get(set);
  if (!byFilters) {
    byFilters = new Map();
    bodies.set(set, byFilters);
  }
  const key = filtersKey(filters);
  let body = byFilters.get(key);
  if (!body) {
    body = buildBody(set, filters);
    byFilters.set(key, body);
  }
  return body;
}

function buildBody(set: ChangeSet, filters: DigestFilters): DigestBody {
  // The range's changes are already in digest order; filtering keeps it.
  const items = filterChanges(set.entries, filters);
  const counts = countByKind(items);
  const { listed, unlisted } = splitByKind(items, MAX_LISTED);
  const { sections, topics } = listedSections(listed, set);
  sections.push(...unlistedSections(unlisted));
  const unparsed = set.oversized ? unparsedItems(set.oversized, filters) : undefined;
  if (unparsed) {
    sections.push(...unparsed.sections);
    for (const kind of KIND_ORDER) counts[kind] += unparsed.byKind[kind] ?? 0;
  }
  const newActors = newActorsShown(set, items, filters);
  sections.push(...newActorsSections(newActors, set));
  const merges = mergesShown(set, items, filters);
  if (merges.length > 0) sections.push(mergesSection(merges, set));
  const named = unlisted.length + (unparsed?.count ?? 0);
  const empty = items.length === 0 && named === 0 && merges.length === 0 && newActors.length === 0;
  const extras = { newActors: newActors.length, ...mergeTally(merges) };
  const summary = empty ? [span.plain(NOTHING_CHANGED)] : countsLine(items, { ...extras, listed: listed.length, ...(unparsed ? { unparsed: { byKind: unparsed.byKind, newByType: unparsed.newByType } } : {}) });
  // Kept with the posted header so an edit counts again; past the bound, too many to follow.
  const counted = empty ? undefined : { ...extras, ...(named === 0 ? { items: items.map((i): [number, EntryChangeKind] => [i.entryId, i.kind]) } : {}) };
  return { summary, sections, counts, empty, topics, ...(counted ? { counted } : {}) };
}

/** The items listed in full, grouped by topic when there are several, and those topics. */
function listedSections(listed: readonly EntryChange[], set: ChangeSet): { sections: Section[]; topics: string[] } {
  const byTopic = new Map<string, EntryChange[]>();
  for (const item of listed) {
    const group = byTopic.get(item.after.topic);
    if (group) group.push(item);
    else byTopic.set(item.after.topic, [item]);
  }
  const sections: Section[] = [];
  for (const topic of [...byTopic.keys()].sort()) {
    const group = byTopic.get(topic)!;
    if (byTopic.size > 1) {
      const counted = group.map((i): [number, EntryChangeKind] => [i.entryId, i.kind]);
      const heading: Section = { heading: [span.bold(`Topic: ${topic}`)], lines: [[span.plain(kindsText(group, {}))]], counted };
      // A long digest split into parts repeats the topic where its entries go on.
      sections.push(groupHeading(heading, { heading: [span.bold(`Topic: ${topic} (continued)`)], lines: [] }, group.length));
    }
    for (const item of group) sections.push(itemSection(item, set.actorNames));
  }
  return { sections, topics: [...byTopic.keys()].sort() };
}

/** What a range too large to parse holds beyond the changes it lists: counted in the store, named by id. */
interface UnparsedItems {
  byKind: Partial<Record<EntryChangeKind, number>>;
  newByType: ReadonlyMap<string, number>;
  count: number;
  sections: Section[];
}

/**
 * The entries a range too large to parse created (a mass import), under the digest's filters, and
 * the changes of earlier entries when even those were too many: counted and named by id, each
 * with the command that shows it, and the new ones with a /timeline that pages through them.
 */
function unparsedItems(range: OversizedRange, filters: DigestFilters): UnparsedItems {
  const past = `in a period of ${plural(range.revisions, 'change')}, too many to list one by one`;
  const created = range.created(filters);
  const ranges = created.runs.map(([first, last]) => (first === last ? `#${first}` : `#${first}–#${last}`));
  const more = created.runsLeft > 0 ? [[span.plain(`And ${plural(created.runsLeft, 'more run')} of ids, up to #${created.lastId}.`)]] : [];
  const sections = created.total > 0 ? namedSections('new', created.total, ranges, past, [...more, timelineLine(created, filters)]) : [];
  const byKind: UnparsedItems['byKind'] = { new: created.total };
  let count = created.total;
  for (const kind of ['corrected', 'restored', 'removed'] as const) {
    const ids = range.earlier?.[kind] ?? [];
    if (ids.length === 0) continue;
    byKind[kind] = ids.length;
    count += ids.length;
    sections.push(...namedSections(kind, ids.length, idRanges(ids), `${past} (of all entries, whatever this digest’s filters)`));
  }
  return { byKind, newByType: created.byType, count, sections };
}

/** A /timeline under the digest's filters from the earliest date of the new entries: it shows them, among others of those dates. */
function timelineLine(created: CreatedEntries, filters: DigestFilters): Line {
  const args: Record<string, string> = {
    ...(created.earliestDay ? { since: created.earliestDay } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.eventType ? { type: filters.eventType } : {}),
    ...(filters.actorName ? { actor: filters.actorName } : {}),
  };
  return [span.plain('By date, among the other entries of those dates: '), invocationSpan({ command: 'timeline', args })];
}

/** Merges and unmerges, under a heading that names what it holds, as the header counts them. */
function mergesSection(merges: readonly ActorMerge[], set: ChangeSet): Section {
  const name = (id: number) => set.actorNames.get(id) ?? `actor ${id}`;
  const undone = merges.filter((m) => m.undone).length;
  const heading = undone === 0 ? 'Actors merged' : undone === merges.length ? 'Actors unmerged' : 'Actors merged and unmerged';
  return {
    heading: [span.bold(heading)],
    lines: merges.map((m) => [
      span.plain(
        m.undone
          ? `${name(m.fromId)} is separate from ${name(m.intoId)} again (a merge taken back): entries that named ${name(m.fromId)} name it again.`
          : `${name(m.fromId)} → ${name(m.intoId)}: entries that named ${name(m.fromId)} now name ${name(m.intoId)}.`,
      ),
    ]),
  };
}

/**
 * The new actors a digest names: all of them when it is not filtered (actors belong to no topic
 * or type); otherwise those its listed changes name, so a filtered digest stays on its subject.
 */
function newActorsShown(set: ChangeSet, items: readonly EntryChange[], filters: DigestFilters): number[] {
  if (isUnfiltered(filters)) return [...set.newActors.keys()];
  const named = new Set<number>();
  for (const item of items) for (const a of item.after.actors) if (set.newActors.has(a.actorId)) named.add(a.actorId);
  return [...named];
}

function isUnfiltered(filters: DigestFilters): boolean {
  return filters.topic === undefined && filters.eventType === undefined && filters.actorId === undefined;
}

/**
 * The merges a digest names: all of them when it is not filtered; otherwise, like new actors,
 * only those on its subject: merges of the filtered actor, or of actors its changes name. A
 * merge of an actor nobody here mentions would otherwise post a skip_empty digest for nothing.
 */
function mergesShown(set: ChangeSet, items: readonly EntryChange[], filters: DigestFilters): ActorMerge[] {
  if (isUnfiltered(filters)) return [...set.merges];
  const named = new Set<number>();
  for (const item of items) for (const state of [item.after, item.before]) state?.actors.forEach((a) => named.add(a.actorId));
  return set.merges.filter((m) => {
    // As they stand now too: the entries that named the folded actor name the live one.
    const involved = [m.fromId, m.intoId].flatMap((id) => [id, set.currentActors.get(id) ?? id]);
    return involved.some((id) => id === filters.actorId || named.has(id));
  });
}

/** Lines per section of new actors, so each section fits a part (and a Discord field). */
const ACTORS_PER_SECTION = 20;

/** Every new actor up to MAX_LISTED, in as many sections as that takes (a long digest is posted in parts). */
function newActorsSections(ids: readonly number[], set: ChangeSet): Section[] {
  const lines = ids.slice(0, MAX_LISTED).map((id): Line => {
    const actor = set.newActors.get(id)!;
    return [span.bold(isolated(set.actorNames.get(id) ?? `actor ${id}`)), span.plain(` — ${humanize(actor.kind)}`), ...(actor.title ? [span.plain(`, ${isolated(actor.title)}`)] : [])];
  });
  if (ids.length > MAX_LISTED) {
    lines.push([span.plain(`${plural(ids.length - MAX_LISTED, 'more new actor', 'more new actors')} — see `), span.command('actors list'), span.plain('.')]);
  }
  const sections: Section[] = [];
  for (let i = 0; i < lines.length; i += ACTORS_PER_SECTION) {
    sections.push({ heading: [span.bold(i === 0 ? 'New actors' : 'New actors (continued)')], lines: lines.slice(i, i + ACTORS_PER_SECTION) });
  }
  return sections;
}

const DETAILS: Line = [span.plain('Details: '), span.command('entry show', 'ID')];

/** Builds the digest a subscription would receive for a change set. */
export function composeDigest(set: ChangeSet, ctx: DigestContext): ComposedDigest {
  const built = bodyFor(set, ctx.filters);
  const newCalls = newCallTopics(ctx);
  const body = built.empty ? { ...built, summary: [span.plain(emptySummary(ctx, newCalls))] } : built;
  const intro = headerLines(ctx, body, newCalls);
  const view: View = {
    title: digestTitle(ctx.filters, ctx.preview),
    tone: 'normal',
    intro,
    sections: [...body.sections],
    footer: ctx.preview ? [span.plain('Preview — nothing was sent. '), ...DETAILS] : [...DETAILS, span.plain(' · Manage: '), span.command('digest list')],
    // The summary is the header's last line.
    ...(body.counted && !ctx.preview ? { headerCounts: { line: intro.length - 1, ...body.counted } } : {}),
  };
  return { view, empty: body.empty && newCalls.length === 0, counts: { ...body.counts } };
}

/** What a digest with no change of entries says: under a new trend call, that no entry changed. */
function emptySummary(ctx: DigestContext, newCalls: readonly string[]): string {
  if (newCalls.length > 0) return ctx.firstDigest ? NO_ENTRY_YET : NO_ENTRY_CHANGED;
  return ctx.firstDigest ? NOTHING_YET : NOTHING_CHANGED;
}
