// A digest's card: the entries its digest reports as new, by event type, beside those the
// previous digest reported, drawn as a picture that opens the digest, with the same figures in
// words. Both are counted from the change log's ranges, which the digests of one slot share.
import type { ChartFilter } from '../charts/chart-data-port.js';
import type { CardChart } from '../charts/chart.js';
import { chartImage, type ChartServices } from '../charts/picture.js';
import { plural } from '../text.js';
import { span, type Line, type View, type ViewImage } from '../view.js';
import { EVENT_TYPE_IDS, eventTypeLabel, type EventType } from '../vocabulary.js';
import { filtersKey, type ChangeSet, type DigestFilters } from './changes.js';
import { countNewEntries, indexNewEntries, type NewCounts } from './new-entries.js';
import { subscriptionChanges } from './subscription-changes.js';
import type { ChangeReader, DigestStore } from './store-port.js';
import type { Subscription } from './subscriptions-port.js';

/** A digest's change range (after cursor `cursorFrom`, up to `cursorTo`) and the time it covers. */
export interface CardRange {
  cursorFrom: number;
  cursorTo: number;
  from: Date;
  to: Date;
  /** What the digest reports over the range, where that differs from the range's changes (see subscription-changes.ts). */
  changes?: ChangeSet;
}

/** What a card counted for its digest's range: new entries by type, under these filters. */
export interface CardFigures {
  /** The filters counted under: a subscription's filters may change between digests. */
  filters: string;
  counts: Partial<Record<EventType, number>>;
}

/** The previous digest's range, with what its card counted when it recorded that. */
export interface PreviousRange extends Pick<CardRange, 'cursorFrom' | 'cursorTo'> {
  cardFigures?: CardFigures;
}

export interface CardPeriods {
  current: CardRange;
  /**
   * The previous digest's range, while the delivery log keeps it; without it, the same length of
   * time before — or, for a channel's first digest, nothing.
   */
  previous?: PreviousRange | 'none';
}

export interface DigestCard {
  /** Undefined when the digest's range added nothing it lists. */
  image?: ViewImage;
  /** The current range's figures, for the next digest's card. */
  figures: CardFigures;
}

const asCounts = (rows: readonly { type: EventType; count: number }[]): NewCounts => new Map(rows.map((r) => [r.type, r.count]));

function sumCounts(a: NewCounts, b: NewCounts): NewCounts {
  const sum = new Map(a);
  for (const [type, n] of b) sum.set(type, (sum.get(type) ?? 0) + n);
  return sum;
}

type Row = CardChart['rows'][number];

const change = (row: Row) => (row.current === row.previous ? 'same' : `${row.current > row.previous ? '+' : '−'}${Math.abs(row.current - row.previous)}`);

function cardAlt(rows: readonly Row[], first: boolean): string {
  const now = rows.reduce((s, r) => s + r.current, 0);
  if (first) {
    const figures = rows.map((r) => `${eventTypeLabel(r.type)} ${r.current}`).join(', ');
    return `Bar chart of entries added by event type in this channel's first digest, with no digest before it to compare with: ${plural(now, 'entry', 'entries')} in all; ${figures}.`;
  }
  const figures = rows.map((r) => `${eventTypeLabel(r.type)} ${r.current} (${r.previous} before)`).join(', ');
  const before = rows.reduce((s, r) => s + r.previous, 0);
  return `Bar chart of entries added by event type in this digest's period against the period before: ${now} against ${before}; ${figures}.`;
}

function cardTable(rows: readonly Row[], first: boolean): Line[] {
  const width = Math.max(10, ...rows.map((r) => eventTypeLabel(r.type).length));
  // A first digest has no period before: its columns say so rather than show a zero.
  const before = (r: Row) => (first ? ['—', '—'] : [String(r.previous), change(r)]);
  return [
    [span.code(`${'Event type'.padEnd(width)}  This period  Before  Change`)],
    ...rows.map((r): Line => {
      const [was, diff] = before(r);
      return [span.code(`${eventTypeLabel(r.type).padEnd(width)}  ${String(r.current).padStart(11)}  ${was!.padStart(6)}  ${diff!.padStart(6)}`)];
    }),
  ];
}

/**
 * The card for a digest's range. A range too large for the digest to list is counted by the
 * store instead; the previous range's figures are read from its card when it recorded them.
 */
export function digestCard(charts: ChartServices, changes: ChangeReader, filters: DigestFilters, periods: CardPeriods): DigestCard {
  const filter: ChartFilter = { ...(filters.topic ? { topic: filters.topic } : {}), ...(filters.eventType ? { eventType: filters.eventType } : {}), ...(filters.actorId !== undefined ? { actorId: filters.actorId } : {}) };
  const inRange = (from: number, to: number): NewCounts => {
    const index = changes.newEntries(from, to);
    return index ? countNewEntries(index, filters) : asCounts(charts.added.addedInRevisions(filter, from, to));
  };
  const key = filtersKey(filters);
  const { current: period, previous: before } = periods;
  const listed = period.changes && countNewEntries(indexNewEntries(period.changes), filters);
  // The changes of a range too large to parse leave out the entries it created: the store counts
  // those, beside the entries the changes do list as new (brought under the filters, restored unseen).
  const current = !listed ? inRange(period.cursorFrom, period.cursorTo) : period.changes?.oversized ? sumCounts(inRange(period.cursorFrom, period.cursorTo), listed) : listed;
  const figures: CardFigures = { filters: key, counts: Object.fromEntries(current) };
  // A card pictures the new entries its digest lists. A digest of corrections, removals or nothing
  // lists none: every bar would read as a fall to 0, which says nothing about the period's events
  // (a correction is no drop in clashes), so it has no card. Its figures (none) are still recorded:
  // the next card compares with what this digest listed.
  if (![...current.values()].some((n) => n > 0)) return { figures };
  const length = period.to.getTime() - period.from.getTime();
  const first = before === 'none';
  const previous: NewCounts = first
    ? new Map()
    : !before
      ? asCounts(charts.added.addedByType(filter, new Date(period.from.getTime() - length), period.from))
      : before.cardFigures?.filters === key
      ? new Map(Object.entries(before.cardFigures.counts) as [EventType, number][])
      : inRange(before.cursorFrom, before.cursorTo);
  const rows = EVENT_TYPE_IDS.filter((t: EventType) => current.has(t) || previous.has(t))
    .map((type) => ({ type, current: current.get(type) ?? 0, previous: previous.get(type) ?? 0 }))
    .sort((a, b) => b.current - a.current || b.previous - a.previous);
  const previousLabel = first ? 'No digest before' : 'The period before';
  const chart: CardChart = { kind: 'card', title: 'Entries added, by event type', currentLabel: 'This period', previousLabel, rows, ...(first ? { uncompared: true } : {}) };
  return { image: chartImage(charts.renderer, chart, cardAlt(rows, first), () => cardTable(rows, first)), figures };
}

/**
 * A subscription's card over `current`, beside its previous digest's range when the delivery log
 * has it. A channel's first digest has none: no digest listed anything before it, and a window of
 * time before it would hold whatever was there when the channel subscribed (a whole import), and
 * grow with the moment it is drawn, so a preview and the digest sent after it would disagree.
 */
export function subscriptionCard(charts: ChartServices, store: Pick<DigestStore, 'changes' | 'deliveries'>, sub: Pick<Subscription, 'id' | 'filters'>, current: CardRange): DigestCard {
  const previous = store.deliveries.settledEndingAt(sub.id, current.cursorFrom) ?? (store.deliveries.hasSettled(sub.id) ? undefined : 'none');
  // Counted from what the digest reports only where that differs from the range (a restoration
  // the channel never saw reported as new): otherwise the range's counts, shared by every card.
  const changes = subscriptionChanges(store, sub.id, current.cursorFrom, current.cursorTo);
  const range = changes === store.changes.between(current.cursorFrom, current.cursorTo) && !changes.oversized ? current : { ...current, changes };
  return digestCard(charts, store.changes, sub.filters, { current: range, ...(previous ? { previous } : {}) });
}

/** The digest's first part with its card, when it has one. */
export function withCard(view: View, card: ViewImage | undefined): View {
  return card ? { ...view, image: card } : view;
}
