// GIVEN a watched feed whose server answers a permanent redirect (301, 308) to a new address
// THEN the source reads the new address from then on, says where it moved from and when, and
// proposes none of the items it saw at the old one; a temporary redirect (302, 307) keeps the old
// address. /sources add of the old address is refused as the moved source's feed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

const MINUTE = 60_000;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/old.xml', 'Levant Wire', [SWEIDA, PARIS]);
  await queue.run('/review channel');
  await queue.run(`/sources add url:${feeds.url('/old.xml')} topic:syria-israel`);
  await queue.run('/sources check id:1');
});
afterEach(() => closeQueue(feeds, queue));

const source = () => queue.app.services.sources.get(1);

/** The old address answers `status` to /new.xml, which serves the same feed and one item more. */
function redirectToNew(status: number): void {
  feeds.serve('/new.xml', 'Levant Wire', [BAKU, SWEIDA, PARIS]);
  feeds.fail('/old.xml', { status, headers: { location: '/new.xml' } });
}

async function checkLater(): Promise<string> {
  queue.advance(30 * MINUTE);
  return queue.text('/sources check id:1');
}

describe('GIVEN a feed checked once at its old address', () => {
  it.each([301, 308])('WHEN the old address answers %i THEN the source moves to the new address, proposes only the item it had not seen, and asks the new address directly next time', async (status) => {
    redirectToNew(status);
    const checked = await checkLater();
    expect(checked).toContain(`3 items: 1 new (1 proposed), 2 seen before; the feed moved here from ${feeds.url('/old.xml')} (HTTP ${status}): it is read at this address from now on`);
    expect(source().url).toBe(feeds.url('/new.xml'));
    const movedLine = `moved from ${feeds.url('/old.xml')} on 2025-07-20 12:30 UTC (its server answered HTTP ${status} there)`;
    expect(await queue.text('/sources list', READER)).toContain(movedLine);
    expect(await queue.text('/sources why id:1', READER)).toContain(movedLine);
    expect(source().movedFrom).toEqual({ url: feeds.url('/old.xml'), at: new Date(Date.parse(NOW) + 30 * MINUTE), status });
    expect(queue.app.services.review.pending({}, 10, 0).items.map((candidate) => candidate.title)).toEqual([BAKU.title]);
    expect(await queue.text('/sources list', READER)).toContain(feeds.url('/new.xml'));

    const [latest] = queue.app.services.sources.checks(1, 1).checks;
    expect(latest!.moved).toEqual({ url: feeds.url('/old.xml'), at: new Date(Date.parse(NOW) + 30 * MINUTE), status });

    const asked = feeds.requestsFor('/old.xml').length;
    expect(await checkLater()).toContain('not modified since the last check (the server answered 304)');
    expect(feeds.requestsFor('/old.xml')).toHaveLength(asked);
    expect(queue.logger.lines.map((line) => line.message)).toContain(`feed moved: source #1 is read at ${feeds.url('/new.xml')} from now on (HTTP ${status} at ${feeds.url('/old.xml')})`);
  });

  it.each([302, 307])('WHEN the old address answers %i THEN the source keeps its address and asks it again at the next check', async (status) => {
    redirectToNew(status);
    expect(await checkLater()).toContain('3 items: 1 new (1 proposed), 2 seen before');
    expect(source().url).toBe(feeds.url('/old.xml'));
    expect(source().movedFrom).toBeUndefined();
    const asked = feeds.requestsFor('/old.xml').length;
    await checkLater();
    expect(feeds.requestsFor('/old.xml')).toHaveLength(asked + 1);
  });

  it('WHEN the new address answers 304 behind a 301 THEN the source moves all the same', async () => {
    // A temporary redirect first: the source keeps its address and the new one's validators.
    redirectToNew(302);
    await checkLater();
    feeds.fail('/old.xml', { status: 301, headers: { location: '/new.xml' } });
    expect(await checkLater()).toContain('not modified since the last check (the server answered 304)');
    expect(source().url).toBe(feeds.url('/new.xml'));
    expect(source().movedFrom?.status).toBe(301);
  });

  it('WHEN a permanent redirect is followed by a temporary one THEN the source moves to where the permanent one led', async () => {
    feeds.serve('/new.xml', 'Levant Wire', [BAKU, SWEIDA, PARIS]);
    feeds.fail('/old.xml', { status: 301, headers: { location: '/lasting.xml' } });
    feeds.fail('/lasting.xml', { status: 302, headers: { location: '/new.xml' } });
    await checkLater();
    expect(source().url).toBe(feeds.url('/lasting.xml'));
  });

  it('WHEN the address another source watches is where the feed moved THEN the source keeps its address and the log says why', async () => {
    feeds.serve('/new.xml', 'Levant Wire', [BAKU, SWEIDA, PARIS]);
    await queue.run(`/sources add url:${feeds.url('/new.xml')} topic:lebanon`);
    feeds.fail('/old.xml', { status: 301, headers: { location: '/new.xml' } });
    await checkLater();
    expect(source().url).toBe(feeds.url('/old.xml'));
    expect(queue.logger.lines.map((line) => line.message)).toContain(`feed moved to ${feeds.url('/new.xml')} (HTTP 301), but source #1 keeps reading ${feeds.url('/old.xml')}: source #2 watches the new address`);
  });
});

describe('GIVEN a feed that moved for good', () => {
  beforeEach(async () => {
    redirectToNew(301);
    await checkLater();
  });

  it('WHEN its old address is added again THEN it is refused as the moved source, with its topic, and nothing is stored', async () => {
    const refused = await queue.refused(`/sources add url:${feeds.url('/old.xml')} topic:lebanon`);
    expect(refused).toContain('This feed is watched already, as source #1 (option `url`).');
    expect(refused).toContain(`The feed moved from this address on 2025-07-20 12:30 UTC (its server answered HTTP 301 here): source #1 watches it at ${feeds.url('/new.xml')} now, for the topic syria-israel.`);
    expect(refused.replaceAll('`', '')).toContain('See it with /sources why id:1.');
  });

  it('WHEN another form of its old address is added THEN it is refused alike', async () => {
    const refused = await queue.refused(`/sources add url:${feeds.url('/old.xml/')}?utm_source=rss topic:lebanon`);
    expect(refused).toContain(`The feed moved from this address on 2025-07-20 12:30 UTC (its server answered HTTP 301 here): source #1 watches it at ${feeds.url('/new.xml')} now`);
    expect(refused).not.toContain('To watch it at this address instead');
  });

  it('WHEN its old address is added in a channel whose digests are on New York time THEN the move is dated on that clock', async () => {
    await queue.run('/digest subscribe schedule:"daily 08:00" timezone:America/New_York');
    const refused = await queue.refused(`/sources add url:${feeds.url('/old.xml')} topic:lebanon`);
    expect(refused).toContain('The feed moved from this address on 2025-07-20 08:30 America/New_York (its server answered HTTP 301 here)');
  });

  it('WHEN its new address is added THEN it is refused, naming the topic it is watched for', async () => {
    const refused = await queue.refused(`/sources add url:${feeds.url('/new.xml')} topic:lebanon`);
    expect(refused).toContain('This feed is watched already, as source #1 (option `url`). It is watched for the topic syria-israel.');
  });
});

describe('GIVEN checks run in the checks’ worker, as the bot runs them', () => {
  it('WHEN the feed’s address answers 301 THEN the source moves there as on one thread', async () => {
    const bot = new QueueApp({ start: NOW, inWorker: true });
    try {
      await bot.run(`/sources add url:${feeds.url('/old.xml')} topic:syria-israel`);
      redirectToNew(301);
      expect(await bot.text('/sources check id:1')).toContain('3 items: 3 new (3 recorded), 0 seen before');
      expect(bot.app.services.sources.get(1).url).toBe(feeds.url('/new.xml'));
      expect(bot.app.services.sources.get(1).movedFrom?.url).toBe(feeds.url('/old.xml'));
    } finally {
      bot.dispose();
    }
  });
});
