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

/** Brings the schema to the newest version; returns the versions applied. */
export function migrate(db: Database.Database, dir?: string): number[] {
  const migrations = loadMigrations(dir);
  const latest = migrations.length;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}
