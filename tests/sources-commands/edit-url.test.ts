// GIVEN a watched feed that moved to a new address WHEN an admin gives it with /sources edit url:
// THEN the source keeps its number, its checks and the items it has seen: the next check reads the
// new address at once, without the old address's ETag and Last-Modified, and proposes only what is
// new there, none of the items seen at the old one. Failures at the old address are forgotten; a
// wait the same server asked for (Retry-After) holds. A new address /sources add would refuse is
// refused, and nothing is changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import type { FeedFetcher, FetchOutcome, FetchState } from '../../src/core/sources/feed-port.js';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { ADMIN, ADMINS, QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, PARIS, QUNEITRA_STRIKE, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let feeds: ScriptedFeeds;
let queue: QueueApp;
let fetcher: HttpFeedFetcher;
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  // Retry-After dates are read on the test's clock, as a server's clock and Sitrep's agree.
  fetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000, now: () => queue.now().getTime() });
  queue = new QueueApp({ start: NOW, fetcher });
});
afterEach(async () => {
  queue.dispose();
  await fetcher.close();
  await feeds.close();
});

const source = () => queue.app.services.sources.get(1);
/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');

describe('GIVEN a feed checked twice at its old address, one candidate proposed', () => {
  beforeEach(async () => {
    feeds.serve('/old.xml', 'Levant Wire', [BAKU, SWEIDA]);
    await queue.run(`/sources add url:${feeds.url('/old.xml')} topic:syria-israel`);
    await queue.run('/sources check id:1');
    feeds.serve('/old.xml', 'Levant Wire', [PARIS, BAKU, SWEIDA]);
    queue.advance(30 * MINUTE);
    expect(await say('/sources check id:1')).toContain('3 items: 1 new (1 proposed), 2 seen before');
    expect(source().validators.etag).toBeDefined();
  });

  it('WHEN it moves THEN the reply says old → new, the next check reads the new address at once without the old validators, and only the item new there is proposed', async () => {
    // The feed at its new address holds the items seen at the old one, and one more.
    feeds.serve('/new.xml', 'Levant Wire', [QUNEITRA_STRIKE, PARIS, BAKU, SWEIDA]);
    queue.advance(5 * MINUTE);
    const reply = await say(`/sources edit id:1 url:${feeds.url('/new.xml')}`);
    expect(reply).toContain('Changed #1 Levant Wire');
    expect(reply).toContain(
      `Address: ${feeds.url('/old.xml')} → ${feeds.url('/new.xml')}. Its next check, within a minute, reads the new address, without the old address's ETag and Last-Modified; the items seen there stay seen, so none of them is proposed again.`,
    );
    expect(source().validators).toEqual({});
    expect(source().nextCheckAt.toISOString()).toBe(queue.now().toISOString());
    expect(queue.app.services.sources.due(10)).toEqual([1]);

    const check = await say('/sources check id:1');
    expect(check).toContain('4 items: 1 new (1 proposed), 3 seen before');
    expect(check).toContain('proposed → candidate #2: Israeli drone strike kills 3 near Quneitra');
    const [request] = feeds.requestsFor('/new.xml');
    expect(request!.headers['if-none-match']).toBeUndefined();
    expect(request!.headers['if-modified-since']).toBeUndefined();
    expect(feeds.requestsFor('/old.xml')).toHaveLength(2);

    // The same source: its number, its earlier checks and its candidates.
    expect(await say('/sources why id:1', READER)).toContain('The latest 3 checks, newest first');
    const waiting = await say('/review list', READER);
    expect(waiting).toContain('Al-Shaibani and Dermer meet in Paris');
    expect(waiting).toContain('Israeli drone strike kills 3 near Quneitra');
    expect(queue.app.db.prepare('SELECT count(*) FROM review_candidates').pluck().get()).toBe(2);
    const list = await say('/sources list', READER);
    expect(list).toContain(feeds.url('/new.xml'));
    expect(list).not.toContain(feeds.url('/old.xml'));
  });

  it('WHEN the new address is the one it has THEN nothing changes; WHEN it is not an http(s) address or another source’s THEN it is refused and nothing changes', async () => {
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [PARIS]);
    await queue.run(`/sources add url:${feeds.url('/med.xml')} topic:syria-israel`);
    const before = storeFingerprint(queue.app.db);
    expect(await say(`/sources edit id:1 url:${feeds.url('/old.xml')}`)).toContain('#1 Levant Wire unchanged');

    const ftp = await queue.run('/sources edit id:1 url:ftp://levant.example/rss.xml');
    expect(ftp.tone).toBe('error');
    expect(viewText(ftp)).toContain("Option `url` must be the feed's full address, starting with https:// or http:// — got `ftp://levant.example/rss.xml`.");
    expect(await say('/sources edit id:1 url:https://reader:secret@levant.example/rss.xml')).toContain('Option url holds a user name or password');
    const both = await say('/sources edit id:1 url:levant.example/rss.xml every:5m');
    expect(both).toContain("Option url must be the feed's full address");
    expect(both).toContain('Option every must be at least 15 minutes');

    const taken = await say(`/sources edit id:1 url:${feeds.url('/med.xml')}?utm_source=move`);
    expect(taken).toContain('This feed is watched already, as source #2 (option url).');
    expect(taken).toContain(`It is watched at ${feeds.url('/med.xml')}: the same address written another way`);
    expect(taken).toContain('stop watching this one with /sources remove id:1 if it moved there.');
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });
});

describe('GIVEN a feed failing at its old address', () => {
  beforeEach(async () => {
    feeds.fail('/gone.xml', { status: 404 });
    await queue.run(`/sources add url:${feeds.url('/gone.xml')} topic:syria-israel`);
    await queue.run('/sources check id:1');
    expect(source().failures).toBe(1);
  });

  it('WHEN it moves THEN its failures are forgotten and it is checked at once, where the back-off would have waited', async () => {
    feeds.serve('/found.xml', 'Levant Wire', [SWEIDA]);
    const reply = await say(`/sources edit id:1 url:${feeds.url('/found.xml')}`);
    expect(reply).toContain('Its next check, within a minute, reads the new address');
    expect(reply).toContain('Its failures at the old address are forgotten: the count starts again from 0.');
    expect(source().failures).toBe(0);
    expect(source().lastError).toBeUndefined();
    expect(queue.app.services.sources.due(10)).toEqual([1]);
  });

  it('WHEN it is paused and moves THEN the reply says the new address is read once it is resumed', async () => {
    await queue.run('/sources pause id:1');
    const reply = await say(`/sources edit id:1 url:${feeds.url('/found.xml')}`);
    expect(reply).toContain('It is paused: its next check, once /sources resume id:1, reads the new address');
    expect(source().pausedAt).toBeDefined();
    expect(queue.app.services.sources.due(10)).toEqual([]);
  });
});

describe('GIVEN a feed whose server asked Sitrep to wait an hour (Retry-After)', () => {
  beforeEach(async () => {
    feeds.fail('/busy.xml', { status: 429, headers: { 'retry-after': new Date(Date.parse(NOW) + HOUR).toUTCString() } });
    await queue.run(`/sources add url:${feeds.url('/busy.xml')} topic:syria-israel`);
    await queue.run('/sources check id:1');
  });

  it('WHEN it moves on the same server THEN the wait holds; WHEN it moves to another server THEN it is checked at once', async () => {
    const same = await say(`/sources edit id:1 url:${feeds.url('/calm.xml')}`);
    expect(same).toContain('Its next check, at 2025-07-20 13:00 UTC, when its server asked Sitrep to wait until (Retry-After), reads the new address');
    expect(await say('/sources check id:1')).toContain('The feed asked Sitrep to wait until 13:00 UTC (Retry-After)');
    expect(feeds.requestsFor('/calm.xml')).toHaveLength(0);

    const other = await say('/sources edit id:1 url:https://news.example/world/rss.xml');
    expect(other).toContain('Its next check, within a minute, reads the new address');
    expect(source().nextCheckAt.toISOString()).toBe(NOW.replace('Z', '.000Z'));
  });
});

/** Reads feeds over HTTP, but holds each answer until the test lets it through. */
class HeldFetcher implements FeedFetcher {
  release = () => {};
  private readonly held = new Promise<void>((resolve) => (this.release = resolve));
  constructor(private readonly inner: HttpFeedFetcher) {}
  refusal(url: string) {
    return this.inner.refusal(url);
  }
  async fetch(url: string, state: FetchState): Promise<FetchOutcome> {
    const outcome = await this.inner.fetch(url, state);
    await this.held;
    return outcome;
  }
}

describe('GIVEN a check of the old address under way', () => {
  it('WHEN the feed moves before the check is recorded THEN the old address’s ETag and Last-Modified are not kept for the new one', async () => {
    const held = new HeldFetcher(fetcher);
    queue.dispose();
    queue = new QueueApp({ start: NOW, fetcher: held });
    feeds.serve('/old.xml', 'Levant Wire', [BAKU]);
    feeds.serve('/new.xml', 'Levant Wire', [BAKU]);
    await queue.run(`/sources add url:${feeds.url('/old.xml')} topic:syria-israel`);
    const answered = feeds.nextRequest();
    const check = queue.run('/sources check id:1');
    await answered;
    await queue.run(`/sources edit id:1 url:${feeds.url('/new.xml')}`);
    held.release();
    await check;
    expect(source().url).toBe(feeds.url('/new.xml'));
    expect(source().validators).toEqual({});
  });
});

describe('GIVEN a process that does not allow private addresses (the default)', () => {
  it('WHEN a feed is moved to one THEN it is refused as /sources add refuses it, saying how to allow it, and nothing changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-edit-url-'));
    const dbPath = join(dir, 'sitrep.db');
    copySeededStore(dbPath, new Date(NOW));
    const app = createApp({ dbPath, admins: parseAdminRules(ADMINS), logger: recordingLogger(), now: () => new Date(NOW) });
    try {
      await app.dispatcher.runText('/sources add url:https://news.example/world/rss.xml topic:syria-israel', ADMIN);
      const before = storeFingerprint(app.db);
      for (const url of ['http://127.0.0.1:8080/feed.xml', 'http://localhost/feed.xml', 'http://169.254.169.254/latest']) {
        const reply = viewText(await app.dispatcher.runText(`/sources edit id:1 url:${url}`, ADMIN));
        expect(reply).toMatch(/Option `url`: .*a private or local network address/);
        expect(reply).toContain('SITREP_SOURCES_ALLOW_PRIVATE=true');
      }
      expect(storeFingerprint(app.db)).toBe(before);
      expect(app.services.sources.get(1).url).toBe('https://news.example/world/rss.xml');
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
