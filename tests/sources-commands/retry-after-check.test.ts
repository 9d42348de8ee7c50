// GIVEN a feed whose server answered 429 with Retry-After (an HTTP date 6 hours ahead) THEN a
// check by hand before that time is refused without asking the server or recording anything (so
// it can neither count failures nor pause the source), a check after it runs, and /sources
// resume and /sources edit keep the wait.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { ADMIN, QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { NOW, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** 18:00 UTC, 6 hours after the tests' clock starts, as a server writes it. */
const SIX_HOURS_AHEAD = new Date(Date.parse(NOW) + 6 * HOUR).toUTCString();
const REFUSAL = 'The feed asked Sitrep to wait until 18:00 UTC (Retry-After); it will be checked then, or run /sources check id:1 after that.';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let fetcher: HttpFeedFetcher;
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  // The fetcher reads the Retry-After date on the test's clock, as a server's clock and Sitrep's agree.
  fetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000, now: () => queue.now().getTime() });
  queue = new QueueApp({ start: NOW, fetcher });
  await queue.run('/review channel');
  feeds.fail('/busy.xml', { status: 429, headers: { 'retry-after': SIX_HOURS_AHEAD } });
  await queue.run(`/sources add url:${feeds.url('/busy.xml')} topic:syria-israel every:15m`);
});
afterEach(async () => {
  queue.dispose();
  await fetcher.close();
  await feeds.close();
});

const source = () => queue.app.services.sources.get(1);
/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');

describe('GIVEN a feed that answered 429 with Retry-After 6 hours ahead', () => {
  beforeEach(async () => {
    const first = await say('/sources check id:1');
    expect(first).toContain('failed: The server is limiting how often it may be asked (HTTP 429). It asked Sitrep to wait until 2025-07-20 18:00 UTC (Retry-After).');
    expect(first).toContain('1 failure in a row; next check at 2025-07-20 18:00 UTC.');
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(1);
  });

  it('WHEN an admin checks it by hand before then THEN it is refused, the server is not asked and the store is unchanged, however often', async () => {
    const before = storeFingerprint(queue.app.db);
    for (const minutes of [1, 60, 4 * 60, 6 * 60 - 1]) {
      queue.setTime(Date.parse(NOW) + minutes * MINUTE);
      const reply = await queue.run('/sources check id:1');
      const text = viewText(reply).replaceAll('`', '');
      expect(text, `${minutes} min after`).toContain(REFUSAL);
      expect(text).toContain('Source #1 was not checked: its server was not asked, and nothing was recorded.');
      expect(reply.tone).toBe('error');
    }
    // Ten more: none counts a failure, so none can pause the source.
    for (let n = 0; n < 10; n++) expect(await say('/sources check id:1')).toContain(REFUSAL);
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(1);
    expect(storeFingerprint(queue.app.db)).toBe(before);
    expect(source()).toMatchObject({ failures: 1 });
    expect(source().pausedAt).toBeUndefined();
    expect(await say('/sources why id:1', READER)).toContain('The latest check, and what it found new.');
  });

  it('WHEN it is checked by hand at the time asked THEN the server is asked, and once the feed answers its items are read', async () => {
    queue.setTime(Date.parse(NOW) + 6 * HOUR);
    feeds.recover('/busy.xml');
    feeds.serve('/busy.xml', 'Busy Wire', [SWEIDA]);
    const reply = await say('/sources check id:1');
    expect(reply).toContain('Checked: #1 Busy Wire');
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(2);
    expect(source()).toMatchObject({ failures: 0 });
    // A check that succeeded clears the wait: the next check by hand is not refused.
    queue.advance(MINUTE);
    expect(await say('/sources check id:1')).toContain('Checked: #1 Busy Wire');
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(3);
  });

  it('WHEN the server asks again at the time asked THEN the check by hand runs, counts a second failure and names the new time', async () => {
    queue.setTime(Date.parse(NOW) + 6 * HOUR);
    feeds.fail('/busy.xml', { status: 429, headers: { 'retry-after': '1800' } });
    const reply = await say('/sources check id:1');
    expect(reply).toContain('It asked Sitrep to wait until 2025-07-20 18:30 UTC (Retry-After).');
    expect(reply).toContain('2 failures in a row; next check at 2025-07-20 18:30 UTC.');
    queue.advance(10 * MINUTE);
    expect(await say('/sources check id:1')).toContain('The feed asked Sitrep to wait until 18:30 UTC (Retry-After); it will be checked then');
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(2);
  });

  it('WHEN it is paused and resumed before then THEN a check by hand is still refused, and the resumed source waits for the time asked', async () => {
    await queue.run('/sources pause id:1');
    queue.advance(HOUR);
    expect(await say('/sources check id:1')).toContain('The feed asked Sitrep to wait until 18:00 UTC (Retry-After); run /sources check id:1 after that (the source is paused');
    const resumed = await say('/sources resume id:1');
    expect(resumed).toContain('It is checked at 2025-07-20 18:00 UTC, when the feed asked Sitrep to wait until (Retry-After), then every 15 min');
    expect(source().nextCheckAt.toISOString()).toBe('2025-07-20T18:00:00.000Z');
    expect(await say('/sources check id:1')).toContain(REFUSAL);
    // A shorter interval does not bring the check before the time asked either.
    expect(await say('/sources edit id:1 every:20m')).toContain('next check at 2025-07-20 18:00 UTC.');
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(1);
  });
});

describe('GIVEN a feed that answered 503 with a Retry-After already over', () => {
  it('WHEN an admin checks it again THEN the check runs', async () => {
    feeds.fail('/busy.xml', { status: 503, headers: { 'retry-after': '0' } });
    expect(await say('/sources check id:1')).toContain('failed: The server is unavailable for now (HTTP 503).\n');
    queue.advance(MINUTE);
    expect(await say('/sources check id:1')).toContain('2 failures in a row');
    expect(feeds.requestsFor('/busy.xml')).toHaveLength(2);
  });
});
