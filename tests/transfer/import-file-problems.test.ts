// Files an import cannot use as given, and what it says: control characters shown, not obeyed; a
// file that is not UTF-8, JSON read as CSV, ACLED's data; keys that are no UUID; and where a row
// is, counted right, in progress lines and in a JSON array written on one line.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { ndjson } from '../support/import-rows.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-problems-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const importFile = (path: string, ...flags: string[]) => runProgram(runImport, [path, ...flags], env());
const exported = async (format: string) => (await runProgram(runExport, ['--format', format], env())).stdout;
const row = (title: string, more: Record<string, unknown> = {}) => ({ title, date: '2025-08-03', type: 'talks', topic: 'syria-israel', ...more });

describe('GIVEN a file holding terminal escape codes', () => {
  it('WHEN an import repeats them in its reasons THEN they are shown as symbols', async () => {
    const rows = await importFile(fileIn(dir, 'esc.json', JSON.stringify([row('A', { actors: 'Nobody\u001b[2J:initiator' })])), '--dry-run');
    expect(rows.stdout).toContain('rejected line 1: No actor is called `Nobody␛[2J`');
    expect(rows.stdout).not.toContain('\u001b');
    const header = await importFile(fileIn(dir, 'esc.csv', 'title,date,type,topic,col\u001b[31m\nA,2025,talks,t,x\n'));
    expect(header.status).toBe(2);
    expect(header.stderr).toMatch(/^Cannot import esc\.csv \(csv\): line 1: unknown column `col␛\[31m`;/);
  });
});

describe('GIVEN a file in another shape than its format', () => {
  it('WHEN it is JSON read as CSV, UTF-16, a directory or ACLED data THEN one line says so and how to import it, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const json = fileIn(dir, 'rows.json', JSON.stringify([row('A')]));
    const asCsv = await importFile(json, '--format', 'csv');
    expect(asCsv.status).toBe(2);
    expect(asCsv.stderr).toBe('Cannot import rows.json (csv): this is not CSV: it starts with `[`, as JSON does. Import it with --format json, or name the file .json. Nothing was written.\n');

    const utf16 = join(dir, 'excel.csv');
    // As Excel saves "Unicode text": UTF-16 with a byte order mark.
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('title,date,type,topic\nA,2025,talks,t\n', 'utf16le')]));
    const wide = await importFile(utf16);
    expect(wide.status).toBe(2);
    expect(wide.stderr).toBe('Cannot import excel.csv: the file is not UTF-8 text (it looks like UTF-16): save it as UTF-8 (in Excel: "CSV UTF-8"), then import it again. Nothing was written.\n');

    const directory = await importFile(dir);
    expect(directory.stderr).toBe(`Cannot read ${dir}: it is a directory, not a file. Nothing was written.\n`);

    const acled = await importFile(fileIn(dir, 'acled.csv', await exported('acled')));
    expect(acled.status).toBe(2);
    expect(acled.stderr).toMatch(/^Cannot import acled\.csv \(csv\): line 1: this is ACLED data .*Sitrep does not read ACLED data, whether downloaded from ACLED or written by `npm run export -- --format acled`\. Import CSV or JSON with Sitrep's columns \(title, date, type, topic, …/);
    expect(acled.stderr).not.toContain('unknown column');
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN it is a workbook, another binary file or XML THEN one line names what it is and what to import instead, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const cases: [string, Buffer, string][] = [
      ['book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]), 'the file is a zip archive, as an Excel workbook (.xlsx) or an OpenDocument sheet (.ods) is: in the spreadsheet, save it as "CSV UTF-8" and import that file'],
      ['noise.csv', Buffer.from([0x8f, 0x00, 0x13, 0xfe, 0x42, 0x99, 0x00, 0x00, 0x01, 0x7a, 0xc3, 0x28]), 'the file is not text (it holds bytes no text file has): import a CSV, JSON, NDJSON or bundle file'],
      ['feed.csv', Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>"News"</title></channel></rss>\n'), '(csv): this is not CSV: it starts with `<`, as XML and HTML do (a feed is watched with /sources add, not imported). Import a CSV, JSON, NDJSON or bundle file'],
    ];
    for (const [name, bytes, said] of cases) {
      writeFileSync(join(dir, name), bytes);
      const out = await importFile(join(dir, name));
      expect(out.status).toBe(2);
      expect(out.stderr).toContain(`Cannot import ${name}`);
      expect(out.stderr).toContain(`${said}. Nothing was written.`);
    }
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN --out names a path under a file THEN export says so, and a file it could not replace keeps its text', async () => {
    const taken = fileIn(dir, 'taken.json', 'kept');
    const under = await runProgram(runExport, ['--format', 'json', '--out', join(taken, 'x.json')], env());
    expect(under.status).toBe(2);
    expect(under.stderr).toBe(`Cannot write ${join(taken, 'x.json')}: a part of its path is a file, not a directory.\n`);
    expect(readFileSync(taken, 'utf8')).toBe('kept');
  });
});

describe('GIVEN a CSV file as a spreadsheet saved it', () => {
  it('WHEN it has empty columns after the named ones THEN they are left aside and the rows imported', async () => {
    const csv = 'title,date,type,topic,outlet,,\nTalks resume,2025-08-03,talks,syria-israel,AFP,,\nEnvoys meet,2025-08-04,talks,syria-israel,AFP,,,\n';
    const out = await importFile(fileIn(dir, 'sheet.csv', csv));
    expect(out.stdout).toContain('2 accepted');
    const filled = await importFile(fileIn(dir, 'filled.csv', 'title,date,type,topic,outlet,\nTalks again,2025-08-05,talks,syria-israel,AFP,note\n'), '--dry-run');
    expect(filled.stdout).toContain("6 values for the header's 5 columns: column 6 holds a value the header names no column for: name it, or quote a value that holds a comma");
  });

  it('WHEN a title cell was wrapped onto two lines THEN the title is stored on one line; a summary keeps its line breaks', async () => {
    const csv = 'title,date,type,topic,outlet,summary\r\n"Talks resume\r\nin Baku",2025-08-03,talks,syria-israel,AFP,"First line.\r\nSecond line."\r\n';
    const out = await importFile(fileIn(dir, 'wrapped.csv', csv));
    expect(out.stdout).toContain('1 accepted');
    const row = app.db.prepare("SELECT title, summary FROM entries WHERE title LIKE 'Talks resume%'").get() as { title: string; summary: string };
    expect(row).toEqual({ title: 'Talks resume in Baku', summary: 'First line.\nSecond line.' });
  });

  it('WHEN its dates were saved at midnight or with the month first THEN they are read as the day; rewritten numerically THEN the refusal says how to fix the sheet', async () => {
    const csv = [
      'title,date,type,topic,outlet',
      'Midnight,2025-07-24 00:00:00,talks,syria-israel,AFP',
      'Midnight UTC,2025-07-25T00:00:00.000Z,talks,syria-israel,AFP',
      'Month first,"July 26, 2025",talks,syria-israel,AFP',
      'Numeric,7/27/2025,talks,syria-israel,AFP',
      'At noon,2025-07-28 12:00:00,talks,syria-israel,AFP',
    ].join('\n');
    const out = await importFile(fileIn(dir, 'dates.csv', `${csv}\n`));
    expect(out.stdout).toContain('3 accepted');
    expect(out.stdout).toContain('rejected line 5: Option `date` of /entry add must be a date like 2025, 2025-07 or 2025-07-12 — got `7/27/2025`.');
    expect(out.stdout).toContain('A spreadsheet may have rewritten the dates: format the column as text holding 2025-07-24 (or 2025-07, 2025), then save the file again.');
    expect(out.stdout).toContain('rejected line 6: Option `date` of /entry add must be a date like 2025, 2025-07 or 2025-07-12 — got `2025-07-28 12:00:00`.');
    const timeline = (await app.dispatcher.runText('/timeline since:2025-07-24 until:2025-07-28', { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true }));
    const shown = JSON.stringify(timeline);
    for (const [title, day] of [['Midnight', '24 Jul 2025'], ['Midnight UTC', '25 Jul 2025'], ['Month first', '26 Jul 2025']]) {
      expect(shown).toContain(title);
      expect(shown).toContain(day);
    }
  });
});

describe('GIVEN dates a spreadsheet rewrote with the name of the month, as month and year, or a year as a decimal', () => {
  it('WHEN imported THEN each refusal says a spreadsheet may have rewritten them, and `Jul-25` that it reads two ways', async () => {
    const rewritten = ['Jul-25', '12-Jul-2025', '25-Jul', '1948.0', '07/2025', '2025/07'];
    const csv = ['title,date,type,topic,outlet', ...rewritten.map((date, i) => `Rewritten ${i},${date},talks,syria-israel,AFP`)].join('\n');
    const out = await importFile(fileIn(dir, 'rewritten.csv', `${csv}\n`), '--dry-run');
    const refusals = out.stdout.split('\n').filter((line) => line.startsWith('  rejected'));
    expect(refusals).toHaveLength(rewritten.length);
    for (const [i, date] of rewritten.entries()) {
      expect(refusals[i]).toContain(`got \`${date}\`. A spreadsheet may have rewritten the dates: format the column as text holding 2025-07-24 (or 2025-07, 2025), then save the file again.`);
    }
    expect(refusals[0]).toMatch(/ `Jul-25` may be a month and year or a day of the month: check which in the sheet\.$/);
    expect(refusals.slice(1).join('\n')).not.toContain('may be a month and year');
  });
});

describe('GIVEN rows with keys', () => {
  it('WHEN a key is no UUID THEN the row is refused naming its column; an upper-case key corrects the entry it names', async () => {
    const before = storeFingerprint(app.db);
    const bad = [row('A', { key: 'not-a-uuid' }), row('B', { key: 'x,y' })];
    const refused = await importFile(fileIn(dir, 'bad.ndjson', bad.map((r) => JSON.stringify(r)).join('\n')));
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('rejected line 1: `key` (not-a-uuid) must be a UUID like 01984a1e-7c40-7d5e-9a51-3c8f6f0e2b17');
    expect(refused.stdout).toContain('rejected line 2: `key` (x,y) must be a UUID');
    const csv = await importFile(fileIn(dir, 'bad.csv', 'event_id,title,date,type,topic\nnope,A,2025,talks,t\n'));
    expect(csv.stdout).toContain('rejected line 2: `event_id` (nope) must be a UUID');
    expect(storeFingerprint(app.db)).toEqual(before);

    const entries = JSON.parse(await exported('json')) as Record<string, unknown>[];
    const entry = entries[0]!;
    const key = String(entry.key);
    const shouting = await importFile(fileIn(dir, 'upper.json', JSON.stringify([{ ...entry, key: key.toUpperCase(), summary: 'Corrected.' }])));
    expect(shouting.stdout).toContain('0 accepted, 0 skipped, 0 rejected, 1 corrected');
    expect(app.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    expect(app.db.prepare('SELECT summary FROM entries WHERE key = ?').pluck().get(key)).toBe('Corrected.');
  });
});

describe('GIVEN a large file, or a JSON array on one line', () => {
  it('WHEN an import reports progress to a log THEN each percentage is that of the counts it shows', async () => {
    const result = await importFile(fileIn(dir, 'big.ndjson', ndjson(6000)), '--dry-run');
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('Checking'));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      const [, done, total, percent] = /^Checking (\d+)\/(\d+) \((\d+)%\)$/.exec(line)!;
      expect(Number(percent)).toBe(Math.floor((Number(done) * 100) / Number(total)));
    }
  }, 60_000);

  it('WHEN rows of a one-line JSON array are refused THEN each is named by its item number', async () => {
    const text = JSON.stringify([row('A'), row('B', { date: '2025-13' }), row('C', { type: 'picnic' })]);
    const result = await importFile(fileIn(dir, 'one-line.json', text), '--dry-run');
    expect(result.stdout).toMatch(/rejected item 2 \(line 1\): .*date/);
    expect(result.stdout).toMatch(/rejected item 3 \(line 1\): .*type/);
    // One item a line: the line alone says where.
    const spread = await importFile(fileIn(dir, 'spread.json', `[\n${[row('A'), row('B', { date: '2025-13' })].map((r) => JSON.stringify(r)).join(',\n')}\n]`), '--dry-run');
    expect(spread.stdout).toMatch(/rejected line 3: /);
  });
});

describe('GIVEN a CSV export as a spreadsheet saves it again', () => {
  it('WHEN it was saved with `;` between values (Excel in a European locale) THEN the import says so, whatever is quoted, and exits 2', async () => {
    const before = storeFingerprint(app.db);
    const records = parse(await exported('csv')) as string[][];
    // As Python's csv.writer(delimiter=';') writes it: only the values that need it are quoted.
    const semicolons = fileIn(dir, 'semi.csv', stringify(records, { delimiter: ';' }));
    expect(readFileSync(semicolons, 'utf8')).toContain('"');
    const result = await importFile(semicolons);
    expect(result.stderr).toBe('Cannot import semi.csv (csv): line 1: the header is separated by `;`: separate columns with commas. Nothing was written.\n');
    expect(result.status).toBe(2);
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN it holds blank rows (every cell empty) THEN they are skipped and counted as blank, not rejected', async () => {
    const csv = ['title,date,type,topic,summary', 'Talks in Baku,2025-08-03,talks,syria-israel,First', ',,,,', ',,,,', 'Talks in Paris,2025-08-04,talks,syria-israel,Second', ''].join('\r\n');
    const result = await importFile(fileIn(dir, 'blank.csv', csv));
    expect(result.stdout).toContain('  skipped  line 3: blank row (every cell is empty)\n  skipped  line 4: blank row (every cell is empty)\n');
    expect(result.stdout).toMatch(/Imported blank\.csv \(csv\): 2 accepted, 2 skipped, 0 rejected in /);
    expect(result.stdout).not.toContain('rejected line');
    expect(result.status).toBe(0);
    expect(app.db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(19);
  });
});
