// An import that says which entry a row is (its key, or its source URL) corrects that entry: an
// edit with its own revision, undoable; identical rows are skipped; a dry run lists the changes
// and writes nothing. Actors a file names that the store lacks are all named, or created.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let dir: string;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
const run = (text: string) => app.dispatcher.runText(text, admin);
beforeEach(() => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-corrections-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const fileWith = (name: string, text: string) => fileIn(dir, name, text);
const importInto = (dbPath: string, file: string, ...flags: string[]) => runProgram(runImport, [file, ...flags], { SITREP_DB: dbPath });
const exportFrom = async (dbPath: string, ...args: string[]) => (await runProgram(runExport, args, { SITREP_DB: dbPath })).stdout;
const keyOf = (id: number) => app.db.prepare('SELECT key FROM entries WHERE id = ?').pluck().get(id) as string;
const fingerprint = () => storeFingerprint(app.db);

describe('GIVEN a file whose rows name stored entries by key', () => {
  it('WHEN a row differs THEN the entry is corrected with a revision saying what changed, and /entry undo takes it back', async () => {
    const rows = JSON.parse(await exportFrom(app.dbPath, '--format', 'json')) as Record<string, unknown>[];
    const row = rows.find((r) => r.key === keyOf(12))!;
    expect(row.confidence).toBe('reported');
    const edited = { ...row, confidence: 'confirmed', summary: 'Corrected summary.' };
    const result = await importInto(app.dbPath, fileWith('corrected.json', JSON.stringify([edited])));
    expect(result.stdout).toContain(`  correct  line 1: entry #12: summary “`);
    expect(result.stdout).toContain('” → “Corrected summary.”; confidence reported → confirmed');
    expect(result.stdout).toContain('0 accepted, 0 skipped, 0 rejected, 1 corrected in');
    expect(result.status).toBe(0);

    const history = viewText(await run('/entry history id:12'));
    expect(history).toMatch(/edit by import:corrected\.json — confidence, summary .*\(changed by import of corrected\.json: summary “.*” → “Corrected summary\.”; confidence reported → confirmed\)/);
    expect(viewText(await run('/entry show id:12'))).toMatch(/Confidence\s+confirmed/);
    // The row's source is the entry's, grade and all: kept as it was.
    expect(app.db.prepare('SELECT grade FROM sources WHERE entry_id = 12').pluck().all()).toEqual(['F3']);
    // The same file again: the entry is as the row says, so nothing changes.
    const again = await importInto(app.dbPath, fileWith('corrected.json', JSON.stringify([edited])));
    expect(again.stdout).toContain(`skipped  line 1: duplicate of entry #12 (same key)`);
    expect(again.stdout).toContain('Nothing to import from corrected.json (json): 0 accepted, 1 skipped, 0 rejected.');

    expect(viewText(await run('/entry undo id:12'))).toContain('#12');
    expect(viewText(await run('/entry show id:12'))).toMatch(/Confidence\s+reported/);
  });

  it('WHEN a row gives fatalities or claims THEN they are corrected and named; a row without them keeps them', async () => {
    const rows = JSON.parse(await exportFrom(app.dbPath, '--format', 'json')) as Record<string, unknown>[];
    const row = rows.find((r) => r.key === keyOf(10))!;
    const [claim] = row.claims as Record<string, unknown>[];
    expect(claim).toMatchObject({ actor: 'Israel', stance: 'claims', date: '2025-07' });
    const edited = { ...row, fatalities: '3-5-9', fatalities_source: 'AFP', claims: [{ ...claim, stance: 'disputes', grade: 'C3' }] };
    const result = await importInto(app.dbPath, fileWith('figures.json', JSON.stringify([edited])));
    expect(result.stdout).toMatch(
      /correct {2}line 1: entry #10: fatalities \(none\) → 5 \(3 to 9\) \(AFP\); claims Israel claims 2025-07: News report, 26 Jul 2025 .* → Israel disputes 2025-07: News report, 26 Jul 2025 Israel, as reported by the outlet C3 “/,
    );
    expect(viewText(await run('/entry history id:10'))).toMatch(/edit by import:figures\.json — claims, fatalities \(changed by import of figures\.json: fatalities/);
    const shown = viewText(await run('/entry show id:10'));
    expect(shown).toMatch(/Fatalities\s+5 \(3 to 9\) — AFP/);
    expect(shown).toContain('disputes');

    const { fatalities: _f, fatalities_source: _s, claims: _c, ...without } = edited;
    const again = await importInto(app.dbPath, fileWith('summary.json', JSON.stringify([{ ...without, summary: 'Strikes, as reported.' }])));
    expect(again.stdout).toMatch(/correct {2}line 1: entry #10: summary “.*” → “Strikes, as reported\.”\n/);
    const kept = viewText(await run('/entry show id:10'));
    expect(kept).toMatch(/Fatalities\s+5 \(3 to 9\) — AFP/);
    expect(kept).toContain('disputes');
  });

  it('WHEN --dry-run THEN each change is listed field by field and nothing is written', async () => {
    const [header, ...records] = parse(await exportFrom(app.dbPath, '--format', 'csv')) as string[][];
    // The CSV's event_id is the entry's key.
    expect(records.map((r) => r[0])).toEqual(app.db.prepare('SELECT key FROM entries ORDER BY day_from, id').pluck().all());
    expect(records.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(r[0]!))).toBe(true);
    const column = (name: string) => header!.indexOf(name);
    records[0]![column('confidence')] = 'disputed';
    records[0]![column('tags')] = 'war, 1948';
    const before = fingerprint();
    const result = await importInto(app.dbPath, fileWith('edited.csv', stringify([header!, ...records])), '--dry-run');
    expect(result.stdout).toMatch(/^ {2}correct {2}line 2: entry #1: confidence confirmed → disputed; tags [^\n]* → 1948, war$/m);
    expect(result.stdout).toContain('Dry run of edited.csv (csv): 0 accepted, 16 skipped, 0 rejected, 1 corrected. Nothing was written.');
    expect(fingerprint()).toBe(before);
  });

  it("WHEN only a source's grade changes, or a summary gets a line break THEN each correction is one line, naming the source and the field", async () => {
    const [header, ...records] = parse(await exportFrom(app.dbPath, '--format', 'csv')) as string[][];
    const column = (name: string) => header!.indexOf(name);
    const index = records.findIndex((r) => r[column('outlet')] === 'News report, 26 Jul 2025' && r[column('grade')] === 'F3');
    const record = records[index]!;
    const id = app.db.prepare('SELECT id FROM entries WHERE key = ?').pluck().get(record[0]) as number;
    // After the header and the first record, which the line break below makes two lines.
    const line = index + 3;
    expect(record[column('grade')]).toBe('F3');
    record[column('grade')] = 'A1';
    records[0]![column('summary')] = 'Line one\nLine two';
    const file = fileWith('graded.csv', stringify([header!, ...records]));

    const dryRun = await importInto(app.dbPath, file, '--dry-run');
    expect(dryRun.stdout).toContain(`  correct  line ${line}: entry #${id}: source 1 (News report, 26 Jul 2025): grade F3 → A1\n`);
    expect(dryRun.stdout).toMatch(/^ {2}correct {2}line 2: entry #1: summary “[^\n]*” → “Line one⏎Line two”$/m);
    // One line a correction: no line of the report starts outside one.
    expect(dryRun.stdout.split('\n').filter((l) => l !== '' && !/^ {2}(correct|skipped)|^Dry run/.test(l))).toEqual([]);

    await importInto(app.dbPath, file);
    expect(viewText(await run(`/entry history id:${id}`))).toContain('(changed by import of graded.csv: source 1 (News report, 26 Jul 2025): grade F3 → A1)');
  });

  it('WHEN a row without key shares a source URL with an entry THEN it corrects that entry; a column the file lacks keeps its value', async () => {
    const url = 'https://example.org/baku-talks';
    await run(`/entry edit id:12 source_url:${url}`);
    const tags = app.db.prepare('SELECT group_concat(tag) FROM entry_tags WHERE entry_id = 12').pluck().get();
    const csv = `title,date,type,topic,source_url,outlet,confidence\nSyrian and Israeli officials meet in Baku,2025-07-12,talks,syria-israel,${url},AFP,claimed\n`;
    const result = await importInto(app.dbPath, fileWith('by-url.csv', csv));
    expect(result.stdout).toMatch(/correct {2}line 2: entry #12 \(matched by its source link\): .*confidence reported → claimed/);
    expect(app.db.prepare('SELECT group_concat(tag) FROM entry_tags WHERE entry_id = 12').pluck().get()).toBe(tags);
  });

  it('WHEN the same date and title come without key or URL THEN the row is skipped, saying how to correct the entry', async () => {
    const csv = 'title,date,type,topic,confidence\nSyrian and Israeli officials meet in Baku,2025-07-12,talks,syria-israel,claimed\n';
    const result = await importInto(app.dbPath, fileWith('plain.csv', csv));
    expect(result.stdout).toContain("skipped  line 2: duplicate of entry #12 (same date and title); it differs in");
    expect(result.stdout).toContain("give the row that entry's key to correct it");
  });
});

describe('GIVEN rows naming actors the store does not have', () => {
  const rows = [
    { title: 'A', date: '2025-09', type: 'talks', topic: 'syria-israel', actors: ['Hamas:initiator', 'Hezbollah:target', 'Syria:host'] },
    { title: 'B', date: '2025-09', type: 'talks', topic: 'syria-israel', actors: [{ name: 'Qatar', role: 'mediator', kind: 'state' }, { name: 'hamas', role: 'participant' }] },
  ];

  it('WHEN imported plainly THEN each row is refused naming every missing actor', async () => {
    const before = fingerprint();
    const result = await importInto(app.dbPath, fileWith('actors.json', JSON.stringify(rows, null, 1)));
    expect(result.stdout).toMatch(/rejected line \d+: No actor is called `Hamas` or `Hezbollah` \(option `actors`\)\. Create them first .*--create-actors \(each gets/);
    expect(result.stdout).toMatch(/rejected line \d+: No actor is called `Qatar` or `hamas` \(option `actors`\)/);
    expect(result.status).toBe(1);
    expect(fingerprint()).toBe(before);
  });

  it('WHEN a CSV row lists its actors apart by semicolons THEN the refusal says lists are separated by commas', async () => {
    const before = fingerprint();
    const result = await importInto(app.dbPath, fileWith('semicolons.csv', 'title,date,type,topic,actors\nA,2025-09,talks,syria-israel,"Syria:participant; Israel:participant"\n'));
    expect(result.stdout).toMatch(/rejected line 2: No actor is called `Syria:participant; Israel` \(option `actors`\)\. Actors are separated by commas, each as name:role/);
    expect(fingerprint()).toBe(before);
  });

  it('WHEN --create-actors THEN they are created once each, with the kind a row gives or unknown, and listed', async () => {
    const result = await importInto(app.dbPath, fileWith('actors.json', JSON.stringify(rows, null, 1)), '--create-actors');
    expect(result.stdout).toContain('Actors created: Hamas (unknown), Hezbollah (unknown), Qatar (state).');
    expect(result.stdout).toContain('--format bundle`, which keeps them.');
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    expect(viewText(await run('/actor Hamas'))).toMatch(/Kind\s+unknown/);
    expect(app.db.prepare("SELECT count(*) FROM entry_actors ea JOIN actors a ON a.id = ea.actor_id WHERE a.name = 'Hamas'").pluck().get()).toBe(2);
    expect(app.db.prepare("SELECT created_by FROM actors WHERE name = 'Qatar'").pluck().get()).toBe('import:actors.json');
  });
});

describe('GIVEN the exports of a store with actors the seed lacks', () => {
  const addFidan = async () => {
    await run('/actors add name:"Hakan Fidan" kind:person');
    await run('/entry add title:"Fidan visits Damascus" date:2025-08-02 type:talks topic:turkey-syria actors:"Hakan Fidan:initiator, Syria:host" outlet:AFP');
  };
  const keysOf = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT key FROM entries ORDER BY key').pluck().all();
    } finally {
      db.close();
    }
  };

  // Another store the bot started is seeded: the seed's entries are duplicates, by date and title.
  it.each(['json', 'csv'])('WHEN its %s export is imported into another store with --create-actors THEN no row is rejected, and keys are kept', async (format) => {
    await addFidan();
    const file = join(dir, `store.${format}`);
    await runProgram(runExport, ['--format', format, '--out', file], { SITREP_DB: app.dbPath });
    const other = join(dir, 'other.db');
    copySeededStore(other);
    const result = await importInto(other, file, '--create-actors');
    expect(result.stdout).toContain('1 accepted, 17 skipped, 0 rejected');
    expect(result.stdout).toContain('Actors created: Hakan Fidan (unknown).');
    expect(result.stdout).toContain('  note     A row names an actor and its role only: a kind it does not give is unknown, and aliases, titles and affiliations are not in the file.');
    expect(readFileSync(file, 'utf8')).toContain(keyOf(18));
    expect(keysOf(other)).toContain(keyOf(18));
  });
});
