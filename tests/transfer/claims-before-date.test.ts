// GIVEN an import row whose claims were made before the entry's date (which /entry claim refuses)
// WHEN it is checked or imported THEN it is kept as given, with a note naming each such claim, as a
// source published before the date is: a backup of a store that held such a claim restores whole.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { planImport } from '../../src/transfer/import-plan.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { checkRow } from '../../src/transfer/row-validation.js';
import { runProgram } from '../support/cli.js';
import { copySeededStore, createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let dir: string;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
beforeEach(() => {
  app = createTestApp('', () => new Date('2026-12-05T10:00:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'sitrep-claim-dates-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const row = { title: 'Strike on Tasil', date: '2025-07-10', type: 'air-strike', topic: 'syria-israel', outlet: 'SANA', published: '2025-07-10' };
const claim = (actor: string, stance: string, date: string) => ({ actor, stance, date, outlet: 'SANA' });

describe('GIVEN import rows with claims', () => {
  it('WHEN a claim is dated before the entry THEN the row is kept with its claim, and a note says so', () => {
    const checked = checkRow({ ...row, claims: [claim('Syria', 'denies', '2025-01-01')] }, app.dossier);
    expect(checked).toMatchObject({ ok: true, input: { claims: [{ stance: 'denies', date: { year: 2025, month: 1, day: 1 } }] } });
    expect(checked.ok && checked.note).toBe(
      'claim dated 2025-01-01 (Syria denies) is before the date 2025-07-10, as claims of entries stored before they had to follow their date may be: kept as given (/entry claim would refuse it).',
    );
  });

  it('WHEN several are, beside a source published before the date THEN one note names each', () => {
    const claims = [claim('Syria', 'denies', '2025-06'), claim('Israel', 'claims', '2025-07-10'), claim('Tom Barrack', 'confirms', '2024')];
    const checked = checkRow({ ...row, published: '2025-07-01', claims }, app.dossier);
    expect(checked.ok && checked.note).toBe(
      'published 2025-07-01 (SANA) is before the date 2025-07-10, as sources of entries stored before they had to follow their date may be: kept as given (/entry add would refuse it). ' +
        'claims dated 2025-06 (Syria denies), 2024 (Tom Barrack confirms) are before the date 2025-07-10, as claims of entries stored before they had to follow their date may be: kept as given (/entry claim would refuse it).',
    );
  });

  it('WHEN claims are made on the day of the event, or in its month THEN there is nothing to note', () => {
    const checked = checkRow({ ...row, claims: [claim('Syria', 'denies', '2025-07-10'), claim('Israel', 'claims', '2025-07')] }, app.dossier);
    expect(checked.ok && checked.note).toBeUndefined();
  });

  it('WHEN the import is planned THEN the note is listed with the row’s line', () => {
    const plan = planImport([{ line: 3, values: { ...row, claims: [claim('Syria', 'denies', '2025-01-01')] } }], app.db, app.dossier);
    expect(plan.accepted).toHaveLength(1);
    expect(plan.noted).toEqual([{ line: 3, reason: expect.stringContaining('claim dated 2025-01-01 (Syria denies) is before the date 2025-07-10') as string }]);
  });
});

describe('GIVEN a store holding an entry with a claim made before its date', () => {
  it('WHEN its export is imported into a new store THEN the entry comes back with the claim, and the import notes it', async () => {
    const added = viewText(await app.dispatcher.runText('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:legacy outlet:SANA published:2025-07-10', operator));
    const id = Number(/#(\d+)/.exec(added)![1]);
    expect(viewText(await app.dispatcher.runText(`/entry claim id:${id} actor:Syria stance:denies outlet:SANA date:2025-07-10`, operator))).toContain(`Recorded on #${id}`);
    // Dated as a store from before the rule could hold it.
    const [recorded] = app.services.editor.entryState(id).claims!;
    app.services.editor.editEntry(id, { claims: [{ ...recorded!, date: { year: 2025, month: 1, day: 1 } }] }, { by: 'test', at: '2025-07-20T00:00:00Z' });
    const file = join(dir, 'backup.json');
    expect((await runProgram(runExport, ['--format', 'json', '--topic', 'legacy', '--out', file], { SITREP_DB: app.dbPath })).status).toBe(0);
    const restored = join(dir, 'restored.db');
    copySeededStore(restored);
    const result = await runProgram(runImport, [file], { SITREP_DB: restored });
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    expect(result.stdout).toMatch(/ {2}noted {4}line \d+: claim dated 2025-01-01 \(Syria denies\) is before the date 2025-07-10/);
    expect(result.status).toBe(0);
    const db = new Database(restored, { readonly: true });
    try {
      expect(db.prepare("SELECT c.stance, c.claimed_on FROM entry_claims c JOIN entries e ON e.id = c.entry_id WHERE e.topic = 'legacy'").all()).toEqual([{ stance: 'denies', claimed_on: '2025-01-01' }]);
    } finally {
      db.close();
    }
  });
});
