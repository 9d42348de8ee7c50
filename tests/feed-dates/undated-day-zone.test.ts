// GIVEN an item with no date Sitrep can read, first seen near midnight WHEN it is carded THEN it is
// dated by the day on the review desk's clock (SITREP_TZ here), not the UTC day: in a New York
// evening the card does not say "tomorrow", and approving it as carded is not refused as a day in
// the future; in Damascus after midnight it is not dated the day before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { ADMIN, ADMINS } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';

const UNDATED: ScriptedItem = { guid: 'n1', title: 'UN envoy meets Druze leaders in Sweida', link: 'https://npa.example/n1' };
const OLDER: ScriptedItem = { guid: 'old', title: 'Earlier report from Qamishli', link: 'https://npa.example/old', pubDate: 'Sun, 29 Nov 2026 09:00:00 +0300' };

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/**
 * A bot on `zone` at `now` whose watched feed, once recorded, offers the undated item; checked in
 * the checks' worker thread as the bot runs them (`inWorker`), or on this thread.
 */
async function undatedCandidate(zone: string, now: string, { inWorker = false } = {}): Promise<App> {
  const feeds = await ScriptedFeeds.start();
  const fetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000 });
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-undated-zone-'));
  const dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath, new Date(now));
  const checks = inWorker ? { sourcesAllowPrivate: true } : { feedFetcher: fetcher };
  const app = createApp({ dbPath, admins: parseAdminRules(ADMINS), logger: recordingLogger(), now: () => new Date(now), timezone: zone, ...checks });
  cleanup = async () => {
    app.close();
    await fetcher.close();
    await feeds.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const run = async (line: string) => viewText(await app.dispatcher.runText(line, ADMIN));
  feeds.serve('/npa.xml', 'North Press Agency', [OLDER]);
  await run(`/sources add url:${feeds.url('/npa.xml')} topic:syria-israel`);
  expect(await run('/sources check id:1')).toContain('recorded');
  feeds.serve('/npa.xml', 'North Press Agency', [UNDATED, OLDER]);
  expect(await run('/sources check id:1')).toContain('1 new (1 proposed)');
  return app;
}

const text = async (app: App, line: string) => viewText(await app.dispatcher.runText(line, ADMIN));

describe('GIVEN SITREP_TZ=America/New_York at 19:48 on 6 Dec (00:48 UTC on 7 Dec)', () => {
  it('THEN the undated item is dated 6 Dec, and approving it as carded makes an entry of that day', async () => {
    const app = await undatedCandidate('America/New_York', '2026-12-07T00:48:00Z');
    const card = await text(app, '/review show id:1');
    expect(card).toContain('6 Dec 2026: the day Sitrep first saw the item');
    expect(card).not.toContain('7 Dec 2026');
    const approved = await text(app, '/review approve id:1');
    expect(approved).not.toContain('in the future');
    expect(approved).toMatch(/entry #\d+/);
    expect(approved).toContain('6 Dec 2026');
  });
});

describe('GIVEN SITREP_TZ=Asia/Damascus at 01:30 on 7 Dec (22:30 UTC on 6 Dec)', () => {
  it('THEN the undated item is dated 7 Dec, the day it is there', async () => {
    const app = await undatedCandidate('Asia/Damascus', '2026-12-06T22:30:00Z');
    expect(await text(app, '/review show id:1')).toContain('7 Dec 2026: the day Sitrep first saw the item');
  });
});

describe('GIVEN the checks run in their worker thread, as the bot runs them, on SITREP_TZ=America/New_York at 19:48 on 6 Dec', () => {
  it('THEN the worker dates the undated item by the desk’s day too, 6 Dec', async () => {
    const app = await undatedCandidate('America/New_York', '2026-12-07T00:48:00Z', { inWorker: true });
    const card = await text(app, '/review show id:1');
    expect(card).toContain('6 Dec 2026: the day Sitrep first saw the item');
    expect(card).not.toContain('7 Dec 2026');
  });
});
