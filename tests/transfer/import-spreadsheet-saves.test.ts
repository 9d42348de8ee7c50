// Files as spreadsheets and editors save them, imported back: an export converted to Windows line
// ends, a sheet in Excel's default Windows-1252 CSV, month and year dates written out to their first
// day, a row copied under the same source link to enter another event, a change far into a long
// summary, and ACLED's data as JSON.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { exportOf, inBot } from './support/store-session.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-spreadsheet-saves-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const operator = { platform: 'console' as const, userId: 'op', workspaceId: '', displayName: 'op' };
const importFile = (path: string, ...flags: string[]) => runProgram(runImport, [path, ...flags], { SITREP_DB: app.dbPath });
const shown = async (command: string) => viewText(await app.dispatcher.runText(command, operator));
const summaryOf = (title: string) => (app.db.prepare('SELECT summary FROM entries WHERE title = ?').pluck().get(title) as string);

/** The store's CSV export with `edit` applied to the record whose title starts with `title`. */
async function editedExport(title: string, edit: (cell: (column: string) => string, set: (column: string, value: string) => void) => void): Promise<string> {
  const [header, ...records] = parse(await exportOf(app.dbPath, 'csv')) as string[][];
  const record = records.find((r) => r[header!.indexOf('title')]!.startsWith(title))!;
  edit((column) => record[header!.indexOf(column)]!, (column, value) => void (record[header!.indexOf(column)] = value));
  return stringify([header!, ...records]);
}

describe('GIVEN a CSV export whose line ends were converted to \\r\\n (unix2dos, git autocrlf)', () => {
  it('WHEN a multi-line summary comes back with \\r\\n THEN it is no correction: every row is a duplicate and nothing is written', async () => {
    await shown('/entry edit id:15 summary:"Line one.\nLine two."');
    const crlf = (await exportOf(app.dbPath, 'csv')).replace(/\r?\n/g, '\r\n');
    const before = storeFingerprint(app.db);
    const result = await importFile(fileIn(dir, 'crlf.csv', crlf));
    expect(result.stdout).not.toContain('correct ');
    expect(result.stdout).toMatch(/skipped {2}line \d+: duplicate of entry #15 \(same key\)/);
    expect(result.status).toBe(0);
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN an entry stored with \\r\\n meets the same summary with \\n THEN it is no correction either', async () => {
    await shown('/entry edit id:15 summary:"Line one.\r\nLine two."');
    const exported = await exportOf(app.dbPath, 'csv');
    expect(exported).toContain('Line one.\r\nLine two.');
    const csv = exported.replaceAll('Line one.\r\nLine two.', 'Line one.\nLine two.');
    const result = await importFile(fileIn(dir, 'lf.csv', csv), '--dry-run');
    expect(result.stdout).not.toContain('correct ');
  });

  it('WHEN a new row has a summary with \\r\\n or a lone \\r THEN it is stored with \\n', async () => {
    const csv = 'title,date,type,topic,outlet,summary\r\nEnvoys meet,2025-08-04,talks,syria-israel,AFP,"First.\r\nSecond.\rThird."\r\n';
    expect((await importFile(fileIn(dir, 'new.csv', csv))).stdout).toContain('1 accepted');
    expect(summaryOf('Envoys meet')).toBe('First.\nSecond.\nThird.');
  });
});

describe('GIVEN a stored entry citing a source link', () => {
  const header = 'event_id,title,date,type,topic,outlet,source_url,summary\n';
  beforeEach(async () => {
    await shown('/entry add title:"Strike on Quneitra depot" date:2025-08-03 type:air-strike topic:syria-israel outlet:AFP source_url:https://example.com/report');
  });

  it('WHEN a row without event_id shares only that link, under another title and date THEN it is a conflict saying how to correct or add, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const csv = `${header},Strike on Nawa checkpoint,2025-08-05,air-strike,syria-israel,AFP,https://example.com/report,\n`;
    const result = await importFile(fileIn(dir, 'copied.csv', csv));
    expect(result.stdout).toContain(
      '  conflict line 2: entry #18: matched only by its source link (https://example.com/report), but the row gives another title and date (“Strike on Nawa checkpoint”, 2025-08-05; the entry has “Strike on Quneitra depot”, 2025-08-03): nothing is written for it. ' +
        "To correct entry #18, give the row that entry's key (`event_id`, or `key` in JSON); to add a new entry, give it another `source_url` or leave that blank\n",
    );
    expect(result.stdout).toContain('0 accepted, 0 skipped, 0 rejected, 1 in conflict');
    expect(result.status).toBe(1);
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN a row without event_id shares that link and its title THEN it corrects the entry, saying it matched by its source link', async () => {
    const csv = `${header},Strike on Quneitra depot,2025-08-04,air-strike,syria-israel,AFP,https://example.com/report,Depot hit at night.\n`;
    const result = await importFile(fileIn(dir, 'same.csv', csv));
    expect(result.stdout).toContain('  correct  line 2: entry #18 (matched by its source link): date 2025-08-03 → 2025-08-04; summary (none) → “Depot hit at night.”\n');
    expect(summaryOf('Strike on Quneitra depot')).toBe('Depot hit at night.');
  });
});

describe("GIVEN a CSV saved by Excel's \"CSV (Comma delimited)\", in Windows-1252", () => {
  it('WHEN it holds an accented letter THEN the import says it is not UTF-8 and how to save it so, and nothing is written', async () => {
    const path = join(dir, 'excel.csv');
    writeFileSync(path, Buffer.from('title,date,type,topic,outlet\nTalks in Besançon,2025-08-03,talks,syria-israel,AFP\n', 'latin1'));
    const result = await importFile(path);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `Cannot import excel.csv: the file is not UTF-8 text (it looks like Windows-1252 or Latin-1, as Excel's "CSV (Comma delimited)" saves it: \`ç\` on line 2 is in that encoding): save it as UTF-8 (in Excel: "CSV UTF-8"; in LibreOffice: character set "Unicode (UTF-8)"), then import it again. Nothing was written.\n`,
    );
  });

  it('WHEN its only such character is a curly quote (byte 0x93) THEN the refusal names the quote, as Windows-1252 shows it', async () => {
    const path = join(dir, 'excel-quote.csv');
    const quoted = Buffer.concat([Buffer.from('title,date,type,topic,outlet\nTalks on the '), Buffer.of(0x93), Buffer.from('road map,2025-08-03,talks,syria-israel,AFP\n')]);
    writeFileSync(path, quoted);
    const result = await importFile(path);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('saves it: `“` on line 2 is in that encoding');
  });
});

describe('GIVEN ACLED data as JSON', () => {
  const acledRow = { event_id_cnty: 'SYR1234', event_date: '2025-07-12', event_type: 'Battles', actor1: 'Syria', country: 'Syria' };
  it.each([
    ['rows.json', JSON.stringify([acledRow]), "its rows have ACLED's `event_id_cnty` field"],
    ['api.json', JSON.stringify({ status: 200, success: true, count: 1, data: [acledRow] }), 'it is an answer of ACLED\'s API, {"status": …, "data": [ … ]}'],
    ['rows.ndjson', `${JSON.stringify(acledRow)}\n${JSON.stringify(acledRow)}\n`, "its rows have ACLED's `event_id_cnty` field"],
  ])('WHEN %s is imported THEN it is refused as a whole, as ACLED CSV is, pointing to Sitrep\'s columns', async (name, text, how) => {
    const result = await importFile(fileIn(dir, name, text));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`: this is ACLED data (${how}): Sitrep does not read ACLED data, whether downloaded from ACLED or written by \`npm run export -- --format acled\`. Import CSV or JSON with Sitrep's columns (title, date, type, topic, …: see "Import and export" in the README)`);
  });
});

describe('GIVEN a CSV export whose month and year dates a spreadsheet wrote out as their first day', () => {
  it('WHEN it is imported THEN the stored month or year is kept, each noted with how to set the first day in the bot', async () => {
    const month = await editedExport('Overthrow of Bashar', (cell, set) => set('date', `${cell('date')}-01`));
    const result = await importFile(fileIn(dir, 'month.csv', month));
    expect(result.stdout).toMatch(
      /noted {4}line \d+: date 2024-12-01 read as 2024-12, the stored month: a spreadsheet writes a month as its first day\. If the first day is meant, set it in the bot: \/entry edit id:4 date:2024-12-01\n/,
    );
    expect(result.stdout).not.toContain('correct ');
    expect(await shown('/entry show id:4')).toContain('Dec 2024');

    const year = await editedExport('Syria and Israel technically', (cell, set) => set('date', `${cell('date')}-01-01`));
    const years = await importFile(fileIn(dir, 'year.csv', year));
    expect(years.stdout).toContain('date 1948-01-01 read as 1948, the stored year: a spreadsheet writes a year as its first day. If the first day is meant, set it in the bot: /entry edit id:1 date:1948-01-01');
    expect(years.stdout).not.toContain('correct ');
  });
});

describe('GIVEN a long summary changed past the part a correction quotes', () => {
  it('WHEN the correction is listed THEN each side shows the text around the change', async () => {
    const csv = await editedExport('Syrian and Israeli officials meet', (cell, set) => set('summary', cell('summary').replace('coinciding with', 'during')));
    const result = await importFile(fileIn(dir, 'summary.csv', csv), '--dry-run');
    expect(result.stdout).toMatch(/correct {2}line \d+: entry #\d+: summary “…July, coinciding with a…” → “…July, during a…”\n/);
  });
});
