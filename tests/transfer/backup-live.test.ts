// npm run backup while another connection writes between every two steps of the copy, as the bot
// does every few seconds (lease renewals, feed checks, edits): a store in WAL mode is copied to the
// end, as it was when the copy began; one in rollback-journal mode starts over, saying so, and
// gives up after a few times instead of copying forever.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asSingleFile } from '../../src/store/backup.js';
import { runBackup } from '../../src/transfer/backup-command.js';
import type { CliResult } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-backup-live-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Pages enough (about 24 MB) for the copy to take many steps, and to report its progress at each tenth. */
const FILLER_ROWS = 6000;
function addFiller(db: Database.Database): void {
  db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, pad BLOB)');
  db.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO filler (pad) SELECT randomblob(4000) FROM n').run(FILLER_ROWS);
}

/** A stream that keeps what is written to it, and calls `onLine` with each line as it is written. */
class WatchedSink extends Writable {
  text = '';
  constructor(private readonly onLine: (line: string) => void) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.onLine(line);
    done();
  }
}

/**
 * Runs the backup while `writer` adds a filler row at each of its progress lines (`Copying N/M`),
 * up to `maxWrites` rows: the line is written between two steps of the copy.
 */
async function backupWritingAtProgress(writer: Database.Database, file: string, maxWrites = Infinity): Promise<CliResult & { writes: number }> {
  const insert = writer.prepare('INSERT INTO filler (pad) VALUES (randomblob(100))');
  let writes = 0;
  const stdout = new WatchedSink(() => {});
  const stderr = new WatchedSink((line) => {
    if (!line.startsWith('Copying ') || writes >= maxWrites) return;
    insert.run();
    writes += 1;
  });
  const status = await runBackup([file], { env: { SITREP_DB: app.dbPath }, stdout, stderr });
  return { status, stdout: stdout.text, stderr: stderr.text, writes };
}

const PROGRESS_LINE = /^Copying (\d+)\/\d+ \(\d+%\)$/;
/** What the backup said on stderr besides its progress lines. */
const besidesProgress = (stderr: string) => stderr.split('\n').filter((line) => line !== '' && !PROGRESS_LINE.test(line));
const RESTARTING = (n: number) => `Copying again from the start (${n} of at most 3 times): the store was written to, and it is not in WAL mode, so SQLite cannot go on with what it copied.`;

const fillerRows = (file: string) => {
  const copy = new Database(file, { readonly: true });
  try {
    return copy.prepare('SELECT count(*) FROM filler').pluck().get();
  } finally {
    copy.close();
  }
};

describe('GIVEN the bot writing to its store (WAL mode) all through a backup', () => {
  it('WHEN the backup copies it THEN it copies to the end without starting over, and FILE holds the store as it was when the copy began', async () => {
    addFiller(app.db);
    const file = join(dir, 'backup.db');
    const result = await backupWritingAtProgress(app.db, file);
    // Its progress only, always forward: it never started over.
    expect(besidesProgress(result.stderr)).toEqual([]);
    const copied = result.stderr.split('\n').filter(Boolean).map((line) => Number(PROGRESS_LINE.exec(line)![1]));
    expect(copied).toEqual([...copied].sort((a, b) => a - b));
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${app.dbPath} to ${file} \\(\\d+\\.\\d MB, integrity checked\\) in \\d+\\.\\d s\\.\\n$`));
    expect(result.status).toBe(0);
    // The bot wrote on meanwhile: its rows are in the store, not in the copy taken before them.
    expect(result.writes).toBe(copied.length);
    expect(result.writes).toBeGreaterThan(5);
    expect(fillerRows(file)).toBe(FILLER_ROWS);
    expect(app.db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(FILLER_ROWS + result.writes);
    expect(readdirSync(dir)).toEqual(['backup.db']);
  });
});

describe('GIVEN a store in rollback-journal mode (not WAL), which another program writes to', () => {
  let writer: Database.Database;
  beforeEach(() => {
    addFiller(app.db);
    app.close();
    asSingleFile(app.dbPath);
    writer = new Database(app.dbPath);
  });
  afterEach(() => writer?.close());

  it('WHEN it writes once during the copy THEN the progress says the copy starts over, and FILE holds the store after that write', async () => {
    const file = join(dir, 'backup.db');
    const result = await backupWritingAtProgress(writer, file, 1);
    expect(besidesProgress(result.stderr)).toEqual([RESTARTING(1)]);
    expect(result.stdout).toMatch(/^Backed up .* \(\d+\.\d MB, integrity checked\) in \d+\.\d s\.\n$/);
    expect(result.status).toBe(0);
    expect(fillerRows(file)).toBe(FILLER_ROWS + 1);
  });

  it('WHEN it writes all through the copy THEN the copy starts over 3 times, then the backup says why it gave up, exits 2 and writes nothing', async () => {
    const file = join(dir, 'backup.db');
    const result = await backupWritingAtProgress(writer, file);
    expect(besidesProgress(result.stderr)).toEqual([
      RESTARTING(1),
      RESTARTING(2),
      RESTARTING(3),
      `Backup failed, ${file} was not written: the store was written to all through the copy, which started over 3 times. The store is not in WAL mode (Sitrep puts it in WAL mode when it opens it), so SQLite copies it again after each write: back up once what writes to it is done`,
    ]);
    expect(result.status).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
