// What an import or export tells the operator about a file: a correction moving an entry's date
// after its source's publication is noted as a new row's is; an actor --create-actors creates
// close to a known one is warned of; a mistyped option after `--` is named as such; and a file
// that is no import file (a store, an empty file, a bundle with a bad header, a misspelled field)
// is said so in words.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBackup } from '../../src/transfer/backup-command.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-reports-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const dateOf = (id: number) => app.db.prepare('SELECT day_from FROM entries WHERE id = ?').pluck().get(id);

describe('GIVEN a CSV export whose row for entry #14 has only its date changed, past its source’s publication', () => {
  it('WHEN it is imported THEN the correction is noted as a new row would be, and the entry takes the date', async () => {
    const out = join(dir, 'dossier.csv');
    expect((await runProgram(runExport, ['--format', 'csv', '--out', out], env())).status).toBe(0);
    const key = app.db.prepare('SELECT key FROM entries WHERE id = 14').pluck().get() as string;
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.event_id === key)!;
    expect([row.date, row.published]).toEqual(['2025-07-24', '2025-07-26']);
    const file = fileIn(dir, 'moved.csv', stringify([{ ...row, date: '2025-08-01' }], { header: true }));

    const result = await runProgram(runImport, [file], env());
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      `  noted    line 2: published 2025-07-26 (${row.outlet}) is before the date 2025-08-01, as sources of entries stored before they had to follow their date may be: kept as given (/entry edit would refuse it).`,
      '  correct  line 2: entry #14: date 2025-07-24 → 2025-08-01',
    ]);
    expect(result.status).toBe(0);
    expect(dateOf(14)).toBe('2025-08-01');
  });

  it('WHEN a correction leaves the date before the publication THEN there is nothing to note', async () => {
    const key = app.db.prepare('SELECT key FROM entries WHERE id = 14').pluck().get() as string;
    const file = fileIn(dir, 'fine.json', JSON.stringify([{ key, date: '2025-07-25', title: 'Barrack says he held talks in Paris', type: 'statement', topic: 'syria-israel' }]));
    const result = await runProgram(runImport, [file, '--dry-run'], env());
    expect(result.stdout).not.toContain('noted');
    expect(result.stdout).toContain('entry #14: title');
  });
});

describe('GIVEN a CSV export whose ACLED-named copies were edited instead of Sitrep’s own columns', () => {
  it('WHEN it is imported THEN the row says those edits were not read and which column to change; a row changing its own column is not noted', async () => {
    const out = join(dir, 'dossier.csv');
    expect((await runProgram(runExport, ['--format', 'csv', '--out', out], env())).status).toBe(0);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    const edited = rows.map((row) => {
      if (row.title === 'Barrack says he held talks with Syrian and Israeli officials in Paris') return { ...row, event_date: '2025-08-01', notes: 'Rewritten in the notes column' };
      if (row.title === 'US-mediated Syria–Israel talks in Paris') return { ...row, summary: 'Rewritten in the summary column' };
      return row;
    });
    const result = await runProgram(runImport, [fileIn(dir, 'edited.csv', stringify(edited, { header: true })), '--dry-run'], env());
    expect(result.stdout).toMatch(/noted\s+line \d+: `event_date` \(change `date`\), `notes` \(change `summary`\) differ from the row's own columns: the ACLED-named columns are copies for other tools and are not read\./);
    expect(result.stdout).toMatch(/skipped\s+line \d+: duplicate of entry #14/);
    expect(result.stdout).toMatch(/correct\s+line \d+: entry #15: summary/);
    expect(result.stdout.match(/noted/g)).toHaveLength(1);
  });
});

describe('GIVEN a row naming `Isreal`, close to the stored Israel', () => {
  const rowWith = (actor: string) => [{ title: 'Statement on the Golan', date: '2025-07-20', type: 'statement', topic: 'syria-israel', actors: `${actor}:initiator` }];

  it('WHEN imported with --create-actors THEN the dry run and the import warn that it is close to Israel, and say how to fix it', async () => {
    const file = fileIn(dir, 'typo.json', JSON.stringify(rowWith('Isreal')));
    const before = storeFingerprint(app.db);
    const dry = await runProgram(runImport, [file, '--create-actors', '--dry-run'], env());
    expect(dry.stdout).toContain('Actors it would create: Isreal (unknown).\n  warning  Isreal — close to Israel; if it is the same actor, fix the file before importing it.\n');
    expect(storeFingerprint(app.db)).toBe(before);

    const done = await runProgram(runImport, [file, '--create-actors'], env());
    expect(done.stdout).toContain('Actors created: Isreal (unknown).\n  warning  Isreal — close to Israel; if it is the same actor, fix the file, or fold it into that actor: /actors merge from:"Isreal" into:"Israel".\n');
    expect(done.status).toBe(0);
  });

  it('WHEN the created actor shares words with a known name and differs in the others (Syrian General Security, Syrian Arab Republic) THEN no merge is proposed', async () => {
    const file = fileIn(dir, 'body.json', JSON.stringify(rowWith('Syrian General Security')));
    const dry = await runProgram(runImport, [file, '--create-actors', '--dry-run'], env());
    expect(dry.stdout).toContain('Actors it would create: Syrian General Security (unknown).\n');
    expect(dry.stdout).not.toContain('warning');
  });

  it('WHEN the row gives the created actor another kind than the known one THEN no merge is proposed; of the same kind, it still is', async () => {
    const withKind = (kind: string) => [{ ...rowWith('Isreal')[0], actors: [{ name: 'Isreal', role: 'initiator', kind }] }];
    const person = await runProgram(runImport, [fileIn(dir, 'person.json', JSON.stringify(withKind('person'))), '--create-actors', '--dry-run'], env());
    expect(person.stdout).toContain('Actors it would create: Isreal (person).\n');
    expect(person.stdout).not.toContain('warning');

    const state = await runProgram(runImport, [fileIn(dir, 'state.json', JSON.stringify(withKind('state'))), '--create-actors', '--dry-run'], env());
    expect(state.stdout).toContain('  warning  Isreal — close to Israel;');
  });

  it('WHEN the created actor gives an initial for a known name’s word (T. Barrack) THEN it is warned of, close to that name', async () => {
    const file = fileIn(dir, 'initial.json', JSON.stringify(rowWith('T. Barrack')));
    const dry = await runProgram(runImport, [file, '--create-actors', '--dry-run'], env());
    expect(dry.stdout).toContain('  warning  T. Barrack — close to Tom Barrack; if it is the same actor, fix the file before importing it.\n');
  });

  it('WHEN the file spells one new actor two ways (Hezbollah, Hezbolah) THEN the second is warned of as close to the first', async () => {
    const rows = [{ ...rowWith('Hezbollah')[0] }, { ...rowWith('Hezbolah')[0], title: 'Second statement on the Golan', date: '2025-07-21' }];
    const dry = await runProgram(runImport, [fileIn(dir, 'twice.json', JSON.stringify(rows)), '--create-actors', '--dry-run'], env());
    expect(dry.stdout).toContain('Actors it would create: Hezbollah (unknown), Hezbolah (unknown).\n  warning  Hezbolah — close to Hezbollah; if it is the same actor, fix the file before importing it.\n');
    expect(dry.stdout).not.toContain('warning  Hezbollah');
  });

  it('WHEN the created actor is close to no known name THEN there is no warning', async () => {
    const file = fileIn(dir, 'new.json', JSON.stringify(rowWith('Zxqvbnm Front')));
    const dry = await runProgram(runImport, [file, '--create-actors', '--dry-run'], env());
    expect(dry.stdout).toContain('Actors it would create: Zxqvbnm Front (unknown).\n');
    expect(dry.stdout).not.toContain('warning');
  });
});

describe('GIVEN npm run export -- --fromat csv (the option mistyped after `--`)', () => {
  it('WHEN run THEN it asks whether --format was meant, and does not say npm took --format', async () => {
    const result = await runProgram(runExport, ['--fromat', 'csv'], { ...env(), npm_lifecycle_event: 'export' });
    expect(result.stderr).toBe(
      "Unknown option '--fromat'. Did you mean --format?\nUsage: npm run export -- [--format json|ndjson|csv|acled|bundle (default: --out's extension, else json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]\n",
    );
    expect(result.status).toBe(2);
  });

  it('WHEN npm did take --format (no `--`) THEN that is still what it says', async () => {
    const result = await runProgram(runExport, ['csv'], { ...env(), npm_lifecycle_event: 'export' });
    expect(result.stderr).toMatch(/^npm took --format for itself .*\nRun: npm run export -- --format csv\n$/);
  });
});

describe('GIVEN a file that cannot be imported as a whole', () => {
  it('WHEN it is a store or a backup THEN it says so and to restore it, or export it as a bundle', async () => {
    const backup = join(dir, 'backup.db');
    expect((await runProgram(runBackup, [backup], env())).status).toBe(0);
    const result = await runProgram(runImport, [backup], env());
    expect(result.stderr).toBe(
      `Cannot import backup.db: it is an SQLite database (a Sitrep store or backup?), not an import file. To put a backup in place of the store, use npm run restore -- ${backup}; to bring its dossier into this store, export it as a bundle (SITREP_DB=${backup} npm run export -- --format bundle --out dossier.ndjson) and import that. Nothing was written.\n`,
    );
    expect(result.status).toBe(2);
  });

  it.each([
    ['empty.json', '', 'Cannot import empty.json: the file is empty. Nothing was written.'],
    ['blank.csv', '\n \n', 'Cannot import blank.csv: the file is empty (blank lines only). Nothing was written.'],
    [
      'version.ndjson',
      '{"record":"sitrep-bundle","version":"3","topic":null}\n{"record":"end","counts":{}}\n',
      'Cannot import version.ndjson (bundle): line 1: not a bundle header: `version` must be a whole number, like 3 — got "3" (text). Nothing was written.',
    ],
  ])('WHEN it is %s THEN one line says what is wrong with it', async (name, text, said) => {
    const before = storeFingerprint(app.db);
    const result = await runProgram(runImport, [fileIn(dir, name, text)], env());
    expect(result.stderr).toBe(`${said}\n`);
    expect(result.status).toBe(2);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a JSON row misspells a field THEN its refusal offers the field meant', async () => {
    const file = fileIn(dir, 'typo.json', JSON.stringify([{ title: 'Talks', date: '2025-07-01', type: 'talks', topic: 'syria-israel', confidance: 'confirmed' }]));
    const result = await runProgram(runImport, [file, '--dry-run'], env());
    expect(result.stdout).toMatch(/^ {2}rejected line 1: unknown field `confidance` \(did you mean `confidence`\?\); fields are title, /);
  });
});
