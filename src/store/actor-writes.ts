// Creating and changing actors: names, aliases, affiliation, merges. Every change writes the
// actor's full state as a revision in the same transaction.
import type { ActorInput, ChangeStamp } from '../core/domain.js';
import type { ActorPatch } from '../core/editor-port.js';
import { UserError } from '../core/errors.js';
import { spelledAs } from '../core/same-spelling.js';
import { actorNameKey } from '../core/actor-name-key.js';
import type { ActorKind } from '../core/vocabulary.js';
import { assertNoLookAlike } from './actor-look-alikes.js';
import type { Db } from './connection.js';
import { writeRevision, type RevisionWrite } from './revisions.js';

/**
 * What a refusal says of a name another actor holds: `“Barrack” already names Tom Barrack`, or,
 * typed as that actor's own name (in another case, or with its accents decomposed), that the
 * actor already exists, not that a name names itself.
 */
export function takenName(name: string, owner: string): string {
  return spelledAs(owner, name) ? `${owner} already exists` : `“${name}” already names ${owner}`;
}

/**
 * Refuses a name or alias that cannot be used: one with a comma (commas separate the names of
 * `actors:` and `aliases:` lists, so it would read as two), one that already names another
 * live actor, or one that could pass for another's (a word mixing alphabets, a look-alike).
 */
export function assertNameFree(db: Db, name: string, exceptActorId?: number): void {
  if (name.includes(',')) {
    throw new UserError('invalid-option', `“${name}” has a comma, and commas separate names in lists (actors:, aliases:).`, [
      `Write it without one, e.g. “${name.replace(/\s*,\s*/g, ' ')}” or with brackets.`,
    ]);
  }
  const owner = db
    .prepare(
      `SELECT a.name FROM actor_names n JOIN actors a ON a.id = n.actor_id
       WHERE n.name_key = ? AND a.merged_into_id IS NULL AND a.id IS NOT ?`,
    )
    .pluck()
    .get(actorNameKey(name), exceptActorId ?? null) as string | undefined;
  if (owner) throw new UserError('conflict', `${takenName(name, owner)}.`, [`See /actor ${owner}`]);
  assertNoLookAlike(db, name, exceptActorId);
}

export function readActorState(db: Db, actorId: number): ActorInput {
  const row = db.prepare('SELECT name, kind, title, affiliation_id FROM actors WHERE id = ?').get(actorId) as
    | { name: string; kind: ActorKind; title: string | null; affiliation_id: number | null }
    | undefined;
  if (!row) throw new Error(`actor ${actorId} does not exist`);
  const aliases = db.prepare('SELECT name FROM actor_names WHERE actor_id = ? AND is_primary = 0 ORDER BY name').pluck().all(actorId) as string[];
  return {
    name: row.name,
    kind: row.kind,
    aliases,
    ...(row.title ? { title: row.title } : {}),
    ...(row.affiliation_id ? { affiliationId: row.affiliation_id } : {}),
  };
}

export function recordActor(db: Db, actorId: number, revision: Omit<RevisionWrite, 'entity' | 'entityId' | 'snapshot'>, stamp: ChangeStamp): void {
  db.prepare('UPDATE actors SET updated_at = ?, updated_by = ? WHERE id = ?').run(stamp.at, stamp.by, actorId);
  writeRevision(db, { ...revision, entity: 'actor', entityId: actorId, snapshot: readActorState(db, actorId) }, stamp);
}

export function addName(db: Db, actorId: number, name: string, primary: boolean): void {
  db.prepare('INSERT OR IGNORE INTO actor_names (actor_id, name, name_key, is_primary) VALUES (?, ?, ?, ?)').run(
    actorId, name, actorNameKey(name), primary ? 1 : 0,
  );
}

export function insertActor(db: Db, input: ActorInput, stamp: ChangeStamp): number {
  return db.transaction(() => {
    for (const name of [input.name, ...input.aliases]) assertNameFree(db, name);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO actors (name, kind, title, affiliation_id, created_at, created_by, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.name, input.kind, input.title ?? null, input.affiliationId ?? null, stamp.at, stamp.by, stamp.at, stamp.by);
    const actorId = Number(lastInsertRowid);
    addName(db, actorId, input.name, true);
    for (const alias of input.aliases) addName(db, actorId, alias, false);
    writeRevision(db, { entity: 'actor', entityId: actorId, action: 'create', snapshot: input }, stamp);
    return actorId;
  })();
}

/** Refuses an affiliation that would make the actor belong, through its parents, to itself. */
function assertNoAffiliationLoop(db: Db, actorId: number, affiliationId: number): void {
  const parentOf = db.prepare('SELECT affiliation_id FROM actors WHERE id = ?').pluck();
  const chain: number[] = [];
  for (let id: number | null = affiliationId; id !== null && chain.length < 64; id = parentOf.get(id) as number | null) {
    chain.push(id);
    if (id !== actorId) continue;
    const names = chain.map((link) => db.prepare('SELECT name FROM actors WHERE id = ?').pluck().get(link) as string);
    throw new UserError('invalid-option', `Option \`affiliation\`: that would make a loop (${[names.at(-1), ...names].join(' → ')}).`, [
      'An actor cannot belong, through its parents, to itself.',
    ]);
  }
}

/** The fields of an actor's state that differ (aliases as a set). */
export function changedActorFields(before: ActorInput, after: ActorInput): string[] {
  const comparable = (state: ActorInput, key: keyof ActorInput) =>
    JSON.stringify(key === 'aliases' ? [...state.aliases].map(actorNameKey).sort() : state[key] ?? null);
  const keys: (keyof ActorInput)[] = ['affiliationId', 'aliases', 'kind', 'name', 'title'];
  return keys.filter((key) => comparable(before, key) !== comparable(after, key));
}

export function updateActor(db: Db, actorId: number, patch: ActorPatch, stamp: ChangeStamp): string[] {
  return db.transaction(() => {
    if (patch.affiliationId === actorId) throw new UserError('invalid-option', 'Option `affiliation`: an actor cannot belong to itself.');
    if (patch.affiliationId) assertNoAffiliationLoop(db, actorId, patch.affiliationId);
    const before = readActorState(db, actorId);
    if (patch.kind) db.prepare('UPDATE actors SET kind = ? WHERE id = ?').run(patch.kind, actorId);
    if (patch.title !== undefined) db.prepare('UPDATE actors SET title = ? WHERE id = ?').run(patch.title || null, actorId);
    if (patch.affiliationId !== undefined) db.prepare('UPDATE actors SET affiliation_id = ? WHERE id = ?').run(patch.affiliationId, actorId);
    if (patch.aliases) {
      for (const alias of patch.aliases) assertNameFree(db, alias, actorId);
      db.prepare('DELETE FROM actor_names WHERE actor_id = ? AND is_primary = 0').run(actorId);
      for (const alias of patch.aliases) addName(db, actorId, alias, false);
    }
    const changed = changedActorFields(before, readActorState(db, actorId));
    // Thrown inside the transaction, so the rewritten rows roll back and no revision is written.
    if (changed.length === 0) throw new UserError('invalid-option', `Nothing to change: ${before.name} already has those values.`);
    recordActor(db, actorId, { action: 'edit', changedFields: changed }, stamp);
    return changed;
  })();
}

export function addAlias(db: Db, actorId: number, alias: string, stamp: ChangeStamp): void {
  db.transaction(() => {
    assertNameFree(db, alias, actorId);
    const exists = db.prepare('SELECT 1 FROM actor_names WHERE actor_id = ? AND name_key = ?').get(actorId, actorNameKey(alias));
    if (exists) throw new UserError('conflict', `“${alias}” is already a name of this actor.`);
    addName(db, actorId, alias, false);
    recordActor(db, actorId, { action: 'edit', changedFields: ['aliases'] }, stamp);
  })();
}

/** Says which names the actor has, so the one meant can be typed (or that there is none to remove). */
function notAnAlias(db: Db, actorId: number, alias: string): UserError {
  const names = db.prepare('SELECT name, is_primary FROM actor_names WHERE actor_id = ? ORDER BY is_primary DESC, name').all(actorId) as { name: string; is_primary: number }[];
  const primary = names.find((n) => n.is_primary === 1)?.name ?? 'this actor';
  const aliases = names.filter((n) => n.is_primary === 0).map((n) => `“${n.name}”`);
  if (actorNameKey(alias) === actorNameKey(primary)) {
    return new UserError('not-found', `“${alias}” is the name of ${primary}, not an alias: a name cannot be removed.`);
  }
  return new UserError('not-found', `“${alias}” is not an alias of ${primary}.`, [
    aliases.length > 0 ? `Its aliases: ${aliases.join(', ')}.` : `${primary} has no aliases.`,
  ]);
}

export function removeAlias(db: Db, actorId: number, alias: string, stamp: ChangeStamp): void {
  db.transaction(() => {
    const removed = db.prepare('DELETE FROM actor_names WHERE actor_id = ? AND name_key = ? AND is_primary = 0').run(actorId, actorNameKey(alias));
    if (removed.changes === 0) throw notAnAlias(db, actorId, alias);
    recordActor(db, actorId, { action: 'edit', changedFields: ['aliases'] }, stamp);
  })();
}
