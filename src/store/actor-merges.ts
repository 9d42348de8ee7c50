// Folding a duplicate actor into another, and taking the fold back. A merge records everything
// it moved in the folded actor's revision, so that /actors unmerge can move it back.
import type { ChangeStamp } from '../core/domain.js';
import type { EntryActorMove, HeldName } from '../core/editor-port.js';
import { UserError } from '../core/errors.js';
import { actorNameKey } from '../core/actor-name-key.js';
import { assertNoLookAlike } from './actor-look-alikes.js';
import { addName, readActorState, recordActor, takenName } from './actor-writes.js';
import type { Db } from './connection.js';
import { writeOutCreations } from './created-state.js';
import { writeRevision } from './revisions.js';
import { holderTookName } from './unmerge-name-clash.js';

type Link = [entryId: number, role: string, position: number];

interface ActorProfile {
  title: string | null;
  affiliationId: number | null;
}

/** The snapshot of the folded actor's 'merge' revision. */
export interface MergeRecord {
  mergedInto: number;
  /** Every name of the folded actor, the canonical one first. */
  names: string[];
  /** Its entry links, moved over to the actor kept. */
  movedLinks?: Link[];
  /** Its entry links that the actor kept already had (same entry and role), so were dropped. */
  sharedLinks?: Link[];
  /** Actors that belonged to it and now belong to the actor kept. */
  affiliates?: number[];
  /** The kept actor's title and affiliation before and after the merge filled or fixed them. */
  intoBefore?: ActorProfile;
  intoAfter?: ActorProfile;
}

const profileOf = (db: Db, actorId: number) =>
  db.prepare('SELECT title, affiliation_id AS affiliationId FROM actors WHERE id = ?').get(actorId) as ActorProfile;

/**
 * What the kept actor should say after absorbing another: its own title and affiliation win; an
 * empty one takes the folded actor's, so nothing known is lost; an affiliation to the folded
 * actor (or one that would point at itself) gives way to the folded actor's own.
 */
/** The kept actor fills what it lacks from the folded one, when they are of one kind (a person's title is no state's). */
function profileAfterMerge(fromId: number, intoId: number, from: ActorProfile, into: ActorProfile, sameKind: boolean): ActorProfile {
  const inherited = from.affiliationId === intoId || !sameKind ? null : from.affiliationId;
  const keep = into.affiliationId !== null && into.affiliationId !== fromId;
  return { title: into.title ?? (sameKind ? from.title : null), affiliationId: keep ? into.affiliationId : inherited };
}

function changedProfileFields(before: ActorProfile, after: ActorProfile): string[] {
  return [
    ...(before.affiliationId !== after.affiliationId ? ['affiliationId'] : []),
    ...(before.title !== after.title ? ['title'] : []),
  ];
}

/**
 * Folds `fromId` into `intoId`: entry links, names (the old canonical name becomes an alias)
 * and affiliated actors move over; the old actor stays, marked merged, with its history.
 */
export function mergeActors(db: Db, fromId: number, intoId: number, stamp: ChangeStamp): { links: number } {
  return db.transaction(() => {
    if (fromId === intoId) throw new UserError('invalid-option', 'Options `from` and `into` name the same actor.');
    const links = db.prepare('SELECT entry_id, role, position FROM entry_actors WHERE actor_id = ? ORDER BY entry_id, role').raw().all(fromId) as Link[];
    const intoHas = db.prepare('SELECT 1 FROM entry_actors WHERE entry_id = ? AND actor_id = ? AND role = ?').pluck();
    const sharedLinks = links.filter(([entryId, role]) => intoHas.get(entryId, intoId, role) !== undefined);
    // Entries still as created keep the folded actor in their creation revision.
    writeOutCreations(db, links.map(([entryId]) => entryId));
    db.prepare(
      `INSERT OR IGNORE INTO entry_actors (entry_id, actor_id, role, position)
       SELECT entry_id, ?, role, position FROM entry_actors WHERE actor_id = ?`,
    ).run(intoId, fromId);
    db.prepare('DELETE FROM entry_actors WHERE actor_id = ?').run(fromId);
    const names = db.prepare('SELECT name FROM actor_names WHERE actor_id = ? ORDER BY is_primary DESC, name').pluck().all(fromId) as string[];
    db.prepare('DELETE FROM actor_names WHERE actor_id = ?').run(fromId);
    for (const name of names) addName(db, intoId, name, false);
    const affiliates = db.prepare('SELECT id FROM actors WHERE affiliation_id = ? AND id <> ? ORDER BY id').pluck().all(fromId, intoId) as number[];
    db.prepare('UPDATE actors SET affiliation_id = ? WHERE affiliation_id = ? AND id <> ?').run(intoId, fromId, intoId);
    const intoBefore = profileOf(db, intoId);
    const kindOf = db.prepare('SELECT kind FROM actors WHERE id = ?').pluck();
    const [fromKind, intoKind] = [kindOf.get(fromId), kindOf.get(intoId)];
    const sameKind = fromKind === intoKind || fromKind === 'unknown' || intoKind === 'unknown';
    const intoAfter = profileAfterMerge(fromId, intoId, profileOf(db, fromId), intoBefore, sameKind);
    db.prepare('UPDATE actors SET title = ?, affiliation_id = ? WHERE id = ?').run(intoAfter.title, intoAfter.affiliationId, intoId);
    db.prepare('UPDATE actors SET merged_into_id = ? WHERE id = ?').run(intoId, fromId);
    const record: MergeRecord = {
      mergedInto: intoId,
      names,
      movedLinks: links.filter((link) => !sharedLinks.includes(link)),
      sharedLinks,
      affiliates,
      intoBefore,
      intoAfter,
    };
    // Names are gone from the merged actor, so its snapshot records what it was before.
    writeRevision(db, { entity: 'actor', entityId: fromId, action: 'merge', snapshot: record, reason: `merged into actor ${intoId}` }, stamp);
    const changedFields = ['aliases', ...changedProfileFields(intoBefore, intoAfter)].sort();
    recordActor(db, intoId, { action: 'merge', changedFields, reason: `absorbed actor ${fromId}` }, stamp);
    return { links: links.length };
  })();
}

export interface MergedActor {
  actorId: number;
  name: string;
  /** The live actor that now holds its names and links (the one merged into, or where that went). */
  holderId: number;
  record: MergeRecord;
  /** The revision that recorded the merge: entry changes after it are changes made since. */
  mergeRevisionId: number;
}

/** The actor folded away under the typed name (its latest merge), or undefined. */
export function findMergedActor(db: Db, typed: string): MergedActor | undefined {
  const key = actorNameKey(typed);
  const rows = db
    .prepare(
      `SELECT a.id, a.name, r.id AS revision_id, r.snapshot FROM actors a
       JOIN revisions r ON r.id = (SELECT max(id) FROM revisions WHERE entity = 'actor' AND entity_id = a.id AND action = 'merge')
       WHERE a.merged_into_id IS NOT NULL ORDER BY r.id DESC`,
    )
    .all() as { id: number; name: string; revision_id: number; snapshot: string }[];
  const merged = rows.map((row) => ({ row, record: JSON.parse(row.snapshot) as MergeRecord }));
  // The actor whose own name it is first: after a chain of merges (T. Barrack into Thomas Barrack,
  // that into Tom Barrack) the later merge's names hold the earlier one's too.
  const found =
    merged.find(({ row }) => actorNameKey(row.name) === key) ?? merged.find(({ record }) => record.names.some((name) => actorNameKey(name) === key));
  if (!found) return undefined;
  const { row, record } = found;
  return { actorId: row.id, name: row.name, holderId: liveActorOf(db, record.mergedInto), record, mergeRevisionId: row.revision_id };
}

function liveActorOf(db: Db, actorId: number): number {
  return liveActorsOf(db, [actorId]).get(actorId)!;
}

/**
 * The live actor each of these actors now is: itself, or the end of the chain of merges that
 * folded it away (`merged_into_id`, followed). An id no actor has stands for itself.
 */
export function liveActorsOf(db: Db, actorIds: readonly number[]): Map<number, number> {
  const next = db.prepare('SELECT merged_into_id FROM actors WHERE id = ?').pluck();
  const live = new Map<number, number>();
  for (const actorId of new Set(actorIds)) {
    let id = actorId;
    for (let hops = 0; ; hops += 1) {
      if (hops >= 100) throw new Error(`actor ${actorId}: merge chain does not end`);
      const into = next.get(id) as number | null | undefined;
      if (into === null || into === undefined) break;
      id = into;
    }
    live.set(actorId, id);
  }
  return live;
}

/** A live actor that holds a name: as its own name, or as an alias. */
interface NameOwner {
  id: number;
  name: string;
  is_primary: number;
}

/** `T. Barrack (2)`: the first such name no live actor has. */
function freeNameLike(db: Db, name: string): string {
  const taken = db.prepare('SELECT 1 FROM actor_names n JOIN actors a ON a.id = n.actor_id WHERE n.name_key = ? AND a.merged_into_id IS NULL').pluck();
  for (let n = 2; ; n += 1) if (taken.get(actorNameKey(`${name} (${n})`)) === undefined) return `${name} (${n})`;
}

/** The refusal of an unmerge under a name another actor has taken since, with fixes that work. */
function nameTaken(db: Db, merged: MergedActor, owner: NameOwner): UserError {
  const name = merged.name;
  const free = freeNameLike(db, name);
  const other = `/actors unmerge name:"${name}" as:"${free}"`;
  if (owner.is_primary === 0) {
    return new UserError('conflict', `“${name}” is now an alias of ${owner.name}, so ${name} cannot come back under it.`, [
      `Remove it from ${owner.name} first: /actors alias name:"${owner.name}" remove:"${name}"`,
      `Or bring ${name} back under another name: ${other}`,
    ], 'name');
  }
  // Only a merge takes an actor's own name off it: the newer actor can be folded into the one back.
  const holder = db.prepare('SELECT name FROM actors WHERE id = ?').pluck().get(merged.holderId) as string;
  return new UserError('conflict', `“${name}” is now the name of another actor, so the ${name} merged into ${holder} cannot come back under it.`, [
    `Bring it back under another name: ${other}`,
    `If the two are one actor, then fold the newer one into it (“${name}” becomes its alias): /actors merge from:"${name}" into:"${free}"`,
  ], 'name');
}

/**
 * Takes a merge back: the folded actor is live again with its names, the entry links it had
 * (where the entry still names the actor they went to, in the same role), its affiliates, and
 * the kept actor's title and affiliation as they were (unless changed since). Changes made since
 * the merge stay: a link removed from an entry is not brought back, and a name another actor has
 * taken stays with it (returned, so the reply can say so). `as` is the name it comes back under
 * instead of its own, which then is one of its aliases, if free.
 */
export function unmergeActor(db: Db, merged: MergedActor, stamp: ChangeStamp, as?: string): { links: number; name: string; held: HeldName[] } {
  return db.transaction(() => {
    const { actorId, holderId, record } = merged;
    if (!record.movedLinks || !record.sharedLinks || !record.affiliates) {
      throw new UserError('conflict', `${merged.name} was merged before merges recorded what they moved, so it cannot be taken back.`, [
        `Add it again with /actors add, or keep it as an alias of the actor it went into.`,
      ]);
    }
    const owner = db.prepare(
      `SELECT a.id, a.name, n.is_primary FROM actor_names n JOIN actors a ON a.id = n.actor_id
       WHERE n.name_key = ? AND a.merged_into_id IS NULL AND a.id <> ?`,
    );
    const renamed = as !== undefined && actorNameKey(as) !== actorNameKey(merged.name) ? as : undefined;
    if (renamed === undefined) {
      const canonicalOwner = owner.get(actorNameKey(merged.name), holderId) as NameOwner | undefined;
      if (canonicalOwner) throw nameTaken(db, merged, canonicalOwner);
      // An alias of the holder is given back; its own name stays its own, and the actor would come back nameless.
      const holderCalledSo = db.prepare('SELECT 1 FROM actor_names WHERE actor_id = ? AND name_key = ? AND is_primary = 1').get(holderId, actorNameKey(merged.name));
      if (holderCalledSo !== undefined) throw holderTookName(db, merged.name, holderId, freeNameLike(db, merged.name));
    } else {
      if (renamed.includes(',')) throw new UserError('invalid-option', `Option \`as\`: “${renamed}” has a comma, and commas separate names in lists (actors:, aliases:).`, [], 'as');
      const other = owner.get(actorNameKey(renamed), holderId) as NameOwner | undefined;
      if (other) throw new UserError('conflict', `Option \`as\`: ${takenName(renamed, other.name)}.`, [`See /actor ${other.name}`], 'as');
      assertNoLookAlike(db, renamed, holderId);
      // The kept actor's own names stay its own; those it took from the folded actor come back.
      const keptOwn = db.prepare('SELECT 1 FROM actor_names WHERE actor_id = ? AND name_key = ?').get(holderId, actorNameKey(renamed)) !== undefined;
      if (keptOwn && !record.names.some((name) => actorNameKey(name) === actorNameKey(renamed))) {
        const holderName = db.prepare('SELECT name FROM actors WHERE id = ?').pluck().get(holderId) as string;
        throw new UserError('conflict', `Option \`as\`: “${renamed}” is a name of ${holderName}, not of ${merged.name}.`, [], 'as');
      }
    }
    db.prepare('UPDATE actors SET merged_into_id = NULL WHERE id = ?').run(actorId);
    const holderHas = db.prepare('SELECT 1 FROM entry_actors WHERE entry_id = ? AND actor_id = ? AND role = ?').pluck();
    const link = db.prepare('INSERT OR IGNORE INTO entry_actors (entry_id, actor_id, role, position) VALUES (?, ?, ?, ?)');
    const unlink = db.prepare('DELETE FROM entry_actors WHERE entry_id = ? AND actor_id = ? AND role = ?');
    // An entry whose actors were changed since (an edit, an undo back past the merge, an import)
    // names whom that change gave it: its links are left as they are.
    const actorsChangedSince = db
      .prepare(
        `SELECT 1 FROM revisions r WHERE r.entity = 'entry' AND r.entity_id = ? AND r.id > ?
           AND EXISTS (SELECT 1 FROM json_each(r.changed_fields) WHERE value = 'actors')`,
      )
      .pluck();
    const restoredLinks: Link[] = [];
    const keptLinks: Link[] = [];
    const movedBack: Link[] = [];
    writeOutCreations(db, [...record.movedLinks, ...record.sharedLinks].map(([entryId]) => entryId));
    for (const movedLink of [...record.movedLinks, ...record.sharedLinks]) {
      const [entryId, role, position] = movedLink;
      if (holderHas.get(entryId, holderId, role) === undefined) continue;
      if (actorsChangedSince.get(entryId, merged.mergeRevisionId) !== undefined) {
        keptLinks.push([entryId, role, position]);
        continue;
      }
      link.run(entryId, actorId, role, position);
      restoredLinks.push([entryId, role, position]);
      if (record.movedLinks.includes(movedLink)) movedBack.push(movedLink);
    }
    for (const [entryId, role] of movedBack) unlink.run(entryId, holderId, role);
    // Links first, names after: the name triggers re-index every entry of both actors for search.
    const removeName = db.prepare('DELETE FROM actor_names WHERE actor_id = ? AND name_key = ? AND is_primary = 0');
    if (renamed !== undefined) {
      removeName.run(holderId, actorNameKey(renamed));
      db.prepare('UPDATE actors SET name = ? WHERE id = ?').run(renamed, actorId);
      addName(db, actorId, renamed, true);
    }
    const held: HeldName[] = [];
    for (const name of record.names) {
      removeName.run(holderId, actorNameKey(name));
      if (renamed !== undefined && actorNameKey(name) === actorNameKey(renamed)) continue;
      const taken = owner.get(actorNameKey(name), actorId) as NameOwner | undefined;
      if (taken) held.push({ name, heldBy: taken.name, itsName: taken.is_primary === 1 });
      else addName(db, actorId, name, renamed === undefined && name === merged.name);
    }
    const moveAffiliate = db.prepare('UPDATE actors SET affiliation_id = ? WHERE id = ? AND affiliation_id = ?');
    for (const affiliate of record.affiliates) moveAffiliate.run(actorId, affiliate, holderId);
    // Only the actor merged into had its profile changed; one merged on since is left as it is.
    const restored = holderId === record.mergedInto ? restoreKeptProfile(db, record) : [];
    writeRevision(
      db,
      {
        entity: 'actor',
        entityId: actorId,
        action: 'restore',
        // The links it got back, and those it left: the history of each of those entries tells of the unmerge.
        snapshot: { ...readActorState(db, actorId), separatedFrom: holderId, restoredLinks, keptLinks } satisfies UnmergeRecord,
        reason: `separated from actor ${holderId}`,
      },
      stamp,
    );
    recordActor(db, holderId, { action: 'edit', changedFields: ['aliases', ...restored].sort(), reason: `gave back actor ${actorId}` }, stamp);
    return { links: restoredLinks.length, name: renamed ?? merged.name, held };
  })();
}

/** The snapshot of an unmerge: the actor's 'restore' revision. */
interface UnmergeRecord {
  name: string;
  separatedFrom: number;
  /** Entry links it got back; absent from unmerges recorded before they said so. */
  restoredLinks?: Link[];
  /**
   * Links the merge moved that stayed with the actor holding them, as the entry's actors were
   * edited after the merge; absent from unmerges recorded before they said so.
   */
  keptLinks?: Link[];
}

const linksEntry = (links: readonly Link[] | undefined, entryId: number) => links?.some(([id]) => id === entryId) === true;

interface ActorRevisionRow {
  id: number;
  entity_id: number;
  snapshot: string;
  changed_by: string;
  changed_at: string;
}

/**
 * The merges and unmerges that moved one entry's actor links (and the unmerges that left them
 * where an edit since the merge had put them), oldest first, read from the
 * actors' revisions at read time: a merge is one change to the actor, so it is not copied into
 * every entry it touches (an entry undo could then take back part of a merge, and a digest would
 * report each of those entries as corrected as well as the merge). An unmerge recorded before
 * unmerges listed their links is taken to give back every link of the merge it took back.
 */
export function entryActorMoves(db: Db, entryId: number): EntryActorMove[] {
  const mentions = `EXISTS (SELECT 1 FROM json_each(r.snapshot, '$.movedLinks') WHERE json_extract(value, '$[0]') = :entry)
    OR EXISTS (SELECT 1 FROM json_each(r.snapshot, '$.sharedLinks') WHERE json_extract(value, '$[0]') = :entry)`;
  const merges = db
    .prepare(`SELECT r.id, r.entity_id, r.snapshot, r.changed_by, r.changed_at FROM revisions r
              WHERE r.entity = 'actor' AND r.action = 'merge' AND (${mentions}) ORDER BY r.id`)
    .all({ entry: entryId }) as ActorRevisionRow[];
  if (merges.length === 0) return [];
  const nameOf = db.prepare('SELECT name FROM actors WHERE id = ?').pluck();
  const mergeIdsOf = db.prepare("SELECT id FROM revisions WHERE entity = 'actor' AND entity_id = ? AND action = 'merge' ORDER BY id").pluck();
  const unmergesOf = db.prepare(
    `SELECT id, entity_id, snapshot, changed_by, changed_at FROM revisions
     WHERE entity = 'actor' AND entity_id = ? AND action = 'restore' AND json_extract(snapshot, '$.separatedFrom') IS NOT NULL ORDER BY id`,
  );
  const moves: EntryActorMove[] = [];
  const stamped = (row: ActorRevisionRow) => ({ revisionId: row.id, changedBy: row.changed_by, changedAt: row.changed_at });
  for (const merge of merges) {
    const record = JSON.parse(merge.snapshot) as MergeRecord;
    const folded = record.names[0] ?? (nameOf.get(merge.entity_id) as string);
    moves.push({ ...stamped(merge), kind: 'merge', actor: folded, other: nameOf.get(record.mergedInto) as string });
    // The unmerge that took this merge back is the actor's first one before its next merge.
    const nextMerge = (mergeIdsOf.all(merge.entity_id) as number[]).find((id) => id > merge.id) ?? Infinity;
    const unmerge = (unmergesOf.all(merge.entity_id) as ActorRevisionRow[]).find((row) => row.id > merge.id && row.id < nextMerge);
    if (!unmerge) continue;
    const undone = JSON.parse(unmerge.snapshot) as UnmergeRecord;
    if (undone.restoredLinks && !linksEntry(undone.restoredLinks, entryId) && !linksEntry(undone.keptLinks, entryId)) continue;
    const leftAsItWas = linksEntry(undone.keptLinks, entryId) && !linksEntry(undone.restoredLinks, entryId);
    moves.push({ ...stamped(unmerge), kind: 'unmerge', actor: undone.name, other: nameOf.get(undone.separatedFrom) as string, ...(leftAsItWas ? { leftAsItWas: true as const } : {}) });
  }
  return moves.sort((a, b) => a.revisionId - b.revisionId);
}

/** Puts back the kept actor's title and affiliation where the merge changed them and nobody since. */
function restoreKeptProfile(db: Db, record: MergeRecord): string[] {
  const { intoBefore: before, intoAfter: after } = record;
  if (!before || !after) return [];
  const now = profileOf(db, record.mergedInto);
  const restored: string[] = [];
  if (before.title !== after.title && now.title === after.title) {
    db.prepare('UPDATE actors SET title = ? WHERE id = ?').run(before.title, record.mergedInto);
    restored.push('title');
  }
  if (before.affiliationId !== after.affiliationId && now.affiliationId === after.affiliationId) {
    db.prepare('UPDATE actors SET affiliation_id = ? WHERE id = ?').run(before.affiliationId, record.mergedInto);
    restored.push('affiliationId');
  }
  return restored;
}
