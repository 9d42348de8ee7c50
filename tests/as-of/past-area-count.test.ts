// GIVEN a dossier of thousands of entries (past pages are then read from the spans' indexes, not
// from every span begun) WHEN a past timeline is filtered by a country, alone or with a type, at
// an instant after the last change THEN it counts what the live timeline counts: the count read
// from the country's side (its places' spans held then, each entry once) is the count of the
// entries shown, page after page.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { runImport } from '../../src/transfer/import-command.js';
import { runProgram } from '../support/cli.js';
import { ndjson } from '../support/import-rows.js';
import { copySeededStore } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let dir: string;
let app: App;
const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
const run = async (line: string) => viewText(await app.dispatcher.runText(line, admin));
const total = (text: string) => /Showing 1 (?:to \d+ )?of ([\d,]+) entr/.exec(text)?.[1];

beforeAll(async () => {
  dir = mkdtempSync(join(inject('scratchRoot'), 'past-area-count-'));
  const store = join(dir, 'store.db');
  copySeededStore(store);
  // More spans than a past page reads whole (as-of-timeline.ts FEW_SPANS).
  writeFileSync(join(dir, 'rows.ndjson'), ndjson(4_200));
  expect((await runProgram(runImport, [join(dir, 'rows.ndjson')], { SITREP_DB: store })).status).toBe(0);
  app = createApp({ dbPath: store, admins: parseAdminRules('console:op'), logger: silentLogger });
}, 120_000);
afterAll(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN 4,200 entries imported, 700 of them agreements in Syria', () => {
  it('THEN the past view of today by country and type counts and lists what the live one does', async () => {
    const asOf = new Date().toISOString().slice(0, 16);
    for (const filters of ['place:Syria type:agreement', 'place:Syria type:humanitarian', 'place:"Sweida province" type:incursion']) {
      const live = await run(`/timeline ${filters}`);
      const past = await run(`/timeline ${filters} as_of:${asOf}`);
      expect(total(live), filters).toBeDefined();
      expect(total(past), filters).toBe(total(live));
      expect(past.match(/^#\d+ .*/gm), filters).toEqual(live.match(/^#\d+ .*/gm));
    }
    expect(total(await run('/timeline place:Syria type:agreement'))).toBe('700');
    // Further pages too.
    const page = (text: string) => text.match(/^#\d+ .*/gm);
    const seventh = page(await run('/timeline place:Syria type:agreement page:7'));
    expect(seventh).toHaveLength(10);
    expect(page(await run(`/timeline place:Syria type:agreement page:7 as_of:${asOf}`))).toEqual(seventh);
  });

  it('THEN a country holding more than the count reads says so alike', async () => {
    const asOf = new Date().toISOString().slice(0, 16);
    const live = await run('/timeline place:Syria');
    const past = await run(`/timeline place:Syria as_of:${asOf}`);
    expect(total(past)).toBe(total(live));
    expect(past.match(/^#\d+ .*/gm)).toEqual(live.match(/^#\d+ .*/gm));
  });
});
