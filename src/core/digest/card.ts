// A digest's card: live entries added in its period by event type, beside the period of the same
// length before, drawn as a picture that opens the digest, with the same figures in words.
import type { CardChart } from '../charts/chart.js';
import { chartImage, type ChartServices } from '../charts/picture.js';
import { span, type Line, type View, type ViewImage } from '../view.js';
import { EVENT_TYPE_IDS, eventTypeLabel, type EventType } from '../vocabulary.js';
import type { DigestFilters } from './changes.js';

export interface CardPeriod {
  from: Date;
  to: Date;
}

type Row = CardChart['rows'][number];

const change = (row: Row) => (row.current === row.previous ? 'same' : `${row.current > row.previous ? '+' : '−'}${Math.abs(row.current - row.previous)}`);

function cardAlt(rows: readonly Row[]): string {
  const figures = rows.map((r) => `${eventTypeLabel(r.type)} ${r.current} (${r.previous} before)`).join(', ');
  const [now, before] = [rows.reduce((s, r) => s + r.current, 0), rows.reduce((s, r) => s + r.previous, 0)];
  return `Bar chart of entries added by event type in this digest's period against the period before: ${now} against ${before}; ${figures}.`;
}

function cardTable(rows: readonly Row[]): Line[] {
  const width = Math.max(10, ...rows.map((r) => eventTypeLabel(r.type).length));
  return [
    [span.code(`${'Event type'.padEnd(width)}  This period  Before  Change`)],
    ...rows.map((r): Line => [span.code(`${eventTypeLabel(r.type).padEnd(width)}  ${String(r.current).padStart(11)}  ${String(r.previous).padStart(6)}  ${change(r).padStart(6)}`)]),
  ];
}

/** The card for a digest's period, or undefined when neither period added anything. */
export function digestCard(charts: ChartServices, filters: DigestFilters, period: CardPeriod): ViewImage | undefined {
  const length = period.to.getTime() - period.from.getTime();
  const filter = { ...(filters.topic ? { topic: filters.topic } : {}), ...(filters.eventType ? { eventType: filters.eventType } : {}), ...(filters.actorId !== undefined ? { actorId: filters.actorId } : {}) };
  const counts = (from: Date, to: Date) => new Map(charts.added.addedByType(filter, from, to).map((r) => [r.type, r.count]));
  const current = counts(period.from, period.to);
  const previous = counts(new Date(period.from.getTime() - length), period.from);
  const rows = EVENT_TYPE_IDS.filter((t: EventType) => current.has(t) || previous.has(t))
    .map((type) => ({ type, current: current.get(type) ?? 0, previous: previous.get(type) ?? 0 }))
    .sort((a, b) => b.current - a.current || b.previous - a.previous);
  if (rows.length === 0) return undefined;
  const chart: CardChart = { kind: 'card', title: 'Entries added, by event type', currentLabel: 'This period', previousLabel: 'The period before', rows };
  return chartImage(charts.renderer, chart, cardAlt(rows), cardTable(rows));
}

/** The digest's first part with its card, when it has one. */
export function withCard(view: View, card: ViewImage | undefined): View {
  return card ? { ...view, image: card } : view;
}
