import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { SqliteDossier } from '../../src/store/sqlite-dossier.js';
import { exportRow } from '../../src/transfer/export-rows.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, REPO, runProgram } from '../support/cli.js';
import { cleanEnv, compiled, deployedRoot, runCompiled, startCompiled } from '../support/compiled.js';
import { ndjson } from '../support/import-rows.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath); // a seeded store, as after the first start
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const importFile = (file: string, ...flags: string[]) => runProgram(runImport, [file, ...flags], { SITREP_DB: dbPath });
const fileWith = (name: string, text: string) => fileIn(dir, name, text);
const fingerprint = () => fileFingerprint(dbPath);
const query = <T>(sql: string, ...params: unknown[]): T => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get(...params) as T;
  } finally {
    db.close();
  }
};

describe('GIVEN npm run import', () => {
  it('WHEN given the example CSV THEN its rows are stored, searchable and attributed to the import', async () => {
    const result = await importFile(join(REPO, 'data/examples/import-example.csv'));
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Writing 2 entries to');
    expect(query('SELECT count(*) FROM entries')).toBe(19);
    expect(query("SELECT e.title FROM entry_search s JOIN entries e ON e.id = s.rowid WHERE entry_search MATCH 'quneitra'")).toBe('Israeli drone strike near Quneitra');
    expect(query("SELECT changed_by FROM revisions WHERE entity = 'entry' ORDER BY id DESC LIMIT 1")).toBe('import:import-example.csv');
    expect(query("SELECT occurred_precision FROM entries WHERE title = 'Talks resume in Baku'")).toBe('month');
    // "Most often alongside" counts follow the import: Syria and Azerbaijan, in no seed entry
    // together, now share the imported one.
    const shared = `SELECT shared FROM actor_pairs WHERE actor_id = (SELECT id FROM actors WHERE name = ?)
      AND other_id = (SELECT id FROM actors WHERE name = ?)`;
    expect(query(shared, 'Syria', 'Azerbaijan')).toBe(1);
    expect(query(shared, 'Azerbaijan', 'Syria')).toBe(1);
    // …and an actor's timeline reads the imported links in order.
    const db = new Database(dbPath, { readonly: true });
    const dossier = new SqliteDossier(db);
    const azerbaijan = dossier.findActors('Azerbaijan', 1)[0]!;
    expect(dossier.timeline({ actorId: azerbaijan.id, limit: 5, offset: 0 }).items.map((e) => e.title)[0]).toBe('Talks resume in Baku');
    db.close();
  });

  it('WHEN given the example JSON THEN an entry keeps several sources', async () => {
    const result = await importFile(join(REPO, 'data/examples/import-example.json'));
    expect(result.stdout).toContain('2 accepted');
    expect(result.stderr).toContain('Writing 2 entries to');
    expect(query("SELECT count(*) FROM sources s JOIN entries e ON e.id = s.entry_id WHERE e.title = 'Barrack meets al-Sharaa in Damascus'")).toBe(2);
    // The second keeps its figures and its unlocated place.
    expect(query("SELECT low || '-' || best || '-' || high FROM entry_fatalities JOIN entries e ON e.id = entry_id WHERE e.title = 'Shelling near the Hamidiyah farms'")).toBe('1-2-4');
  });

  it('WHEN given NDJSON THEN every line is an entry', async () => {
    const result = await importFile(fileWith('rows.ndjson', ndjson(50)));
    expect(result.stdout).toContain('50 accepted, 0 skipped, 0 rejected');
    expect(query('SELECT count(*) FROM entries')).toBe(67);
  });

  it('WHEN the load is large against the store THEN its indexes are rebuilt, all of them, and used', async () => {
    const indexes = "SELECT group_concat(name || ':' || sql, '|') FROM (SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name)";
    const before = query<string>(indexes);
    await importFile(fileWith('rows.ndjson', ndjson(200))); // 200 rows into 17: the rebuild path
    expect(query<string>(indexes)).toBe(before);
    expect(query("SELECT count(*) FROM entries INDEXED BY entries_live_by_topic WHERE topic = 'golan' AND deleted_at IS NULL")).toBe(100);
    expect(query("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")).toBe(0);
    // …and the search index, rebuilt for the new rows and compacted, holds old and new entries.
    const db = new Database(dbPath);
    try {
      db.prepare("INSERT INTO entry_search (entry_search) VALUES ('integrity-check')").run();
      const search = new SqliteDossier(db);
      expect(search.search('Synthetic update', 10, 0).total).toBe(200);
      expect(search.search('disengagement', 25, 0).items.map((hit) => hit.entry.title)).toContain('1974 disengagement agreement establishes the buffer zone');
    } finally {
      db.close();
    }
  });

  it('WHEN rows are invalid THEN each is reported with its line and reason, and valid rows still go in', async () => {
    const csv = [
      'title,date,type,topic,actors',
      'Good row,2025-08-01,talks,syria-israel,Syria:participant',
      'Bad date,2025-13,talks,syria-israel,',
      'Unknown actor,2025-08-02,talks,syria-israel,Narnia:host',
      '"Unknown type",2025-08-03,picnic,syria-israel,',
    ].join('\n');
    const result = await importFile(fileWith('mixed.csv', csv));
    expect(result.stdout).toMatch(/rejected line 3: Option `date` .* got `2025-13`/);
    expect(result.stdout).toMatch(/rejected line 4: No actor is called `Narnia` \(option `actors`\)\..* Create it first with \/actors add, or import with --create-actors \(it gets/);
    expect(result.stdout).toMatch(/rejected line 5: Option `type` .* got `picnic`/);
    expect(result.stdout).toContain('1 accepted, 0 skipped, 3 rejected');
    expect(result.stdout).not.toContain('New topics');
    expect(result.status).toBe(1);
    expect(query("SELECT count(*) FROM entries WHERE title = 'Good row'")).toBe(1);
  });

  it.each([
    ['broken.ndjson', '{"title":"a"}\n{not json}\n', 1, /rejected line 1: \/entry add needs options `date`, `type` and `topic`[\s\S]*rejected line 2: column 2: not valid JSON/],
    ['short-row.csv', 'title,date,type,topic,outlet\nA,2025,talks,syria-israel\n', 1, /rejected line 2: 4 values for the header's 5 columns: give every column a value/],
  ])('WHEN a row of %s is malformed THEN it says where and the store is unchanged', async (name, text, status, message) => {
    const before = fingerprint();
    const result = await importFile(fileWith(name, text));
    expect(result.stdout).toMatch(message);
    expect(result.stdout).toMatch(/0 accepted/);
    expect(result.status).toBe(status);
    expect(fingerprint()).toBe(before);
  });

  it.each([
    ['broken.json', '[\n  {"title": "x",\n  oops\n]', 'line 3, column 3: not valid JSON (Expected double-quoted property name)'],
    ['ndjson.json', '{"title":"a"}\n{"title":"b"}\n', /line 2, column 1: not valid JSON .*; it looks like NDJSON/],
    ['broken.csv', 'title,date,type,topic\n"unterminated,2025\n', 'line 2: a quoted value is never closed (a `"` is missing)'],
    ['unknown-column.csv', 'title,date,type,topic,colour\nA,2025,talks,syria-israel,red\nB,2025,talks,syria-israel,blue\n', /^line 1: unknown column `colour`; columns are title, date/],
    ['semicolons.csv', 'title;date;type;topic\nA;2025;talks;syria-israel\n', 'line 1: the header is separated by `;`: separate columns with commas'],
  ])('WHEN the file %s cannot be read as a whole THEN one line says where, it exits 2 and the store is unchanged', async (name, text, message) => {
    const before = fingerprint();
    const result = await importFile(fileWith(name, text));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const [line, ...more] = result.stderr.trim().split('\n');
    expect(more).toEqual([]);
    const format = name.split('.')[1];
    expect(line!.startsWith(`Cannot import ${name} (${format}): `) && line!.endsWith('. Nothing was written.')).toBe(true);
    const reason = line!.slice(`Cannot import ${name} (${format}): `.length, -'. Nothing was written.'.length);
    if (typeof message === 'string') expect(reason).toBe(message);
    else expect(reason).toMatch(message);
    expect(fingerprint()).toBe(before);
  });

  it('WHEN rows name topics the store does not have THEN it lists the topics they start', async () => {
    const csv = ['title,date,type,topic', 'Front opens,2025-08-01,talks,lebanon-israel', 'Front widens,2025-08-02,talks,lebanon-israel', 'Typo,2025-08-03,talks,syria-isreal'].join('\n');
    const result = await importFile(fileWith('topics.csv', csv), '--dry-run');
    expect(result.stdout).toContain('New topics: lebanon-israel (2 rows), syria-isreal (1 row).');
  });

  it('WHEN the file is missing or holds no rows THEN it says so and writes nothing', async () => {
    const before = fingerprint();
    const missing = await importFile(join(dir, 'nope.json'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`Cannot read ${join(dir, 'nope.json')}: there is no such file. Nothing was written.`);
    const headerOnly = await importFile(fileWith('header.csv', 'title,date,type,topic\n'));
    expect(headerOnly.status).toBe(2);
    expect(headerOnly.stderr).toContain('header.csv (csv) holds no rows to import. Nothing was written.');
    expect(fingerprint()).toBe(before);
  });

  it('WHEN every row is already stored THEN it says there is nothing to import', async () => {
    await importFile(join(REPO, 'data/examples/import-example.csv'));
    const again = await importFile(join(REPO, 'data/examples/import-example.csv'));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Nothing to import from import-example.csv (csv): 0 accepted, 2 skipped, 0 rejected. Nothing was written.');
    expect(again.stderr).not.toContain('Writing');
  });

  it('WHEN rows duplicate the store or each other THEN they are skipped, with the reason', async () => {
    const rows = [
      { title: 'Syrian and Israeli officials meet in Baku', date: '2025-07-12', type: 'talks', topic: 'syria-israel' },
      { title: 'New A', date: '2025-09', type: 'talks', topic: 'syria-israel', source_url: 'https://example.org/a', outlet: 'X' },
      { title: 'New B', date: '2025-09', type: 'talks', topic: 'syria-israel', source_url: 'https://example.org/a', outlet: 'X' },
      { title: 'new a', date: '2025-09', type: 'statement', topic: 'syria-israel' },
    ];
    const result = await importFile(fileWith('dups.json', JSON.stringify(rows, null, 2)));
    expect(result.stdout).toMatch(/skipped  line 2: duplicate of entry #12 \(same date and title\)/);
    expect(result.stdout).toMatch(/skipped  line \d+: duplicate of line \d+ in this file/);
    // "new a" shares only its date and title with "New A" (another type, no source): another event.
    expect(result.stdout).toContain('1 row shares a date and title with an earlier row but differs');
    expect(result.stdout).toContain('2 accepted, 2 skipped, 0 rejected');
    expect((await importFile(fileWith('again.json', JSON.stringify([rows[1]])))).stdout).toMatch(/duplicate of entry #18 \(same source URL\)/);
  });

  it('WHEN --dry-run THEN it reports the counts and writes nothing', async () => {
    const before = fingerprint();
    const result = await importFile(join(REPO, 'data/examples/import-example.csv'), '--dry-run');
    expect(result.stdout).toContain('Dry run of import-example.csv (csv): 2 accepted, 0 skipped, 0 rejected. Nothing was written.');
    expect(fingerprint()).toBe(before);
  });

  it('WHEN an option is mistyped THEN it prints the usage and exits 2, reading nothing', async () => {
    for (const args of [['--bogus'], ['rows.csv', '--format'], ['rows.csv', '--dry-run=yes'], ['a.csv', 'b.csv'], []]) {
      const result = await runProgram(runImport, args, { SITREP_DB: dbPath });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n').at(-1)).toBe('Usage: npm run import -- FILE [--dry-run] [--complete] [--overwrite-newer] [--create-actors] [--unlocated-places] [--format json|ndjson|csv|bundle]');
    }
    expect((await runProgram(runImport, ['--bogus'])).stderr).toMatch(/^Unknown option '--bogus'\.\nUsage: /);
    expect((await runProgram(runImport, ['x.csv', '--format', 'xml'])).stderr).toContain('--format must be json, ndjson, csv or bundle — got "xml"');
  });
});

describe('GIVEN the compiled import, as npm run import runs it', () => {
  it('WHEN rows are rejected THEN it exits 1, and on a mistyped option 2 with the usage and no stack trace', () => {
    const csv = 'title,date,type,topic\nGood row,2025-08-01,talks,syria-israel\nBad date,2025-13,talks,syria-israel\n';
    const rejected = runCompiled('src/transfer/import-cli.ts', [fileWith('mixed.csv', csv)], { SITREP_DB: dbPath });
    expect(rejected.stdout).toContain('1 accepted, 0 skipped, 1 rejected');
    expect(rejected.status).toBe(1);
    const mistyped = runCompiled('src/transfer/import-cli.ts', ['--bogus'], { SITREP_DB: dbPath });
    expect(mistyped.status).toBe(2);
    expect(mistyped.stderr).toBe("Unknown option '--bogus'.\nUsage: npm run import -- FILE [--dry-run] [--complete] [--overwrite-newer] [--create-actors] [--unlocated-places] [--format json|ndjson|csv|bundle]\n");
  });

  it('WHEN the import is killed while writing a large file THEN the store is as it was', async () => {
    // Large enough that the write runs for seconds after its first progress line (at 10%).
    const file = fileWith('large.ndjson', ndjson(30_000));
    const before = fingerprint();
    const child = startCompiled('src/transfer/import-cli.ts', [file], { SITREP_DB: dbPath });
    let stderr = '';
    const killed = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // A progress line of the write itself: rows are going in, inside the one transaction.
        if (/^Writing \d+\/\d+ /m.test(stderr)) child.kill('SIGKILL');
      });
      child.on('exit', (_code: number | null, signal: NodeJS.Signals | null) => resolve(signal));
    });
    // Not on a terminal, progress comes as a line at each tenth of a phase.
    expect(stderr).toMatch(/^Checking 3000\/30000 \(10%\)\n(.*\n)*Checking 30000\/30000 \(100%\)$/m);
    expect(stderr).toMatch(/^Writing 30,000 entries to .*\nWriting \d+\/30000 \(\d+%\)$/m);
    expect(killed).toBe('SIGKILL');
    expect(fingerprint()).toBe(before);
    expect(query("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")).toBe(0);
  }, 60_000);
});

describe('GIVEN npm run export', () => {
  const exportAs = (...args: string[]) => runProgram(runExport, args, { SITREP_DB: dbPath });

  it('THEN JSON export re-imports into another store with nothing lost', async () => {
    await importFile(join(REPO, 'data/examples/import-example.json'));
    const exported = await exportAs('--format', 'json', '--topic', 'syria-israel');
    const rows = JSON.parse(exported.stdout) as { title: string; sources: unknown[] }[];
    expect(rows).toHaveLength(19);
    // Another store the bot started (so seeded): the seed's 17 are duplicates, the added entries are new.
    const other = join(dir, 'other.db');
    copySeededStore(other);
    const target = fileWith('export.json', exported.stdout);
    const reimport = await runProgram(runImport, [target], { SITREP_DB: other });
    expect(reimport.stdout).toContain('2 accepted, 17 skipped, 0 rejected');
    const check = new Database(other, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM sources s JOIN entries e ON e.id = s.entry_id WHERE e.title = 'Barrack meets al-Sharaa in Damascus'").pluck().get()).toBe(2);
    expect(check.prepare("SELECT best || ' by ' || source FROM entry_fatalities JOIN entries e ON e.id = entry_id WHERE e.title = 'Shelling near the Hamidiyah farms'").pluck().get()).toBe('2 by Local residents, to Example Wire');
    check.close();
  });

  it('THEN CSV export uses ACLED column names where they exist', async () => {
    const text = (await exportAs('--format', 'csv')).stdout;
    // A byte order mark first, so that Excel reads the file as UTF-8.
    expect(text.startsWith('\uFEFFevent_id,')).toBe(true);
    const csv = text.slice(1);
    const [header, firstRow] = csv.split('\n');
    expect(header!.split(',').slice(0, 9)).toEqual(['event_id', 'event_date', 'time_precision', 'event_type', 'actor1', 'actor2', 'location', 'source', 'notes']);
    // event_id is the entry's stable key.
    const keyOf = (id: number) => query<string>('SELECT key FROM entries WHERE id = ?', id);
    // The ACLED-named columns hold ACLED's values: a year dated at its middle day, ACLED's event types.
    expect(firstRow).toMatch(new RegExp(`^${keyOf(1)},1948-07-01,3,Battles,Syria,Israel,Syria,`));
    expect(csv).toMatch(new RegExp(`\n${keyOf(12)},2025-07-12,1,Strategic developments,Syria,Israel,Baku,`));
  });

  /** Entries whose export is easy to get wrong: empty lists, several sources, quotes, line breaks. */
  const addTrickyEntries = () => {
    const app = createApp({ dbPath, admins: [], logger: silentLogger });
    try {
      const [syria, israel] = ['Syria', 'Israel'].map((name) => app.dossier.actorsNamed(name)[0]!.id);
      const stamp = { by: 'test', at: new Date().toISOString() };
      const entry = { topic: 'rt', summary: '', confidence: 'reported' as const, places: [], actors: [], sources: [], tags: [] };
      app.services.editor.addEntry({ ...entry, title: 'Year only', eventType: 'other', start: { year: 1999 } }, stamp);
      app.services.editor.addEntry(
        {
          ...entry, title: 'Quoted "title", with comma', summary: 'Line one, "quoted"\nLine two; ünïcödé — 🚀\r\nthird', eventType: 'talks',
          start: { year: 2025, month: 7 }, end: { year: 2025, month: 9, day: 3 }, confidence: 'disputed', places: ['Baku', 'Paris'],
          actors: [{ actorId: israel!, role: 'target' }, { actorId: syria!, role: 'initiator' }, { actorId: syria!, role: 'host' }],
          sources: [
            { outlet: 'AFP', url: 'https://example.org/a', attribution: 'Diplomat, to AFP', published: '2025-07' },
            { outlet: 'Reuters', attribution: 'Second, "src"', published: '2025' },
            { outlet: 'AP', url: 'https://example.org/b' },
          ],
          tags: ['x', 'y-z'],
        },
        stamp,
      );
      app.services.editor.addEntry(
        { ...entry, title: 'Day only', summary: 'Indented', eventType: 'statement', start: { year: 2024, month: 2, day: 29 }, actors: [{ actorId: syria!, role: 'subject' }], sources: [{ outlet: 'Wire' }] },
        stamp,
      );
    } finally {
      app.close();
    }
  };
  /** The topic's entries as the export writes them, without ids: what a round trip must keep. */
  const entriesOf = (path: string, topic: string) => {
    const db = new Database(path, { readonly: true });
    try {
      const dossier = new SqliteDossier(db);
      const ids = db.prepare('SELECT id FROM entries WHERE topic = ? AND deleted_at IS NULL ORDER BY day_from, id').pluck().all(topic) as number[];
      return ids.map((id) => exportRow(dossier.getEntry(id)!, undefined, () => true));
    } finally {
      db.close();
    }
  };

  it.each(['json', 'csv'])('THEN a %s export re-imports: into the same store all are duplicates, into a new one every entry comes back whole', async (format) => {
    addTrickyEntries();
    const file = join(dir, `export.${format}`);
    expect((await exportAs('--format', format, '--out', file)).status).toBe(0);
    const before = fingerprint();
    expect((await importFile(file)).stdout).toContain(`Nothing to import from export.${format} (${format}): 0 accepted, 20 skipped, 0 rejected.`);
    expect(fingerprint()).toBe(before);
    // Another store the bot started (so seeded): the seed's 17 are duplicates.
    const other = join(dir, 'other.db');
    copySeededStore(other);
    const reimport = await runProgram(runImport, [file], { SITREP_DB: other });
    expect(reimport.stdout).toContain('3 accepted, 17 skipped, 0 rejected');
    expect(entriesOf(other, 'rt')).toEqual(entriesOf(dbPath, 'rt'));
    expect(entriesOf(other, 'rt')).toHaveLength(3);
  });

  it('WHEN SITREP_DB names no store THEN export refuses in one line, and an import creates none until it writes', async () => {
    const missing = join(dir, 'typo.db');
    const exported = await runProgram(runExport, ['--format', 'csv'], { SITREP_DB: missing });
    expect(exported.status).toBe(2);
    expect(exported.stdout).toBe('');
    expect(exported.stderr.trim()).toBe(`There is no store at ${missing} (SITREP_DB): nothing to export.`);
    // A new store holds no seed: the example's actors are created.
    const dryRun = await runProgram(runImport, [join(REPO, 'data/examples/import-example.csv'), '--dry-run', '--create-actors'], { SITREP_DB: missing });
    expect(dryRun.stdout).toContain('2 accepted, 0 skipped, 0 rejected. Nothing was written.');
    expect(dryRun.stderr.trim()).toBe(`There is no store at ${missing} yet: checked against a new, empty one (without the seed dossier), and none was created.`);
    const unreadable = await runProgram(runImport, [fileWith('bad.json', '[{')], { SITREP_DB: missing });
    expect(unreadable.status).toBe(2);
    const allRejected = await runProgram(runImport, [fileWith('bad.csv', 'title,date,type,topic\nA,2025-13,talks,t\n')], { SITREP_DB: missing });
    expect(allRejected.stdout).toContain('0 accepted, 0 skipped, 1 rejected');
    expect(existsSync(missing)).toBe(false);
  });

  it('WHEN --out cannot be written THEN one line says why and it exits 2', async () => {
    for (const [out, reason] of [
      [join(dir, 'no-such-dir', 'x.csv'), 'its directory does not exist'],
      [dir, 'it is a directory'],
    ] as const) {
      const result = await exportAs('--format', 'csv', '--out', out);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`Cannot write ${out}: ${reason}.`);
    }
  });

  it('WHEN the reader stops early (| head) THEN the compiled export stops quietly, exiting 0', async () => {
    await importFile(fileWith('rows.ndjson', ndjson(300))); // more than a pipe holds
    const exporter = `"${process.execPath}" "${compiled('src/transfer/export-cli.ts')}" --format json`;
    const piped = spawnSync('bash', ['-c', `${exporter} | head -c 100 > /dev/null; echo "exit=\${PIPESTATUS[0]}"`], {
      cwd: deployedRoot(), encoding: 'utf8', env: cleanEnv({ SITREP_DB: dbPath }), timeout: 60_000,
    });
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe('exit=0\n');
  });

  it('WHEN the topic is unknown THEN it says so and lists the topics, writing nothing', async () => {
    const result = await exportAs('--format', 'csv', '--topic', 'atlantis');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('There is no topic "atlantis". Topics: syria-israel.');
  });

  it('WHEN --since and --until are given THEN the entries whose dates reach into those days are exported, as /timeline lists them', async () => {
    const result = await exportAs('--format', 'csv', '--since', '2025-07-24', '--until', '2025-07-24');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Exported 7 entries from 24 Jul 2025 to 24 Jul 2025 as csv.');
    const dates = (parse(result.stdout, { columns: true }) as Record<string, string>[]).map((row) => row.date);
    // The day itself, its month (dated to July only) and a span from December running into it.
    expect(new Set(dates)).toEqual(new Set(['2024-12', '2025-07', '2025-07-24']));
    const backwards = await exportAs('--format', 'csv', '--since', '2025-08', '--until', '2025-07');
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toContain('--since (Aug 2025) is after --until (Jul 2025).');
    const bundle = await exportAs('--format', 'bundle', '--since', '2025');
    expect(bundle.status).toBe(2);
    expect(bundle.stderr).toContain('--since and --until are for json, ndjson, csv and acled.');
  });

  it('WHEN the topic is misspelt THEN the closest is offered; in capitals THEN it is the topic', async () => {
    const typo = await exportAs('--format', 'csv', '--topic', 'syria-isreal');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('There is no topic "syria-isreal". Closest topics: syria-israel.');
    const capitals = await exportAs('--format', 'csv', '--topic', 'Syria-Israel');
    expect(capitals.status).toBe(0);
    expect(capitals.stdout.split('\n').length).toBeGreaterThan(10);
  });

  it('WHEN the format is unknown THEN it says what is accepted', async () => {
    const result = await exportAs('--format', 'xml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format must be json, ndjson, csv, acled or bundle — got "xml"');
  });

  it('WHEN an option is mistyped THEN it prints the usage and exits 2, writing nothing', async () => {
    for (const args of [['--nope'], ['--out'], ['--format', 'csv', 'extra'], ['-x']]) {
      const result = await exportAs(...args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^(Unknown option|Option|Unexpected argument) '[^']+'.*\.$/), "Usage: npm run export -- [--format json|ndjson|csv|acled|bundle (default: --out's extension, else json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]"]);
    }
  });

  it('WHEN the compiled export gets a mistyped option THEN it prints the usage, no stack trace, and exits 2', () => {
    const result = runCompiled('src/transfer/export-cli.ts', ['--nope'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("Unknown option '--nope'.\nUsage: npm run export -- [--format json|ndjson|csv|acled|bundle (default: --out's extension, else json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]\n");
  });
});

