// The store's implementation of the editor port: admin changes with a revision each, undo and
// history. Every method runs in one transaction.
import type { ActorInput, ChangeStamp, EntryInput } from '../core/domain.js';
import { NotLatestChange, type ActorPatch, type ActorRename, type DossierEditor, type EntryActorMove, type EntryEdit, type EntryPatch, type HeldName, type RevisionRecord } from '../core/editor-port.js';
import { changedFields } from '../core/entry-diff.js';
import { UserError } from '../core/errors.js';
import { latestStandingChange } from '../core/undo-order.js';
import { entryActorMoves, findMergedActor, mergeActors, unmergeActor } from './actor-merges.js';
import { renameActor } from './actor-rename.js';
import { addAlias, insertActor, removeAlias, updateActor } from './actor-writes.js';
import type { Db } from './connection.js';
import { entrySnapshotText } from './created-state.js';
import { EntryWriter, newSpellings, respellingReason, respellingsIn, respellPlaces, type Spelling } from './entry-writes.js';
import { readEntryState, type EntryState } from './entry-state.js';

interface RevisionRow {
  id: number;
  action: RevisionRecord['action'];
  snapshot: string;
  reason: string | null;
  changed_fields: string;
  undoes: number | null;
  changed_by: string;
  changed_at: string;
}

/**
 * A snapshot's actors as they stand now. Snapshots keep the ids of their time, and an actor
 * merged since would otherwise come back to life on the entry: each is followed to the actor it
 * was folded into (merges can chain: A into B, then B into C), and each actor and role is kept once.
 */
function withMergesFollowed(db: Db, input: EntryInput): EntryInput {
  const mergedInto = db.prepare('SELECT merged_into_id FROM actors WHERE id = ?').pluck();
  const liveActorId = (id: number): number => {
    let current = id;
    // The bound only guards against a corrupt cycle.
    for (let hop = 0; hop < 64; hop++) {
      const next = mergedInto.get(current) as number | null | undefined;
      if (next === null || next === undefined) return current;
      current = next;
    }
    return current;
  };
  const seen = new Set<string>();
  const actors = input.actors
    .map((link) => ({ ...link, actorId: liveActorId(link.actorId) }))
    .filter((link) => {
      const key = `${link.actorId}:${link.role}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { ...input, actors };
}

/**
 * What an undo changes: what differs from the entry as it stands, and what the change it takes
 * back had changed, read from the two snapshots as written. After a merge folded an actor into
 * another the entry also names, taking back the edit that added it leaves the live actors alike,
 * but the actors it named are not: history and /actors unmerge must know the actors changed.
 */
function undoneFields(live: EntryInput, target: EntryInput, undoneSnapshot: string, beforeSnapshot: string): string[] {
  const written = changedFields(JSON.parse(beforeSnapshot) as EntryInput, JSON.parse(undoneSnapshot) as EntryInput);
  return [...new Set([...changedFields(live, target), ...written])].sort();
}

/** How an undo's reason names what it took back ("undo of r35, an edit"). */
const ACTION_NOUNS: Record<RevisionRecord['action'], string> = {
  create: 'the creation',
  edit: 'an edit',
  remove: 'a removal',
  restore: 'a restore',
  merge: 'a merge',
};

/** The changed fields with one more, kept sorted and once. */
const withField = (fields: string[], field: string | undefined): string[] =>
  field === undefined || fields.includes(field) ? fields : [...fields, field].sort();

function toRecord(row: RevisionRow): RevisionRecord {
  const record: RevisionRecord = {
    id: row.id,
    action: row.action,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
    changedFields: JSON.parse(row.changed_fields) as string[],
    state: JSON.parse(row.snapshot) as EntryInput,
  };
  if (row.reason) record.reason = row.reason;
  if (row.undoes !== null) record.undoes = row.undoes;
  return record;
}

export class SqliteEditor implements DossierEditor {
  private readonly writer: EntryWriter;

  constructor(private readonly db: Db) {
    this.writer = new EntryWriter(db);
  }

  private existing(id: number): EntryState {
    const state = readEntryState(this.db, id);
    if (!state) throw new UserError('not-found', `There is no entry #${id}.`, ['Find entry numbers with /timeline or /search.']);
    return state;
  }

  private revisions(id: number): RevisionRow[] {
    const rows = this.db.prepare("SELECT * FROM revisions WHERE entity = 'entry' AND entity_id = ? ORDER BY id").all(id) as RevisionRow[];
    return rows.map((row) => ({ ...row, snapshot: entrySnapshotText(this.db, id, row.snapshot) }));
  }

  entryState(id: number): EntryInput {
    const state = this.existing(id);
    if (state.deleted) throw new UserError('conflict', `Entry #${id} is removed; restore it with /entry undo id:${id} first.`);
    return state.input;
  }

  addEntry(input: EntryInput, stamp: ChangeStamp): number {
    return this.writer.insert(input, stamp);
  }

  editEntry(id: number, patch: EntryPatch, stamp: ChangeStamp): EntryEdit {
    return this.db.transaction(() => {
      const current = this.entryState(id);
      const next: EntryInput = { ...current, ...patch };
      // Places compare by folded key, so a new spelling alone is no change of places; it is a
      // change of the place's spelling, on every entry, recorded in this edit's revision.
      const spellings = newSpellings(this.db, next.places);
      const fields = withField(changedFields(current, next), spellings.length > 0 ? 'places' : undefined);
      if (fields.length === 0) throw new UserError('invalid-option', `Nothing to change: entry #${id} already has those values.`);
      const reason = spellings.length > 0 ? { reason: respellingReason(spellings) } : {};
      this.writer.replace(id, next, undefined, { action: 'edit', changedFields: fields, ...reason }, stamp);
      return { changedFields: fields, respelledPlaces: respellPlaces(this.db, spellings) };
    })();
  }

  removeEntry(id: number, reason: string, stamp: ChangeStamp): void {
    this.db.transaction(() => {
      const state = this.existing(id);
      if (state.deleted) throw new UserError('conflict', `Entry #${id} is already removed.`);
      this.writer.replace(id, state.input, { reason }, { action: 'remove', reason }, stamp);
    })();
  }

  undoEntry(id: number, stamp: ChangeStamp, expected?: number): RevisionRecord {
    return this.db.transaction(() => {
      const state = this.existing(id);
      const revisions = this.revisions(id);
      const undone = latestStandingChange(revisions);
      if (undone === undefined) {
        const hint = revisions.length > 1 ? 'every change to it has been undone' : 'it has no change to undo';
        throw new UserError('conflict', `Entry #${id} is as it was first added: ${hint}. To take it down use /entry remove.`);
      }
      // The state before that change is the one the revision just before it recorded.
      const previous = revisions[undone - 1]!;
      const last = revisions[undone]!;
      // Checked in the undo's own transaction: a change that lands first is never taken back in its place.
      if (expected !== undefined && expected !== last.id) throw new NotLatestChange(toRecord(last));
      const target = withMergesFollowed(this.db, JSON.parse(previous.snapshot) as EntryInput);
      const targetRemoved = previous.action === 'remove';
      const action = targetRemoved ? 'remove' : state.deleted ? 'restore' : 'edit';
      const reason = `undo of r${last.id}, ${ACTION_NOUNS[last.action]}`;
      const removal = targetRemoved ? { reason: previous.reason ?? reason } : undefined;
      // A re-spelling the change made is taken back too, where the place still has its spelling.
      const spellBack = respellingsIn(last.reason).map(({ from, to }): Spelling => ({ from: to, to: from }));
      const spelledBack = respellPlaces(this.db, spellBack);
      const revisionId = this.writer.replace(
        id,
        target,
        removal,
        {
          action,
          reason: [reason, ...(spelledBack.length > 0 ? [respellingReason(spelledBack)] : [])].join('; '),
          changedFields: withField(undoneFields(state.input, target, last.snapshot, previous.snapshot), spelledBack.length > 0 ? 'places' : undefined),
          undoes: last.id,
        },
        stamp,
      );
      return toRecord(this.db.prepare('SELECT * FROM revisions WHERE id = ?').get(revisionId) as RevisionRow);
    })();
  }

  entryHistory(id: number): RevisionRecord[] {
    this.existing(id);
    return this.revisions(id).map(toRecord);
  }

  entryActorMoves(id: number): EntryActorMove[] {
    this.existing(id);
    return entryActorMoves(this.db, id);
  }

  addActor(input: ActorInput, stamp: ChangeStamp): number {
    return insertActor(this.db, input, stamp);
  }

  editActor(actorId: number, patch: ActorPatch, stamp: ChangeStamp): string[] {
    return updateActor(this.db, actorId, patch, stamp);
  }

  addAlias(actorId: number, alias: string, stamp: ChangeStamp): void {
    addAlias(this.db, actorId, alias, stamp);
  }

  removeAlias(actorId: number, alias: string, stamp: ChangeStamp): void {
    removeAlias(this.db, actorId, alias, stamp);
  }

  renameActor(actorId: number, newName: string, keepOld: boolean, stamp: ChangeStamp): ActorRename {
    return renameActor(this.db, actorId, newName, keepOld, stamp);
  }

  mergeActors(fromId: number, intoId: number, stamp: ChangeStamp): { links: number } {
    return mergeActors(this.db, fromId, intoId, stamp);
  }

  unmergeActor(name: string, stamp: ChangeStamp, as?: string): { actorId: number; name: string; renamedFrom?: string; fromId: number; links: number; held: HeldName[] } {
    const merged = findMergedActor(this.db, name);
    if (!merged) {
      throw new UserError('not-found', `No merged actor was called \`${name}\` (option \`name\`).`, [
        'Give a name the actor had before it was merged (now an alias of the actor it went into: see /actor).',
      ]);
    }
    const back = unmergeActor(this.db, merged, stamp, as);
    return { actorId: merged.actorId, fromId: merged.holderId, ...back, ...(back.name !== merged.name ? { renamedFrom: merged.name } : {}) };
  }
}
