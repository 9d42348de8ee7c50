// Writes an import plan in ONE transaction: the actors it creates, the new places it located,
// the new entries (bulk), then each correction as an edit with its own revision, which /entry
// undo takes back like any edit (a bundle's entry taken whole remembers the bundle's revision it
// is), then each entry a complete file lacks is removed as /entry remove removes one (/entry undo
// restores it); then the places rows keep as not located are marked so.
// An import killed half-way leaves the store as it was.
import type { ChangeStamp, EntryInput } from '../core/domain.js';
import { insertActor } from '../store/actor-writes.js';
import type { Db } from '../store/connection.js';
import { EntryWriter } from '../store/entry-writes.js';
import { keepNotLocated } from '../store/place-locations.js';
import { recordTakenFrom } from '../store/revision-taken-from.js';
import { writeImport } from './bulk-write.js';
import { storeLocatedPlaces } from './planned-places.js';
import { correctionReason } from './corrections.js';
import { removalReason } from './missing-entries.js';
import { readEntryState } from '../store/entry-state.js';
import type { ImportPlan } from './import-plan.js';

/** The entry with each planned actor's placeholder id replaced by the id it was created with. */
function withCreatedActors(input: EntryInput, created: ReadonlyMap<number, number>): EntryInput {
  const planned = (a: { actorId: number }) => a.actorId < 0;
  // A claim may name an actor the file brings, as the entry's actors may.
  if (!input.actors.some(planned) && !(input.claims ?? []).some(planned)) return input;
  const real = <T extends { actorId: number }>(a: T): T => (planned(a) ? { ...a, actorId: created.get(a.actorId)! } : a);
  return { ...input, actors: input.actors.map(real), ...(input.claims ? { claims: input.claims.map(real) } : {}) };
}

export function writePlan(db: Db, plan: ImportPlan, file: string, stamp: ChangeStamp, onProgress?: (done: number) => void): number[] {
  return db.transaction(() => {
    const created = new Map<number, number>();
    // Planned in order, an actor after the one it belongs to.
    for (const actor of plan.createdActors) {
      const affiliationId = actor.affiliationId !== undefined && actor.affiliationId < 0 ? created.get(actor.affiliationId) : actor.affiliationId;
      const input = { name: actor.name, kind: actor.kind, aliases: actor.aliases ?? [], ...(actor.title ? { title: actor.title } : {}) };
      created.set(actor.placeholderId, insertActor(db, affiliationId !== undefined ? { ...input, affiliationId } : input, stamp));
    }
    const rows = plan.accepted.map((row) => ({ ...row, input: withCreatedActors(row.input, created) }));
    storeLocatedPlaces(db, [...plan.accepted.map((row) => row.input), ...plan.corrected.map((c) => c.next)], plan.locatedPlaces, stamp);
    const ids = writeImport(db, rows, stamp, onProgress);
    rows.forEach((row, i) => row.takenFrom && recordTakenFrom(db, ids[i]!, row.takenFrom));
    // After the bulk load, whose pauses of the search index and actor pairs are over: each
    // correction keeps them in step as an edit from chat does.
    const writer = new EntryWriter(db);
    for (const correction of plan.corrected) {
      const next = withCreatedActors(correction.next, created);
      writer.replace(correction.entryId, next, undefined, { action: 'edit', changedFields: correction.changedFields, reason: correctionReason(file, correction.changes) }, stamp);
      if (correction.takenFrom) recordTakenFrom(db, correction.entryId, correction.takenFrom);
    }
    const reason = removalReason(file);
    for (const { id } of plan.removed) {
      const state = readEntryState(db, id);
      // Removed meanwhile (in the bot, while the file was checked): nothing to do.
      if (state && !state.deleted) writer.replace(id, state.input, { reason }, { action: 'remove', reason }, stamp);
    }
    // A name the gazetteer finds several places for is kept not located, as /entry add's located:false keeps it.
    keepNotLocated(db, [...plan.keptUnlocated.keys()], stamp);
    return ids;
  })();
}
