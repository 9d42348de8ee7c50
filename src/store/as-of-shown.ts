// An entry's snapshot as the dossier showed it at an instant. A snapshot keeps the actor ids and
// place spellings its revision was given, but an actor merge written later moved the entry's
// links to the actor kept (until an unmerge moved them back), and a place shows the spelling
// its shared row has.
import type { EntryInput } from '../core/domain.js';
import { placeKeyOf } from './place-keys.js';
import type { StatementCache } from './statement-cache.js';

/** A merge of an actor into `into`, or (without it) an unmerge that took its merge back. */
interface FoldEvent {
  revisionId: number;
  at: string;
  into?: number;
}

interface FoldRow {
  actor_id: number;
  id: number;
  at: string;
  action: string;
  into: number | null;
  separated_from: number | null;
}

/** A bound on merge chains: only a corrupt store has one this long. */
const MAX_HOPS = 64;

/** Reads actors' merges and unmerges once per view, and places' stored spellings. */
export class ShownState {
  private readonly events = new Map<number, FoldEvent[]>();
  private readonly spellings = new Map<string, string | undefined>();

  constructor(private readonly cache: StatementCache) {}

  private load(ids: Iterable<number>): void {
    const missing = [...new Set(ids)].filter((id) => !this.events.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.events.set(id, []);
    // The merged actor's 'merge' revision names the actor kept; an unmerge is its 'restore'.
    const rows = this.cache
      .get(
        `SELECT r.entity_id AS actor_id, r.id, strftime('%Y-%m-%dT%H:%M:%fZ', r.changed_at) AS at, r.action,
                CASE r.action WHEN 'merge' THEN json_extract(r.snapshot, '$.mergedInto') END AS "into",
                CASE r.action WHEN 'restore' THEN json_extract(r.snapshot, '$.separatedFrom') END AS separated_from
         FROM json_each(?) j JOIN revisions r ON r.entity = 'actor' AND r.entity_id = j.value
         WHERE r.action IN ('merge', 'restore') ORDER BY r.id`,
      )
      .all(JSON.stringify(missing)) as FoldRow[];
    for (const row of rows) {
      if (row.action === 'merge' && row.into !== null) this.events.get(row.actor_id)!.push({ revisionId: row.id, at: row.at, into: row.into });
      if (row.action === 'restore' && row.separated_from !== null) this.events.get(row.actor_id)!.push({ revisionId: row.id, at: row.at });
    }
  }

  /**
   * The actor holding a link to `actorId` just before `before`, through the merges written after
   * revision `since` (0: any) and from the instant `sinceAt` on, and not taken back by then.
   */
  holder(actorId: number, since: number, before: string, sinceAt = ''): number {
    return this.chain(actorId, since, before, sinceAt).at(-1)!;
  }

  /** The actors a link to `actorId` passed through to reach its holder (see `holder`), itself first. */
  chain(actorId: number, since: number, before: string, sinceAt = ''): number[] {
    const path = [actorId];
    let after = (e: FoldEvent) => e.revisionId > since && e.at >= sinceAt;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const id = path.at(-1)!;
      this.load([id]);
      const events = this.events.get(id)!.filter((e) => after(e) && e.at < before);
      const merge = events.findLast((e) => e.into !== undefined);
      if (merge === undefined || events.some((e) => e.into === undefined && e.revisionId > merge.revisionId)) return path;
      path.push(merge.into!);
      // The link reached the next actor with this merge: only its later merges move it on.
      after = (e) => e.revisionId > merge.revisionId;
    }
    return path;
  }

  /** The holders, as `holder` finds them, of links to each actor from the instant `sinceAt` on. */
  holders(ids: readonly number[], sinceAt: string, before: string): Map<number, number> {
    this.load(ids);
    return new Map(ids.map((id) => [id, this.holder(id, 0, before, sinceAt)]));
  }

  /** The spelling every entry shows for a place: its shared row's, found by its name as stored places are. */
  private spelling(place: string): string {
    const key = placeKeyOf(this.cache, place);
    if (!this.spellings.has(key)) {
      this.spellings.set(key, this.cache.get('SELECT name FROM places WHERE place_key = ?').pluck().get(key) as string | undefined);
    }
    return this.spellings.get(key) ?? place;
  }

  /**
   * The snapshot written by revision `revisionId` as shown just before `before`: its links moved
   * by the merges written since it (one actor in one role once, as the merge left it), claims
   * under the actor their author was folded into by then, places as stored.
   */
  shown(state: EntryInput, revisionId: number, before: string): EntryInput {
    this.load([...state.actors, ...(state.claims ?? [])].map((a) => a.actorId));
    const seen = new Set<string>();
    const actors = state.actors
      .map((a) => ({ ...a, actorId: this.holder(a.actorId, revisionId, before) }))
      .filter((a) => {
        const key = `${a.actorId}:${a.role}`;
        return seen.has(key) ? false : (seen.add(key), true);
      });
    const shown: EntryInput = { ...state, actors, places: state.places.map((p) => this.spelling(p)) };
    // A claim's author is named as it stands when read, whenever it was merged.
    if (state.claims) shown.claims = state.claims.map((c) => ({ ...c, actorId: this.holder(c.actorId, 0, before) }));
    return shown;
  }
}
