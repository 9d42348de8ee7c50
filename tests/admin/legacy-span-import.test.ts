// A backup of a real store restores whole: entries stored before spans had to end after their
// date (date:2025-07 end:2025-07-15) come back from an export, with a note, while /entry add
// still refuses that shape when typed.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { planImport } from '../../src/transfer/import-plan.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-legacy-span-'));
  dbPath = join(dir, 'store.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An entry of topic `legacy` as an older Sitrep stored it: a month, ending on a day inside it. */
function storeLegacyEntry(path: string): void {
  copySeededStore(path);
  const app = createApp({ dbPath: path, admins: [], logger: silentLogger });
  try {
    const id = app.services.editor.addEntry(
      {
        topic: 'legacy', title: 'Ceasefire talks in July', summary: '', eventType: 'talks', start: { year: 2025, month: 7 },
        confidence: 'reported', places: ['Paris'], actors: [], sources: [{ outlet: 'AFP' }], tags: [],
      },
      { by: 'test', at: '2025-07-20T00:00:00Z' },
    );
    app.db.prepare("UPDATE entries SET ends_on = '2025-07-15', ends_precision = 'day', day_to = '2025-07-15' WHERE id = ?").run(id);
  } finally {
    app.close();
  }
}

const endOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT occurred_on || ' → ' || ends_on FROM entries WHERE topic = 'legacy'").pluck().all();
  } finally {
    db.close();
  }
};

describe('GIVEN a store holding an entry whose end lies inside its own date', () => {
  it.each(['json', 'csv'])('WHEN its %s export is imported into a new store THEN the entry comes back as stored', async (format) => {
    storeLegacyEntry(dbPath);
    const file = join(dir, `backup.${format}`);
    expect((await runProgram(runExport, ['--format', format, '--topic', 'legacy', '--out', file], { SITREP_DB: dbPath })).status).toBe(0);
    const restored = join(dir, 'restored.db');
    const result = await runProgram(runImport, [file], { SITREP_DB: restored });
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    expect(result.stdout).toMatch(/ {2}noted {4}line 2: end 2025-07-15 lies within the date 2025-07/);
    expect(result.status).toBe(0);
    expect(endOf(restored)).toEqual(['2025-07 → 2025-07-15']);
  });

  it('WHEN the import is checked THEN the row carries a note saying it was kept as given', () => {
    const app = createApp({ dbPath: ':memory:', admins: [], logger: silentLogger });
    try {
      const row = { title: 'Ceasefire talks in July', date: '2025-07', end: '2025-07-15', type: 'talks', topic: 'legacy' };
      const plan = planImport([{ line: 4, values: row }], app.db, app.dossier);
      expect(plan.accepted).toHaveLength(1);
      expect(plan.noted).toEqual([
        { line: 4, reason: expect.stringContaining('end 2025-07-15 lies within the date 2025-07') as string },
      ]);
      // An end before the date was never stored, so it is still refused.
      const before = planImport([{ line: 5, values: { ...row, end: '2025-06' } }], app.db, app.dossier);
      expect(before.rejected.map((r) => r.reason)).toEqual([expect.stringContaining('is before the date (2025-07)')]);
    } finally {
      app.close();
    }
  });

  it('WHEN an admin types that shape in chat THEN /entry add still refuses it', async () => {
    const app = createApp({ dbPath: ':memory:', admins: [], logger: silentLogger });
    try {
      const view = await app.dispatcher.runText(
        '/entry add title:x date:2025-07 end:2025-07-15 type:talks topic:legacy',
        { platform: 'console', userId: 'operator', localOperator: true },
      );
      expect(viewText(view)).toContain('`end` (2025-07-15) must end after the date (2025-07)');
    } finally {
      app.close();
    }
  });
});
