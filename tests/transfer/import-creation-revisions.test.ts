// An import stores each new entry's creation revision without a copy of the entry (issue #18): the
// entry's rows say it, and only the order its tags were given in is kept beside them. The entry
// reads as imported in its history and in a bundle, and an edit keeps that state in its history.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { ndjson } from '../support/import-rows.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let dir: string;
let store: string;
let app: App;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
const run = async (line: string) => viewText(await app.dispatcher.runText(line, admin));

/** The entry imported from row `i` of ndjson(). */
const imported = (i: number) => app.db.prepare('SELECT id FROM entries WHERE title = ?').pluck().get(`Synthetic update ${i}`) as number;
/** What the entry's creation revision stores. */
const creationStored = (id: number) =>
  app.db.prepare("SELECT snapshot FROM revisions WHERE entity = 'entry' AND entity_id = ? AND action = 'create'").pluck().get(id) as string;

beforeAll(async () => {
  dir = mkdtempSync(join(inject('scratchRoot'), 'import-creations-'));
  store = join(dir, 'store.db');
  copySeededStore(store);
  writeFileSync(join(dir, 'rows.ndjson'), ndjson(40));
  expect((await runProgram(runImport, [join(dir, 'rows.ndjson')], { SITREP_DB: store })).status).toBe(0);
  app = createApp({ dbPath: store, admins: parseAdminRules('console:op'), logger: silentLogger });
});
afterAll(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN 40 rows imported into a store', () => {
  it('THEN each creation revision keeps only the order of its tags, and the entry reads as imported', async () => {
    for (let i = 0; i < 40; i++) expect(creationStored(imported(i))).toBe(`{"tags":["synthetic","batch-${i % 10}"]}`);
    const id = imported(7);
    expect(await run(`/entry history id:${id}`)).toContain('create by');
    expect(await run(`/timeline topic:golan actor:"Tom Barrack" since:2024-08-01 until:2024-08-31`)).toContain(`#${id} Synthetic update 7`);
  });

  it('WHEN exported as a bundle THEN each creation revision in it is the entry whole, as imported', async () => {
    const id = imported(3);
    expect(creationStored(id)).toBe('{"tags":["synthetic","batch-3"]}');
    const out = join(dir, 'dossier.ndjson');
    expect((await runProgram(runExport, ['--format', 'bundle', '--out', out], { SITREP_DB: store })).status).toBe(0);
    const creation = readFileSync(out, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{"record":"revision"'))
      .map((line) => JSON.parse(line) as { entity: string; entity_id: number; action: string; snapshot: Record<string, unknown> })
      .find((r) => r.entity === 'entry' && r.entity_id === id && r.action === 'create');
    expect(creation?.snapshot).toMatchObject({ title: 'Synthetic update 3', places: ['Sweida province', 'Golan Heights'], tags: ['synthetic', 'batch-3'] });
  });

  it('WHEN an imported entry is edited THEN its creation is stored whole, and its history shows the title it was imported with', async () => {
    const id = imported(12);
    expect(creationStored(id)).toBe('{"tags":["synthetic","batch-2"]}');
    expect(await run(`/entry edit id:${id} title:"Synthetic update 12, corrected"`)).toContain(`Updated #${id}`);
    expect(JSON.parse(creationStored(id))).toMatchObject({ title: 'Synthetic update 12', tags: ['synthetic', 'batch-2'] });
    expect(await run(`/entry history id:${id}`)).toContain('Title: Synthetic update 12 → Synthetic update 12, corrected');
  });
});
