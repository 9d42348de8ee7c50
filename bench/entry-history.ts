// The revisions a synthetic entry would have had had it been curated through the app: its
// creation and about two later changes, spread over the dossier's life, ending in the entry as
// the store holds it (so the entries themselves are those the generator always built).
//
// Times: the dossier is kept from DOSSIER_START to the bench's "now". Events from then on are
// added a few days after they happen (scheduled ones, dated later, shortly before "now");
// older events arrive in monthly backfill imports. Later changes are corrections within days,
// or revisions at any later time. Walking back from the final state, each earlier snapshot
// undoes one change: a confidence raised, a summary expanded, a date made precise, an actor,
// place or source added, a title or type fixed.
import type { Db } from '../src/store/connection.js';
import type { EntryInput } from '../src/core/domain.js';
import type { Confidence, EventType } from '../src/core/vocabulary.js';
import type { Random } from './random.js';

export const DOSSIER_START = Date.parse('2023-01-02T08:00:00.000Z');
const DAY_MS = 86_400_000;
const BY = 'bench';

/** How many changes follow an entry's creation: 2.05 on average. */
const LATER_CHANGES = [[0, 15], [1, 25], [2, 25], [3, 17], [4, 11], [5, 7]] as const;

type Change = 'confidence' | 'summary' | 'title' | 'start' | 'actors' | 'places' | 'eventType' | 'sources';
const CHANGES: readonly (readonly [Change, number])[] = [
  ['confidence', 30], ['summary', 25], ['title', 10], ['start', 12], ['actors', 10], ['places', 5], ['eventType', 5], ['sources', 3],
];

export interface EntryTimes {
  createdAt: string;
  updatedAt: string;
  removedAt?: string;
}

/** The state before `change` was made, or undefined when this entry cannot have had it. */
function undo(state: EntryInput, change: Change): EntryInput | undefined {
  switch (change) {
    case 'confidence':
      return { ...state, confidence: (state.confidence === 'reported' ? 'claimed' : 'reported') satisfies Confidence };
    case 'summary':
      return state.summary.length > 40 ? { ...state, summary: `${state.summary.slice(0, Math.floor(state.summary.length / 2)).trimEnd()}.` } : undefined;
    case 'title':
      return { ...state, title: `Reports: ${state.title}` };
    case 'start':
      if (state.end || state.start.month === undefined) return undefined;
      return { ...state, start: state.start.day === undefined ? { year: state.start.year } : { year: state.start.year, month: state.start.month } };
    case 'actors':
      return state.actors.length > 1 ? { ...state, actors: state.actors.slice(0, -1) } : undefined;
    case 'places':
      return state.places.length > 1 ? { ...state, places: state.places.slice(0, -1) } : undefined;
    case 'eventType':
      return { ...state, eventType: (state.eventType === 'other' ? 'statement' : 'other') satisfies EventType };
    case 'sources':
      return state.sources.length > 1 ? { ...state, sources: state.sources.slice(0, 1) } : undefined;
  }
}

export class HistoryWriter {
  private readonly insert;
  private readonly backfills: number[] = [];

  constructor(
    db: Db,
    private readonly random: Random,
    private readonly now: number,
  ) {
    this.insert = db.prepare(
      `INSERT INTO revisions (entity, entity_id, action, snapshot, reason, changed_fields, changed_by, changed_at)
       VALUES ('entry', ?, ?, ?, ?, ?, '${BY}', ?)`,
    );
    for (let at = DOSSIER_START + 30 * DAY_MS; at < now; at += 30 * DAY_MS) this.backfills.push(at);
  }

  private createdAt(final: EntryInput): number {
    const r = this.random;
    const occurred = Date.UTC(final.start.year, (final.start.month ?? 1) - 1, final.start.day ?? 1);
    if (occurred < DOSSIER_START) return r.pick(this.backfills) + r.int(3_600_000);
    const added = occurred + Math.min(-Math.log(1 - r.next()) * 2 * DAY_MS, 60 * DAY_MS);
    return added < this.now ? added : this.now - r.int(5 * DAY_MS);
  }

  /** Instants of the later changes, ascending, all before "now". */
  private changeTimes(created: number, count: number): number[] {
    const times: number[] = [];
    let at = created;
    for (let i = 0; i < count; i++) {
      const r = this.random;
      at = r.chance(0.6) ? at + 60_000 + r.int(3 * DAY_MS) : at + r.next() * (this.now - at);
      if (at >= this.now) break;
      times.push(at);
    }
    return times;
  }

  /** Writes the entry's revisions, ending in `final` (then its removal when `removed`). */
  write(entryId: number, final: EntryInput, removed: boolean): EntryTimes {
    const r = this.random;
    const created = this.createdAt(final);
    const times = this.changeTimes(created, r.weighted(LATER_CHANGES) + (removed ? 1 : 0));
    const removedAt = removed ? (times.pop() ?? created + 60_000) : undefined;
    // Walking back: states[0] is the oldest so far; each step undoes one change (a confidence
    // change when the entry cannot have had the one drawn), recorded as the later revision's field.
    const states: EntryInput[] = [final];
    const fields: Change[] = [];
    for (let i = 0; i < times.length; i++) {
      const drawn = r.weighted(CHANGES);
      const undone = undo(states[0]!, drawn);
      const field = undone ? drawn : 'confidence';
      states.unshift(undone ?? undo(states[0]!, field)!);
      fields.unshift(field);
    }
    const iso = (ms: number) => new Date(ms).toISOString();
    states.forEach((state, i) => {
      const [action, at, changed] = i === 0 ? ['create', created, []] : ['edit', times[i - 1]!, [fields[i - 1]!]];
      this.insert.run(entryId, action, JSON.stringify(state), null, JSON.stringify(changed), iso(at));
    });
    if (removedAt !== undefined) this.insert.run(entryId, 'remove', JSON.stringify(final), 'duplicate', '[]', iso(removedAt));
    const last = removedAt ?? times[times.length - 1] ?? created;
    return { createdAt: iso(created), updatedAt: iso(last), ...(removedAt !== undefined ? { removedAt: iso(removedAt) } : {}) };
  }
}
