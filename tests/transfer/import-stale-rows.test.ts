// GIVEN an export edited in a spreadsheet while the entries were edited in the bot WHEN the file
// is imported THEN each row is merged with what changed since the revision it shows: a field the
// file left as it was keeps the bot's edit, one only the file changed is corrected, and one both
// changed is a conflict, left as stored and said. A bundle from a copy of the store merges the same
// way, from the last revision both hold. The JSON export says "none" as the CSV's empty cell does.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { exportOf, inBot } from './support/store-session.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let store: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-stale-rows-'));
  store = join(dir, 'store.db');
  copySeededStore(store);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const importInto = (dbPath: string, name: string, text: string, ...flags: string[]) => runProgram(runImport, [fileIn(dir, name, text), ...flags], { SITREP_DB: dbPath });
const BOT_EDITS = ['/entry edit id:12 confidence:confirmed grade:B2 fatalities:2 fatalities_source:"Reuters"', '/entry claim id:12 actor:Israel stance:denies outlet:"IDF statement" date:2025-07-13'];

describe('GIVEN a CSV export, and edits to entry #12 in the bot since', () => {
  it('WHEN the file comes back with a tag added to another entry only THEN that entry is corrected and #12 keeps every edit made in the bot', async () => {
    const [header, ...records] = parse(await exportOf(store, 'csv'), { bom: true }) as string[][];
    const column = (name: string) => header!.indexOf(name);
    expect(header!.at(-1)).toBe('revision');
    await inBot(store, ...BOT_EDITS);
    const before = await inBot(store, '/entry show id:12');
    const keyOf = keys(store);
    const fifth = records.find((r) => r[column('event_id')] === keyOf(5))!;
    fifth[column('tags')] = `${fifth[column('tags')]}, baku`;
    const twelfth = records.findIndex((r) => r[column('event_id')] === keyOf(12));
    const file = stringify([header!, ...records]);

    const dryRun = await importInto(store, 's.csv', file, '--dry-run');
    expect(dryRun.stdout).toMatch(/^ {2}correct {2}line \d+: entry #5: tags [^\n]* → [^\n]*baku/m);
    expect(dryRun.stdout).toContain(`  skipped  line ${twelfth + 2}: entry #12 (same key) has changed since revision ${numberOf(records[twelfth]![column('revision')]!)}, which the row shows unchanged: its changes are kept\n`);
    expect(dryRun.stdout).not.toMatch(/entry #12: .*→/);
    expect(dryRun.stdout).toContain('0 accepted, 16 skipped, 0 rejected, 1 corrected. Nothing was written.');

    const result = await importInto(store, 's.csv', file);
    expect(result.stdout).not.toContain('entry #12: ');
    expect(result.status).toBe(0);
    expect(await inBot(store, '/entry show id:12')).toBe(before);
    expect(await inBot(store, '/entry show id:5')).toContain('baku');
  });
});

describe('GIVEN a JSON export, and an edit in the bot to a field the file changes too', () => {
  it('WHEN imported THEN the file’s other change is a correction, and the field both changed is a conflict, left as the bot set it', async () => {
    const rows = JSON.parse(await exportOf(store, 'json')) as Record<string, unknown>[];
    const keyOf = keys(store);
    const row = rows.find((r) => r.key === keyOf(12))!;
    expect(row.revision).toEqual(expect.stringMatching(/^\d+@\d{4}-\d{2}-\d{2}T[\d:.]+Z$/));
    await inBot(store, '/entry edit id:12 confidence:confirmed');
    const edited = { ...row, confidence: 'disputed', summary: 'Met in Baku, as corrected.' };
    const file = JSON.stringify([edited]);
    const conflict = `  conflict line 1: entry #12: confidence — both changed since revision ${numberOf(String(row.revision))}: the store has confirmed, the file disputed; kept as stored (to take the file's, edit the entry in the bot, or make the change in a fresh export and import that)\n`;

    const before = fingerprintOf(store);
    const dryRun = await importInto(store, 'edited.json', file, '--dry-run');
    expect(dryRun.stdout).toContain(conflict);
    expect(dryRun.stdout).toMatch(/^ {2}correct {2}line 1: entry #12: summary “[^\n]*” → “Met in Baku, as corrected\.”$/m);
    expect(dryRun.stdout).toContain('Dry run of edited.json (json): 0 accepted, 0 skipped, 0 rejected, 1 corrected, 1 in conflict. Nothing was written.');
    expect(fingerprintOf(store)).toBe(before);

    const result = await importInto(store, 'edited.json', file);
    expect(result.stdout).toContain(conflict);
    expect(result.status).toBe(1);
    const shown = await inBot(store, '/entry show id:12');
    expect(shown).toMatch(/Confidence\s+confirmed/);
    expect(shown).toContain('Met in Baku, as corrected.');
  });

  it('WHEN the row has no revision, or one not of its entry THEN its fields are laid over the entry as it stands, as before', async () => {
    const rows = JSON.parse(await exportOf(store, 'json')) as Record<string, unknown>[];
    const keyOf = keys(store);
    const { revision: _revision, ...row } = rows.find((r) => r.key === keyOf(12))!;
    await inBot(store, '/entry edit id:12 confidence:confirmed');
    // The row gives #12 as it was before that edit: without --overwrite-newer it is skipped (see import-weekly-data-set).
    const plain = await importInto(store, 'plain.json', JSON.stringify([row]), '--dry-run', '--overwrite-newer');
    expect(plain.stdout).toContain('  correct  line 1: entry #12: confidence confirmed → reported\n');

    const other = await importInto(store, 'other.json', JSON.stringify([{ ...row, revision: 1 }]), '--dry-run', '--overwrite-newer');
    expect(other.stdout).toContain("  noted    line 1: revision 1 is not one of entry #12's (a file from another store?): the row's fields are laid over the entry as it stands\n");
    expect(other.stdout).toContain('  correct  line 1: entry #12: confidence confirmed → reported\n');

    const typed = await importInto(store, 'typed.json', JSON.stringify([{ ...row, revision: 'latest' }]), '--dry-run');
    expect(typed.stdout).toContain('  rejected line 1: `revision` must be the revision number an export wrote, like 27 — got `latest`;');
  });
});

describe('GIVEN the JSON and CSV exports of one store', () => {
  it('WHEN an entry has no end, figures or claims THEN the JSON says so with null and [], and both re-import alike', async () => {
    const json = JSON.parse(await exportOf(store, 'json')) as Record<string, unknown>[];
    const csv = parse(await exportOf(store, 'csv'), { bom: true, columns: true }) as Record<string, string>[];
    const keyOf = keys(store);
    const jsonRow = json.find((r) => r.key === keyOf(12))!;
    expect(jsonRow).toMatchObject({ end: null, fatalities: null, fatalities_source: null, claims: [] });
    // Files made by hand, or before revisions were exported: laid over the entry as it stands.
    const { revision: _j, ...jsonOnly } = jsonRow;
    const { revision: _c, ...csvOnly } = csv.find((r) => r.event_id === keyOf(12))!;
    await inBot(store, ...BOT_EDITS);

    // Each gives #12 as it was before the bot's edits: --overwrite-newer lays it over them (see import-weekly-data-set).
    const fromJson = await importInto(store, 'store.json', JSON.stringify([jsonOnly]), '--dry-run', '--overwrite-newer');
    const fromCsv = await importInto(store, 'store.csv', stringify([csvOnly], { header: true }), '--dry-run', '--overwrite-newer');
    const corrections = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('  correct'));
    expect(corrections(fromJson.stdout)).toEqual(corrections(fromCsv.stdout.replace(/line 2/g, 'line 1')));
    expect(corrections(fromJson.stdout)[0]).toMatch(/fatalities 2 \(Reuters\) → \(none\); claims Israel denies .* → \(none\)$/);
  });
});

describe('GIVEN two copies of one store, each with edits to entry #12', () => {
  it('WHEN a bundle of one is merged into the other THEN each keeps what only it changed, and a field both changed is a conflict', async () => {
    const copy = join(dir, 'copy.db');
    copySeededStore(copy);
    await inBot(store, '/entry edit id:12 confidence:confirmed fatalities:2 fatalities_source:"Reuters"');
    await inBot(copy, '/entry edit id:12 summary:"Met in Baku, says the copy."', '/entry edit id:12 tags:"baku, talks, copy"');
    const before = await inBot(store, '/entry show id:12');
    const bundle = await exportOf(copy, 'bundle');

    const merged = await importInto(store, 'copy.ndjson', bundle);
    expect(merged.stdout).toMatch(/^ {2}correct {2}line \d+: entry #12: summary “[^\n]*” → “Met in Baku, says the copy\.”; tags [^\n]* → baku, copy, talks$/m);
    expect(merged.stdout).toContain('0 accepted, 16 skipped, 0 rejected, 1 corrected');
    const shown = await inBot(store, '/entry show id:12');
    expect(shown).toMatch(/Confidence\s+confirmed/);
    expect(shown).toMatch(/Fatalities\s+2 — Reuters/);
    expect(shown).toContain('Met in Baku, says the copy.');
    expect(shown).not.toBe(before);

    await inBot(copy, '/entry edit id:12 confidence:disputed');
    const again = await importInto(store, 'copy.ndjson', await exportOf(copy, 'bundle'), '--dry-run');
    expect(again.stdout).toMatch(/^ {2}conflict line \d+: entry #12: confidence — both changed since revision \d+: the store has confirmed, the file disputed; kept as stored/m);
    expect(again.stdout).not.toMatch(/entry #12: fatalities/);
  });
});

/** The number of a revision as an export writes it (`27@2025-07-24T09:15:00.000Z`): what replies name it by. */
const numberOf = (revision: string): string => revision.split('@')[0]!;

/** The keys of the store's entries, by entry number. */
function keys(dbPath: string): (id: number) => string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const byId = new Map((db.prepare('SELECT id, key FROM entries').all() as { id: number; key: string }[]).map((r) => [r.id, r.key]));
    return (id) => byId.get(id)!;
  } finally {
    db.close();
  }
}

/** What the store holds, to tell that a dry run wrote nothing. */
function fingerprintOf(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return storeFingerprint(db);
  } finally {
    db.close();
  }
}
