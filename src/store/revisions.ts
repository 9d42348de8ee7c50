// The revision log: one snapshot per change, written inside the change's own transaction.
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
}

export function writeRevision(db: Db, revision: RevisionWrite, stamp: ChangeStamp): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO revisions (entity, entity_id, action, snapshot, reason, changed_fields, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      revision.entity,
      revision.entityId,
      revision.action,
      JSON.stringify(revision.snapshot),
      revision.reason ?? null,
      JSON.stringify(revision.changedFields ?? []),
      stamp.by,
      stamp.at,
    );
  return Number(lastInsertRowid);
}
