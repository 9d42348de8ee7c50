// GIVEN files converted from ACLED downloads into Sitrep's CSV (a `key` per ACLED event, titles
// such as "Armed clash in Nawa", many events a day in one place) WHEN they are imported, then
// imported again as a weekly update THEN no event is lost to another of the same date and title,
// and the report stays short while keeping every line that asks for something.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-acled-derived-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const importCsv = (name: string, lines: string[], ...flags: string[]) => runProgram(runImport, [fileIn(dir, name, `${lines.join('\n')}\n`), ...flags], { SITREP_DB: dbPath });
const withStore = <T>(read: (db: Database.Database) => T): T => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};
const entriesTitled = (title: string) => withStore((db) => db.prepare('SELECT key, summary FROM entries WHERE title = ? AND deleted_at IS NULL ORDER BY id').all(title)) as { key: string; summary: string }[];

// The seed's entry #12.
const BAKU = 'Syrian and Israeli officials meet in Baku,2025-07-12,talks,syria-israel';

describe('GIVEN a row whose key no stored entry has', () => {
  it('WHEN a stored entry has its date and title THEN the row is added as a new entry with its key, not skipped as that entry', async () => {
    const key = randomUUID();
    const result = await importCsv('keyed.csv', ['key,title,date,type,topic,summary', `${key},${BAKU},A second meeting the same day`]);
    expect(result.stdout).not.toContain('same date and title');
    expect(result.stdout).toMatch(/ {2}added {4}line 2: entry #\d+ “Syrian and Israeli officials meet in Baku”\n/);
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    expect(result.status).toBe(0);
    expect(entriesTitled('Syrian and Israeli officials meet in Baku').map((e) => e.key)).toContain(key);
  });

  it('WHEN a row has no key and a stored entry has its date and title THEN it is still skipped, naming the fields it differs in', async () => {
    const result = await importCsv('plain.csv', ['title,date,type,topic,summary', `${BAKU},A second meeting the same day`]);
    expect(result.stdout).toMatch(/skipped {2}line 2: duplicate of entry #12 \(same date and title\); it differs in summary: give the row that entry's key to correct it\n/);
  });
});

describe('GIVEN rows without a key that share a date and title', () => {
  const header = 'title,date,type,topic,actors,fatalities,fatalities_source,summary';
  const first = 'Air/drone strike in Daraa,2025-08-05,air-strike,syria-israel,Israel:initiator,2,ACLED,A strike on a depot.';

  it('WHEN they differ in other fields THEN each is a new entry, the report says so once, and a row repeating an earlier one is skipped', async () => {
    const result = await importCsv('same-day.csv', [
      header,
      first,
      'Air/drone strike in Daraa,2025-08-05,air-strike,syria-israel,Israel:initiator,5,ACLED,A strike on a convoy.',
      first,
      'Air/drone strike in Daraa,2025-08-05,air-strike,syria-israel,Syria:target,,,A third strike the same day.',
    ]);
    expect(result.stdout).toContain('  skipped  line 4: duplicate of line 2 in this file\n');
    expect(result.stdout).not.toMatch(/line [35]: duplicate/);
    expect(result.stdout).toContain('2 rows share a date and title with an earlier row but differ (line 3, line 5): imported as separate entries; give rows a `key` column to tell them apart.\n');
    expect(result.stdout).toContain('3 accepted, 1 skipped, 0 rejected');
    expect(entriesTitled('Air/drone strike in Daraa').map((e) => e.summary)).toEqual(['A strike on a depot.', 'A strike on a convoy.', 'A third strike the same day.']);
  });

  it('WHEN it is a dry run THEN the same line says what it would do', async () => {
    const result = await importCsv('same-day.csv', [header, first, 'Air/drone strike in Daraa,2025-08-05,air-strike,syria-israel,Israel:initiator,5,ACLED,A strike on a convoy.'], '--dry-run');
    expect(result.stdout).toContain('1 row shares a date and title with an earlier row but differs (line 3): would be imported as separate entries; give rows a `key` column to tell them apart.\n');
  });
});

describe('GIVEN 30 keyed rows at a place the gazetteer cannot locate, imported once', () => {
  const keys = Array.from({ length: 30 }, () => randomUUID());
  const header = 'key,title,date,type,topic,places,summary';
  const rows = keys.map((key, i) => `${key},Armed clash in Tell al-Ahmar farm ${i},2025-08-05,armed-clash,syria-israel,Tell al-Ahmar farm,Clash number ${i}.`);

  it('WHEN imported THEN the place kept as not located lists its first lines and counts the others', async () => {
    const result = await importCsv('week1.csv', [header, ...rows], '--unlocated-places');
    expect(result.stdout).toContain('Places kept as not located: Tell al-Ahmar farm (lines 2, 3, 4, 5, 6 and 25 more).\n');
  });

  it('WHEN the weekly update repeats them THEN 20 unchanged rows are listed and the rest counted in one line, each correction and refusal in full', async () => {
    await importCsv('week1.csv', [header, ...rows], '--unlocated-places');
    const corrected = rows[29]!.replace('Clash number 29.', 'Clash number 29 with casualties.');
    const result = await importCsv('week2.csv', [header, ...rows.slice(0, 29), corrected, `${randomUUID()},Armed clash in Nawa,2025-08-05,skirmish,syria-israel,,x`], '--unlocated-places');
    expect(result.stdout.match(/ {2}skipped {2}line \d+: duplicate of entry #\d+ \(same key\)\n/g)).toHaveLength(20);
    expect(result.stdout).toContain('  skipped  line 21: duplicate of entry');
    expect(result.stdout).toContain('  skipped  and 9 more duplicates of stored entries or earlier rows, line 22 to line 30\n');
    expect(result.stdout).toMatch(/ {2}correct {2}line 31: entry #\d+: summary “Clash number 29\.” → “Clash number 29 with casualties\.”\n/);
    expect(result.stdout).toMatch(/ {2}rejected line 32: Option `type` of \/entry add must be one of/);
    expect(result.stdout).toContain('0 accepted, 29 skipped, 1 rejected, 1 corrected');
  });
});

describe('GIVEN `--format acled`', () => {
  it('WHEN asked of the import THEN it says Sitrep does not read ACLED data and what to import instead, reading nothing', async () => {
    const result = await runProgram(runImport, ['acled.csv', '--format', 'acled'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format acled: Sitrep does not read ACLED data, whether downloaded from ACLED or written by `npm run export -- --format acled`.');
    expect(result.stderr).toContain('Convert it to Sitrep\'s columns (title, date, type, topic, …: see "Import and export" in the README), or import an export made with --format csv or json.');
    expect(result.stderr).not.toContain('--format must be');
  });
});

describe('GIVEN an import whose check takes a minute and whose write is instant', () => {
  it('WHEN it ends THEN the time it reports is the whole run, check included', async () => {
    // The clock moves on a minute once the store is read: the reading and check, before any write.
    const reads = vi.spyOn(Database.prototype, 'prepare');
    vi.spyOn(performance, 'now').mockImplementation(() => (reads.mock.calls.length > 0 ? 61_000 : 1_000));
    const result = await importCsv('rows.csv', ['title,date,type,topic', 'Talks in Muscat,2025-09-02,talks,syria-israel']);
    expect(result.stdout).toContain('Imported rows.csv (csv): 1 accepted, 0 skipped, 0 rejected in 60.0 s.\n');
  });
});
