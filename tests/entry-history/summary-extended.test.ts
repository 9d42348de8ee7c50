// GIVEN an entry whose long summary an import extended WHEN anyone reads /entry history THEN the
// change shows where the two summaries part, as the import's own report does, not the same start
// cut at the same point on both sides.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const reader: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'ann' };
const SUMMARY =
  'On 11 July an official in Sweida told AFP that "the situation is dire": shelling went on through the night and hundreds of residents fled".';
const EXTENDED = `${SUMMARY} Update: a ceasefire was announced the next morning.`;

let app: TestApp;
let dir: string;
const run = async (text: string, caller = admin) => viewText(await app.dispatcher.runText(text, caller));
beforeEach(() => {
  app = createTestApp('slack:U1', () => new Date('2026-03-01T10:00:00Z'));
  dir = mkdtempSync(join(tmpdir(), 'sitrep-history-extended-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN an entry whose summary an import extended', () => {
  it('WHEN anyone reads its history THEN the summary line shows the end both share and what was added', async () => {
    await run(`/entry add title:"Shelling of Sweida" date:2025-07-11 type:shelling topic:syria-israel places:Sweida summary:'${SUMMARY}'`);
    const key = app.db.prepare('SELECT key FROM entries WHERE id = 18').pluck().get() as string;
    const row = { key, title: 'Shelling of Sweida', date: '2025-07-11', type: 'shelling', topic: 'syria-israel', places: ['Sweida'], summary: EXTENDED };
    const imported = await runProgram(runImport, [fileIn(dir, 'rows.ndjson', `${JSON.stringify(row)}\n`)], { SITREP_DB: app.dbPath });
    expect(imported.stdout).toContain('corrected');

    const history = await run('/entry history id:18', reader);
    expect(history).toContain('Summary: …residents fled". → …residents fled". Update: a ceasefire was announced the next morning.');
    expect(history).not.toMatch(/Summary: On 11 July .*→ On 11 July/);
  });
});
