// Applies numbered plain-SQL migrations (0001_init.sql, 0002_…) in order, each in one
// transaction that also sets PRAGMA user_version, in the style of Signal Desktop and Actual.
import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../paths.js';
import { runningBots, type BotProcess } from './bot-presence.js';
import { underWriteLock, type LockWait } from './write-lock.js';

export const DEFAULT_MIGRATIONS_DIR = projectPath('data', 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The store was written by a newer Sitrep (a rollback after an upgrade): its schema is past this code's. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `This database has schema version ${fileVersion}, but this Sitrep only knows up to ${knownVersion}: a newer Sitrep wrote it. ` +
        'Run that newer Sitrep, restore the backup taken before the upgrade (npm run restore -- FILE), or point SITREP_DB at another file.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * The store was written by an older Sitrep and a program other than the bot opened it: only the
 * bot upgrades a store, so that an older bot still running on it is not left writing to a schema
 * it does not know, and a rollback to the older code stays possible until the operator upgrades.
 */
export class SchemaTooOldError extends Error {
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `The store ${path} is at schema version ${fileVersion}, and this Sitrep at ${knownVersion}: only the bot upgrades a store. ` +
        'Back it up (npm run backup -- FILE), start the upgraded bot once (npm start, or systemctl restart sitrep), which upgrades it, then run this command again.',
    );
    this.name = 'SchemaTooOldError';
  }
}

/**
 * A bot of an older release runs on the store: upgraded under it, that bot would go on writing
 * names keyed as its release keys them (which this one cannot find) and stop at the next
 * connection it opens. The store is left as it was.
 */
export class OlderBotRunningError extends Error {
  constructor(
    readonly path: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
    readonly bots: readonly BotProcess[],
  ) {
    const one = bots.length === 1;
    const where = bots.map((bot) => `pid ${bot.pid} on ${bot.host}`).join(', ');
    const kills = bots.map((bot) => `kill ${bot.pid} on ${bot.host}`).join(', ');
    super(
      `the store ${path} is at schema version ${fileVersion}, and this Sitrep would upgrade it to ${knownVersion}, but ${one ? 'a bot' : `${bots.length} bots`} of the older release ${one ? 'is' : 'are'} still running on it (${where}): ` +
        `upgraded under ${one ? 'it' : 'them'}, ${one ? 'it' : 'they'} would write names this Sitrep cannot find, then stop. The store was not changed. ` +
        `Stop the bot of the older release (${where}) first (Ctrl-C in the console running it, or ${kills}; under systemd: systemctl stop sitrep), then start again.`,
    );
    this.name = 'OlderBotRunningError';
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

/** What migrating says while it runs: that it waits for another process, that it upgrades, and what it applied. */
export interface MigrationLog extends LockWait {
  /** Before the first migration of an upgrade (a store an older Sitrep wrote), which can take a while. */
  onUpgrading?: (from: number, to: number) => void;
  /** Once done: the versions it went from and to, and how long that took. */
  onMigrated?: (from: number, to: number, tookMs: number) => void;
}

export interface MigrateOptions {
  /**
   * False: a store an older Sitrep wrote is refused (SchemaTooOldError) rather than upgraded; a new
   * one (version 0, no migration run yet) is still brought to the latest version. True by default.
   */
  upgradeOlder?: boolean;
}

/**
 * Brings the schema to the newest version; returns the versions applied.
 *
 * Each migration runs in its own transaction, which takes the write lock before reading the
 * version: processes starting together on one store (a Discord and a Slack process after an
 * upgrade) apply each migration once, the others waiting, then finding it done.
 *
 * Foreign keys are off while migrations run, as SQLite's procedure for rebuilding a table asks:
 * with them on, dropping a parent table deletes its children's rows (ON DELETE CASCADE), and the
 * pragma cannot change inside a transaction. Each migration is checked for dangling references
 * before it commits instead, and the setting is restored whatever happens.
 */
export function migrate(db: Database.Database, dir?: string, log: MigrationLog = {}, { upgradeOlder = true }: MigrateOptions = {}): number[] {
  const migrations = loadMigrations(dir);
  const found = schemaVersion(db, migrations.length);
  if (found === migrations.length) return [];
  if (!upgradeOlder && found > 0) throw new SchemaTooOldError(db.name, found, migrations.length);
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  if (enforced) db.pragma('foreign_keys = OFF');
  const applied: number[] = [];
  const started = performance.now();
  try {
    for (;;) {
      const version = underWriteLock(
        db,
        () => {
          const from = refuseUnderOlderBot(db, migrations.length, new Date());
          // Said once it is sure to go ahead: not before a refusal, nor when another process did it all.
          if (applied.length === 0 && from > 0 && from < migrations.length) log.onUpgrading?.(from, migrations.length);
          return applyNext(db, migrations);
        },
        log,
      );
      if (version === undefined) break;
      applied.push(version);
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
  // From the version found under the lock: another process may have applied the first ones.
  if (applied.length > 0) log.onMigrated?.(applied[0]! - 1, applied.at(-1)!, performance.now() - started);
  return applied;
}

/** The store's schema version; refused when a newer Sitrep wrote it. */
function schemaVersion(db: Database.Database, latest: number): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  return current;
}

/**
 * Refuses to upgrade a store a bot runs on; returns the store's version. Read under the write
 * lock with the version: a bot of this release registers only once the store is at its version,
 * so any bot running on an older store is of an older release, and processes of this release
 * starting together still migrate it once between them. A new store (version 0) has no bot.
 */
function refuseUnderOlderBot(db: Database.Database, latest: number, now: Date): number {
  const current = schemaVersion(db, latest);
  if (current === 0 || current >= latest) return current;
  const bots = runningBots(db, now);
  if (bots.length > 0) throw new OlderBotRunningError(db.name, current, latest, bots);
  return current;
}

/** Applies the migration after the store's version, if any is left; returns its version. Runs under the write lock. */
function applyNext(db: Database.Database, migrations: readonly Migration[]): number | undefined {
  const next = migrations[schemaVersion(db, migrations.length)];
  if (!next) return undefined;
  db.exec(next.sql);
  assertNoDanglingReferences(db, next);
  db.pragma(`user_version = ${next.version}`);
  return next.version;
}

/**
 * What foreign keys would have refused, had they been on: the migration is rolled back. The store
 * held no dangling reference before (each earlier migration was checked, and foreign keys are on
 * at run time), so only tables the migration can have reached are checked: those its SQL names,
 * those the triggers on them name (the triggers fire on its writes), and the children of any of
 * them, rather than the whole store after every migration, which takes time in proportion to it.
 */
function assertNoDanglingReferences(db: Database.Database, migration: Migration): void {
  const broken = reachedTables(db, migration.sql).flatMap(
    (table) => db.pragma(`foreign_key_check(${quoteIdentifier(table)})`) as { table: string; rowid: number | null; parent: string }[],
  );
  if (broken.length === 0) return;
  const first = broken[0]!;
  throw new Error(
    `Migration ${migration.name} would leave ${broken.length} row(s) pointing at missing rows ` +
      `(first: ${first.table} row ${first.rowid ?? '?'} → ${first.parent}), so it was not applied.`,
  );
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** The words of SQL text, lower-cased: every name it can mention is one of them. */
const wordsOf = (sql: string) => new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_$]*/g) ?? []);

/** The tables with foreign keys that a migration's SQL can have left pointing at missing rows. */
function reachedTables(db: Database.Database, sql: string): string[] {
  const named = wordsOf(sql);
  // Triggers on a named table or view write where their bodies say, and so on, transitively.
  const triggers = db.prepare("SELECT lower(tbl_name) AS target, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { target: string; sql: string }[];
  for (let grew = true; grew; ) {
    grew = false;
    for (const trigger of triggers) {
      if (!named.has(trigger.target)) continue;
      for (const word of wordsOf(trigger.sql)) {
        if (named.has(word)) continue;
        named.add(word);
        grew = true;
      }
    }
  }
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  return tables.filter((table) => {
    const parents = (db.pragma(`foreign_key_list(${quoteIdentifier(table)})`) as { table: string }[]).map((key) => key.table.toLowerCase());
    // A child is reached when it is named (rows written to it) or one of its parents is (rows removed from one).
    return parents.length > 0 && (named.has(table.toLowerCase()) || parents.some((parent) => named.has(parent)));
  });
}
