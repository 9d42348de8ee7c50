// Applies numbered plain-SQL migrations (0001_init.sql, 0002_…) in order, each in one
// transaction that also sets PRAGMA user_version, in the style of Signal Desktop and Actual.
import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../paths.js';

export const DEFAULT_MIGRATIONS_DIR = projectPath('data', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class SchemaTooNewError extends Error {
  constructor(fileVersion: number, knownVersion: number) {
    super(
      `This database has schema version ${fileVersion}, but this Sitrep only knows up to ${knownVersion}. ` +
        'Upgrade Sitrep or point SITREP_DB at another file.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function loadMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      sql: readFileSync(join(dir, file), 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} is out of sequence: expected number ${index + 1}`);
    }
  });
  return migrations;
}

/**
 * Brings the schema to the newest version; returns the versions applied.
 *
 * Foreign keys are off while migrations run, as SQLite's procedure for rebuilding a table asks:
 * with them on, dropping a parent table deletes its children's rows (ON DELETE CASCADE), and the
 * pragma cannot change inside a transaction. Each migration is checked for dangling references
 * before it commits instead, and the setting is restored whatever happens.
 */
export function migrate(db: Database.Database, dir?: string): number[] {
  const migrations = loadMigrations(dir);
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const pending = migrations.slice(current);
  if (pending.length === 0) return [];
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  const applied: number[] = [];
  try {
    for (const migration of pending) {
      db.transaction(() => {
        db.exec(migration.sql);
        assertNoDanglingReferences(db, migration);
        db.pragma(`user_version = ${migration.version}`);
      })();
      applied.push(migration.version);
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  return applied;
}

/** What foreign keys would have refused, had they been on: the migration is rolled back. */
function assertNoDanglingReferences(db: Database.Database, migration: Migration): void {
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  if (broken.length === 0) return;
  const first = broken[0]!;
  throw new Error(
    `Migration ${migration.name} would leave ${broken.length} row(s) pointing at missing rows ` +
      `(first: ${first.table} row ${first.rowid ?? '?'} → ${first.parent}), so it was not applied.`,
  );
}
