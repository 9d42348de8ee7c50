// Fatality figures, graded sources and claims through import and export: what a row may give,
// what is refused (naming the field), and an export that re-imports whole.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { SqliteDossier } from '../../src/store/sqlite-dossier.js';
import { runExport } from '../../src/transfer/export-command.js';
import { exportRow } from '../../src/transfer/export-rows.js';
import { runImport } from '../../src/transfer/import-command.js';
import { checkRow } from '../../src/transfer/row-validation.js';
import { runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

let app: App;
beforeAll(() => {
  app = createApp({ dbPath: ':memory:', admins: [], logger: silentLogger });
});
afterAll(() => app.close());

const base = { title: 'Row', date: '2025-08', type: 'air-strike', topic: 'syria-israel' };
const check = (row: Record<string, unknown>) => checkRow({ ...base, ...row }, app.dossier);
const reasonOf = (row: Record<string, unknown>) => {
  const result = check(row);
  return result.ok ? 'accepted' : result.reason;
};

describe('GIVEN import rows with figures, grades and claims', () => {
  it('THEN they become the entry’s fatalities, its sources’ grades and its claims', () => {
    const result = check({
      fatalities: '4-6-10',
      fatalities_source: 'Health ministry',
      outlet: 'AFP',
      grade: 'b2',
      more_sources: [{ outlet: 'SANA', grade: 'D4' }],
      claims: [{ actor: 'Israel', stance: 'denies', date: '2025-08-02', outlet: 'IDF statement', url: 'https://example.org/idf', grade: 'C3', note: 'No strike' }],
    });
    expect(result.ok && result.input).toMatchObject({
      fatalities: { low: 4, best: 6, high: 10, source: 'Health ministry' },
      sources: [{ outlet: 'AFP', grade: 'B2' }, { outlet: 'SANA', grade: 'D4' }],
      claims: [{ stance: 'denies', date: { year: 2025, month: 8, day: 2 }, source: { outlet: 'IDF statement', url: 'https://example.org/idf', grade: 'C3' }, note: 'No strike' }],
    });
  });

  it.each([
    [{ fatalities: '10-5-12', fatalities_source: 'X' }, 'Option `fatalities`: the low estimate (10) is above the best (5)'],
    [{ fatalities: '5' }, 'Fatality figures need their source: add `fatalities_source`.'],
    [{ outlet: 'AFP', grade: 'B9' }, 'Option `grade` must be a letter A–F'],
    [{ sources: [{ outlet: 'AFP', grade: 'excellent' }] }, '`sources` item 1: `grade` must be a letter A–F'],
    [{ claims: [{ actor: 'Israel', stance: 'denies', outlet: 'X' }] }, '`claims` item 1: A claim needs its `date`'],
    [{ claims: [{ actor: 'Israel', stance: 'shrugs', date: '2025', outlet: 'X' }] }, '`claims` item 1: `stance` must be one of: claims, denies, confirms, disputes — got `shrugs`.'],
    [{ claims: [{ actor: 'Israel', stance: 'denies', date: '2025' }] }, '`claims` item 1: A claim needs its source: `url` or `outlet`.'],
    [{ claims: [{ actor: 'Israel', stance: 'denies', date: '2025', outlet: 'X', source_url: 'https://x.org' }] }, '`claims` item 1 has an unknown key `source_url`; keys are actor, stance, date, url, outlet, attribution, grade, note.'],
    [{ claims: 'not json' }, '`claims` must be a JSON list like'],
  ])('WHEN a row gives %j THEN it is refused, naming the field', (row, reason) => {
    expect(reasonOf(row)).toContain(reason);
  });
});

describe('GIVEN an export of entries with figures, grades and claims', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-figures-'));
    dbPath = join(dir, 'store.db');
    copySeededStore(dbPath);
    const store = createApp({ dbPath, admins: [], logger: silentLogger });
    const [syria, israel] = ['Syria', 'Israel'].map((name) => store.dossier.actorsNamed(name)[0]!.id);
    store.services.editor.addEntry(
      {
        topic: 'rt', title: 'Strike with disputed toll', summary: 'Figures differ.', eventType: 'air-strike', start: { year: 2025, month: 8, day: 3 },
        confidence: 'disputed', places: ['Quneitra'], actors: [{ actorId: israel!, role: 'initiator' }, { actorId: syria!, role: 'target' }],
        sources: [{ outlet: 'AFP', url: 'https://example.org/a', grade: 'B2' }, { outlet: 'SANA', attribution: 'State media', grade: 'D4' }],
        tags: [], fatalities: { low: 4, best: 6, high: 10, source: 'Health ministry, to AFP' },
        claims: [
          { actorId: israel!, stance: 'denies', date: { year: 2025, month: 8 }, source: { outlet: 'IDF statement', url: 'https://example.org/idf', grade: 'C3' }, note: 'No strike, "none"' },
          { actorId: syria!, stance: 'claims', date: { year: 2025, month: 8, day: 4 }, source: { outlet: 'SANA', attribution: 'Ministry' } },
        ],
      },
      { by: 'test', at: '2026-03-01T10:00:00Z' },
    );
    store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const entriesOf = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      const dossier = new SqliteDossier(db);
      const ids = db.prepare("SELECT id FROM entries WHERE topic = 'rt' ORDER BY id").pluck().all() as number[];
      return ids.map((id) => exportRow(dossier.getEntry(id)!, undefined, () => true));
    } finally {
      db.close();
    }
  };

  it.each(['json', 'csv'])('THEN a %s export re-imports into a new store with every figure, grade and claim', async (format) => {
    const file = join(dir, `export.${format}`);
    expect((await runProgram(runExport, ['--format', format, '--topic', 'rt', '--out', file], { SITREP_DB: dbPath })).status).toBe(0);
    // Another store the bot started (seeded, so its actors are there to claim).
    const other = join(dir, `other-${format}.db`);
    copySeededStore(other);
    expect((await runProgram(runImport, [file], { SITREP_DB: other })).stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    const [copy] = entriesOf(other);
    expect(copy).toEqual(entriesOf(dbPath)[0]);
    expect(copy).toMatchObject({ fatalities: '4-6-10', claims: [{ actor: 'Israel', stance: 'denies', date: '2025-08' }, { actor: 'Syria', date: '2025-08-04' }] });
  });
});
