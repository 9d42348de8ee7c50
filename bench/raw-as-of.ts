// The raw SQL of a past /timeline page (`as_of:`), written by hand from migration 0018's spans
// tables (keyed in their main order by 0030), not from the store's query code: the spans that held just before @before, read in
// the order of the index their filter allows (an actor's, a place's, or the entries' by topic,
// type or date; a country's through its places then, 0052), `since` read as in raw-timeline.ts (what started in the period, then what
// still ran at it), the count capped in one UNION ALL (a country's from its places' spans), and
// each page row shown as its latest revision before @before wrote it (title, places and actors
// from the snapshot, in SQL).
import type Database from 'better-sqlite3';
import { foldKey } from '../src/core/text.js';
import { ACTOR_ID, COUNT_CAP, PLACE_ID, toEntry, type PageRow, type RawPage } from './raw-rows.js';
import type { TimelineFilters } from './raw-timeline.js';

const LONG_SPAN_DAYS = 400;

type Index = 'main' | 'spans' | 'long_spans';

interface Part {
  from: string;
  where: string[];
}

// `+`: read in the driver's order, not through entry_spans_by_start.
const HELD = (a: string) => [`+${a}.valid_from < @before`, `(${a}.valid_to IS NULL OR ${a}.valid_to >= @before)`];

function part(filters: TimelineFilters, index: Index): Part {
  const [table, key, main] =
    filters.actor !== undefined
      ? (['entry_actor_spans', [`s.actor_id = ${ACTOR_ID}`], undefined] as const)
      : filters.place !== undefined
        ? (['entry_place_spans', [`s.place_id = ${PLACE_ID}`], undefined] as const)
        : (['entry_spans', [], filters.topic !== undefined ? 'entry_spans_by_topic' : filters.type !== undefined ? 'entry_spans_by_type' : undefined] as const);
  const where = [...key, ...HELD('s')];
  // A country: one of the entry's place spans held then, by entry (open ones, closed ones: 0053),
  // at a place that lay in it then (place_area_spans, 0052), beside each span read in day order.
  if (filters.area !== undefined) {
    const inArea = `+xp.place_id IN (SELECT place_id FROM place_area_spans WHERE area = @area AND held_from < @before AND (held_until IS NULL OR held_until >= @before))`;
    where.push(`(EXISTS (SELECT 1 FROM entry_place_spans xp INDEXED BY entry_place_spans_open
                 WHERE xp.entry_id = s.entry_id AND ${inArea} AND xp.valid_to IS NULL AND xp.valid_from < @before)
              OR EXISTS (SELECT 1 FROM entry_place_spans xp INDEXED BY entry_place_spans_closed
                 WHERE xp.entry_id = s.entry_id AND ${inArea} AND xp.valid_to IS NOT NULL AND xp.valid_to >= @before AND xp.valid_from < @before))`);
  }
  if (index === 'spans') where.push('s.day_to > s.day_from', 's.day_to >= @since', 's.day_to < @later', 's.day_from < @since');
  if (index === 'long_spans') where.push(`s.day_to > date(s.day_from, '+${LONG_SPAN_DAYS} days')`, 's.day_to >= @later', 's.day_from < @since');
  if (index === 'main' && filters.since !== undefined) where.push('s.day_from >= @since');
  if (filters.until !== undefined) where.push('s.day_from <= @until');
  if (filters.topic !== undefined) where.push('s.topic = @topic');
  if (filters.type !== undefined) where.push('s.event_type = @type');
  // No index named: the table's own key, newest first.
  const named = index === 'main' ? main : `${table}_${index}`;
  return { from: `${table} s${named ? ` INDEXED BY ${named}` : ''}`, where };
}

/** A country's entries of then counted from its side: its places' spans held then, each entry once. */
function areaCount(filters: TimelineFilters): string {
  const where = ['pa.area = @area', 'pa.held_from < @before', '(pa.held_until IS NULL OR pa.held_until >= @before)', ...HELD('xp')];
  if (filters.topic !== undefined) where.push('xp.topic = @topic');
  if (filters.type !== undefined) where.push('xp.event_type = @type');
  if (filters.until !== undefined) where.push('xp.day_from <= @until');
  return `SELECT count(*) FROM (SELECT DISTINCT xp.entry_id FROM place_area_spans pa JOIN entry_place_spans xp ON xp.place_id = pa.place_id
          WHERE ${where.join(' AND ')} LIMIT ${COUNT_CAP + 1})`;
}

const select = (p: Part) => `SELECT s.entry_id AS id, s.day_from AS day FROM ${p.from} WHERE ${p.where.join(' AND ')}`;

/** A page row as its latest revision before @before wrote it. */
const HYDRATE = `
  SELECT page.id, page.day, json_extract(r.snapshot, '$.title') AS title,
    json_extract(r.snapshot, '$.places') AS places,
    (SELECT json_group_array(json_array(a.id, a.name, json_extract(l.value, '$.role')))
       FROM json_each(r.snapshot, '$.actors') l JOIN actors a ON a.id = json_extract(l.value, '$.actorId')) AS actors
  FROM page JOIN revisions r ON r.id = (SELECT max(id) FROM revisions WHERE entity = 'entry' AND entity_id = page.id
                                         AND strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) < @before)
  ORDER BY page.day DESC, page.id DESC`;

export class RawAsOfTimeline {
  private readonly page: Database.Statement;
  private readonly runningPage?: Database.Statement;
  private readonly startedCount?: Database.Statement;
  private readonly count: Database.Statement;

  constructor(db: Database.Database, filters: TimelineFilters) {
    const started = part(filters, 'main');
    const running = filters.since !== undefined ? [part(filters, 'spans'), part(filters, 'long_spans')] : [];
    const hydrated = (rows: string) => db.prepare(`WITH page AS MATERIALIZED (${rows} LIMIT @limit OFFSET @offset) ${HYDRATE}`);
    this.page = hydrated(`${select(started)} ORDER BY s.day_from DESC, s.entry_id DESC`);
    if (running.length > 0) {
      this.runningPage = hydrated(`${running.map(select).join(' UNION ALL ')} ORDER BY day DESC, id DESC`);
      this.startedCount = db.prepare(`SELECT count(*) FROM (${select(started)} LIMIT @upTo)`).pluck();
    }
    this.count = db.prepare(
      filters.area !== undefined && filters.since === undefined
        ? areaCount(filters)
        : `SELECT count(*) FROM (${[started, ...running].map(select).join(' UNION ALL ')} LIMIT ${COUNT_CAP + 1})`,
    ).pluck();
  }

  run(filters: TimelineFilters, before: string, limit: number, offset: number): RawPage {
    const params: Record<string, unknown> = { before };
    if (filters.actor !== undefined) params.actorKey = foldKey(filters.actor);
    if (filters.place !== undefined) params.placeKey = foldKey(filters.place);
    if (filters.area !== undefined) params.area = filters.area;
    if (filters.topic !== undefined) params.topic = filters.topic;
    if (filters.type !== undefined) params.type = filters.type;
    if (filters.until !== undefined) params.until = filters.until;
    if (filters.since !== undefined) {
      const later = new Date(`${filters.since}T00:00:00Z`);
      later.setUTCDate(later.getUTCDate() + LONG_SPAN_DAYS);
      Object.assign(params, { since: filters.since, later: later.toISOString().slice(0, 10) });
    }
    const rows = this.page.all({ ...params, limit, offset }) as PageRow[];
    if (this.runningPage && rows.length < limit) {
      const startedRows = rows.length > 0 ? offset + rows.length : (this.startedCount!.get({ ...params, upTo: offset + 1 }) as number);
      rows.push(...(this.runningPage.all({ ...params, limit: limit - rows.length, offset: Math.max(0, offset - startedRows) }) as PageRow[]));
    }
    const n = this.count.get(params) as number;
    return { entries: rows.map(toEntry), total: Math.min(n, COUNT_CAP), totalIsLowerBound: n > COUNT_CAP };
  }
}
