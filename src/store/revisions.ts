// The revision log: one snapshot per change, written inside the change's own transaction.
import type Database from 'better-sqlite3';
import type { ChangeStamp } from '../core/domain.js';
import type { Db } from './connection.js';

export interface RevisionWrite {
  entity: 'entry' | 'actor';
  entityId: number;
  action: 'create' | 'edit' | 'remove' | 'restore' | 'merge';
  snapshot: unknown;
  reason?: string;
  /** Names of the fields this change touched; empty for create. */
  changedFields?: string[];
  /** For an undo: the revision it took back. */
  undoes?: number;
}

export class RevisionWriter {
  private readonly insert: Database.Statement;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO revisions (entity, entity_id, action, snapshot, reason, changed_fields, undoes, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  write(revision: RevisionWrite, stamp: ChangeStamp): number {
    const { lastInsertRowid } = this.insert.run(
      revision.entity,
      revision.entityId,
      revision.action,
      JSON.stringify(revision.snapshot),
      revision.reason ?? null,
      JSON.stringify(revision.changedFields ?? []),
      revision.undoes ?? null,
      stamp.by,
      stamp.at,
    );
    return Number(lastInsertRowid);
  }
}

export function writeRevision(db: Db, revision: RevisionWrite, stamp: ChangeStamp): number {
  return new RevisionWriter(db).write(revision, stamp);
}
