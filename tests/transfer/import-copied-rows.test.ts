// GIVEN a CSV export edited in a spreadsheet, where a stored entry's row was duplicated to enter
// another event (its `event_id` and `revision` kept) WHEN it is imported THEN a copy giving
// another title and date is a conflict saying how to add it as a new entry or correct the
// original, not a silent rewrite of the original; the rows that become new entries are listed
// with their numbers; and a refused correcting row names the entry and the file's field.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { inBot } from './support/store-session.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-copied-rows-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const importFile = (name: string, text: string, ...flags: string[]) => runProgram(runImport, [fileIn(dir, name, text), ...flags], { SITREP_DB: app.dbPath });
const keyOf = (id: number) => app.db.prepare('SELECT key FROM entries WHERE id = ?').pluck().get(id) as string;
const entryOf = (id: number) => app.db.prepare('SELECT title, occurred_on AS date FROM entries WHERE id = ?').get(id) as { title: string; date: string };
const lastId = () => app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;

/** The CSV export's row for entry #9, and a file of the export's header and the rows given. */
async function ninthRow(): Promise<{ row: Record<string, string>; file: (...rows: Record<string, string>[]) => string }> {
  const exported = (await runProgram(runExport, ['--format', 'csv'], { SITREP_DB: app.dbPath })).stdout;
  const records = parse(exported, { bom: true, columns: true }) as Record<string, string>[];
  const row = records.find((r) => r.event_id === keyOf(9))!;
  return { row, file: (...rows) => stringify(rows, { header: true, columns: Object.keys(row) }) };
}

/** Entry #9's row, copied for another event: another title and date, its key, revision and link kept. */
const copied = (row: Record<string, string>) => ({ ...row, title: 'Second round of talks in Baku', date: '2025-09-03' });

describe('GIVEN an export whose row for entry #9 was copied for another event, with another title and date', () => {
  it('WHEN it is imported THEN the copy is a conflict saying how to add it or correct the entry, entry #9 is unchanged, and it exits 1', async () => {
    const { row, file } = await ninthRow();
    const before = storeFingerprint(app.db);
    const result = await importFile('copied.csv', file(copied(row)));
    expect(result.stdout).toContain(
      `  conflict line 2: entry #9: the row has this entry's key but gives another title and date (“Second round of talks in Baku”, 2025-09-03; the entry has “${row.title}”, ${row.date}), as a row copied for another event does: nothing is written for it. ` +
        'To add it as a new entry, clear its `event_id` and `revision` cells (`key` and `revision` in JSON); ' +
        "to correct entry #9's title and date, clear only its `revision` cell (the row is then laid over the entry as it stands), or edit it in the bot (/entry edit id:9 title:… date:…)\n",
    );
    expect(result.stdout).not.toContain('correct  line 2');
    expect(result.stdout).toContain('0 accepted, 0 skipped, 0 rejected, 1 in conflict');
    expect(result.status).toBe(1);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN the original row is in the file too THEN the original is a duplicate and the copy the same conflict', async () => {
    const { row, file } = await ninthRow();
    const result = await importFile('both.csv', file(row, copied(row)));
    expect(result.stdout).toContain('  skipped  line 2: duplicate of entry #9 (same key)\n');
    expect(result.stdout).toMatch(/^ {2}conflict line 3: entry #9: the row has this entry's key but gives another title and date .* To add it as a new entry, clear its `event_id` and `revision` cells/m);
    expect(entryOf(9)).toEqual({ title: row.title, date: row.date });
  });

  it('WHEN entry #9 cites a link the copy keeps THEN the conflict says to give the copy another source_url too', async () => {
    await inBot(app.dbPath, '/entry edit id:9 source_url:https://news.example/sweida');
    const { row, file } = await ninthRow();
    expect(row.source_url).toBe('https://news.example/sweida');
    const result = await importFile('copied-link.csv', file(copied(row)));
    expect(result.stdout).toMatch(/^ {2}conflict line 2: entry #9: .* clear its `event_id` and `revision` cells \(`key` and `revision` in JSON\), and give it another `source_url` or leave that blank; to correct entry #9/m);
  });

  it('WHEN its event_id and revision are cleared as said THEN it is added as a new entry, listed with its number', async () => {
    const { row, file } = await ninthRow();
    const next = lastId() + 1;
    const result = await importFile('cleared.csv', file(row, { ...copied(row), event_id: '', revision: '' }));
    expect(result.stdout).toContain(`  added    line 3: entry #${next} “Second round of talks in Baku”\n`);
    expect(result.stdout).toContain('1 accepted, 1 skipped, 0 rejected');
    expect(result.status).toBe(0);
    expect(entryOf(next)).toEqual({ title: 'Second round of talks in Baku', date: '2025-09-03' });
    expect(entryOf(9)).toEqual({ title: row.title, date: row.date });
  });

  it('WHEN only its revision cell is cleared, as said THEN the row corrects entry #9, title and date', async () => {
    const { row, file } = await ninthRow();
    const result = await importFile('meant.csv', file({ ...copied(row), revision: '' }));
    expect(result.stdout).toContain(`  correct  line 2: entry #9: title “${row.title}” → “Second round of talks in Baku”; date ${row.date} → 2025-09-03\n`);
    expect(result.status).toBe(0);
    expect(entryOf(9)).toEqual({ title: 'Second round of talks in Baku', date: '2025-09-03' });
  });

  it('WHEN the title is corrected in one import and the date in a later import of the same file THEN entry #9 takes both', async () => {
    const { row, file } = await ninthRow();
    const retitled = await importFile('title.csv', file({ ...row, title: 'Second round of talks in Baku' }));
    expect(retitled.stdout).toContain(`  correct  line 2: entry #9: title “${row.title}” → “Second round of talks in Baku”`);
    const redated = await importFile('date.csv', file({ ...copied(row) }));
    expect(redated.stdout).toContain(`  correct  line 2: entry #9: date ${row.date} → 2025-09-03`);
    expect(entryOf(9)).toEqual({ title: 'Second round of talks in Baku', date: '2025-09-03' });
  });

  it('WHEN the bot retitled entry #9 since the export and the file changes only its date THEN the row corrects the date, keeping the new title', async () => {
    const { row, file } = await ninthRow();
    await inBot(app.dbPath, '/entry edit id:9 title:"Talks resume in Baku, second round"');
    const result = await importFile('redated.csv', file({ ...row, date: '2025-09-03' }));
    expect(result.stdout).toContain(`  correct  line 2: entry #9: date ${row.date} → 2025-09-03`);
    expect(result.stdout).not.toContain('conflict');
    expect(entryOf(9)).toEqual({ title: 'Talks resume in Baku, second round', date: '2025-09-03' });
  });
});

describe('GIVEN an export whose row for entry #9 was copied and the copy retitled only', () => {
  it('WHEN both rows are imported THEN the conflict naming both rows also says how to add the copy as a new entry', async () => {
    const { row, file } = await ninthRow();
    const result = await importFile('retitled-copy.csv', file(row, { ...row, title: 'Second round of talks in Baku' }));
    expect(result.stdout).toContain(`  conflict line 3: entry #9: title — line 2 gives “${row.title}”, line 3 “Second round of talks in Baku”; the entry is left as stored (keep one row for it in the file)\n`);
    expect(result.stdout).toContain(
      '  conflict line 3: entry #9: if line 3 is another event, not this entry: to add it as a new entry, clear its `event_id` and `revision` cells (`key` and `revision` in JSON)\n',
    );
    expect(result.status).toBe(1);
  });

  it('WHEN the copy differs from the original in its confidence only THEN no such hint is given: it is the same event', async () => {
    const { row, file } = await ninthRow();
    const result = await importFile('confidence.csv', file(row, { ...row, confidence: row.confidence === 'claimed' ? 'disputed' : 'claimed' }));
    expect(result.stdout).toContain('(keep one row for it in the file)\n');
    expect(result.stdout).not.toContain('if line 3 is another event');
  });
});

describe('GIVEN a file of new entries', () => {
  const rowOf = (n: number) => ({ title: `Talks round ${n} in Baku`, date: '2025-09-03', type: 'talks', topic: 'syria-israel', actors: 'Syria:participant', confidence: 'reported' });

  it('WHEN it is imported THEN each row is listed with the entry it became; a dry run lists what it would add, without numbers', async () => {
    const rows = [rowOf(1), rowOf(2)];
    const json = `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
    const dryRun = await importFile('new.json', json, '--dry-run');
    expect(dryRun.stdout).toContain('  would add line 2: “Talks round 1 in Baku”\n  would add line 3: “Talks round 2 in Baku”\nDry run of new.json (json): 2 accepted');
    const next = lastId() + 1;
    const result = await importFile('new.json', json);
    expect(result.stdout).toContain(`  added    line 2: entry #${next} “Talks round 1 in Baku”\n  added    line 3: entry #${next + 1} “Talks round 2 in Baku”\nImported new.json (json): 2 accepted`);
    expect(entryOf(next + 1).title).toBe('Talks round 2 in Baku');
  });

  it('WHEN it has many rows THEN the first 20 are listed and the rest said in one line, with their lines and entries', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => rowOf(i + 1));
    const next = lastId() + 1;
    const result = await importFile('many.csv', stringify(rows, { header: true }));
    expect(result.stdout).toContain(`  added    line 21: entry #${next + 19} “Talks round 20 in Baku”\n  added    and 5 more, line 22 to line 26: entries #${next + 20}–#${next + 24}\n`);
    expect(result.stdout).not.toContain('line 22: entry');
    const dryRun = await importFile('many.csv', stringify(rows.map((r) => ({ ...r, date: '2025-09-04' })), { header: true }), '--dry-run');
    expect(dryRun.stdout).toContain('  would add and 5 more, line 22 to line 26\n');
  });
});

describe('GIVEN a row correcting entry #9 whose date a spreadsheet rewrote', () => {
  it('WHEN it is imported THEN the refusal names entry #9 and the date field, not /entry add', async () => {
    const { row, file } = await ninthRow();
    const result = await importFile('bad-date.csv', file({ ...row, date: 'soon' }));
    expect(result.stdout).toMatch(/^ {2}rejected line 2: entry #9: `date` must be a date like .* — got `soon`\./m);
    expect(result.stdout).not.toContain('/entry add');
    expect(result.status).toBe(1);
  });

  it('WHEN a new row has the same problem THEN its refusal is unchanged', async () => {
    const result = await importFile('new-bad-date.csv', stringify([{ title: 'Talks in Baku', date: 'soon', type: 'talks', topic: 'syria-israel' }], { header: true }));
    expect(result.stdout).toMatch(/^ {2}rejected line 2: Option `date` of \/entry add must be a date like .* — got `soon`\./m);
  });
});
