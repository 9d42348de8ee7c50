// GIVEN a review channel whose digests are read in Beirut (UTC+3 in July) THEN the instants the
// review queue's and the sources' replies print are Beirut's, naming the zone, as /entry history
// prints its own: when an item was published, when a candidate was decided, when a feed was
// checked and is checked next. An item its feed dated by the day alone keeps that day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpFeedFetcher } from '../../src/sources/fetch-feed.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { NOW, SWEIDA } from './support/stories.js';

const HOUR = 3_600_000;
/** 18:00 UTC, 21:00 in Beirut, as a server writes it. */
const SIX_HOURS_AHEAD = new Date(Date.parse(NOW) + 6 * HOUR).toUTCString();
const DAY_ONLY = { guid: 'levant-day', title: 'Talks in Baku end without a statement', link: 'https://levant.example/day', pubDate: '2025-07-19' };

let feeds: ScriptedFeeds;
let queue: QueueApp;
let fetcher: HttpFeedFetcher;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, DAY_ONLY]);
  // The fetcher reads a Retry-After date on the test's clock, as a server's clock and Sitrep's agree.
  fetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000, now: () => queue.now().getTime() });
  queue = new QueueApp({ start: NOW, fetcher });
  await queue.run('/review channel');
  await queue.run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Beirut');
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
});
afterEach(async () => {
  queue.dispose();
  await fetcher.close();
  await feeds.close();
});

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string) => (await queue.text(command)).replaceAll('`', '');
const idOf = (title: string) => queue.app.services.review.pending({}, 10, 0).items.find((candidate) => candidate.title === title)!.id;

describe('GIVEN a candidate published at 08:30 UTC and one its feed dated by the day alone', () => {
  beforeEach(async () => {
    await queue.run('/sources check id:1');
  });

  it('WHEN /review list and /review show THEN the publication reads 11:30 in Beirut, and the day alone stays that day', async () => {
    const list = await say('/review list');
    expect(list).toContain('Levant Wire · 2025-07-19 11:30 Asia/Beirut · ');
    expect(list).toContain('Levant Wire · 19 Jul 2025 · ');
    expect(await say(`/review show id:${idOf(SWEIDA.title)}`)).toMatch(/^ {2}Published +2025-07-19 11:30 Asia\/Beirut$/m);
    expect(await say(`/review show id:${idOf(DAY_ONLY.title)}`)).toMatch(/^ {2}Published +19 Jul 2025$/m);
  });

  it('WHEN an admin rejects it at 12:00 UTC THEN the reply, a second reject and /review show say 15:00 in Beirut', async () => {
    const id = idOf(SWEIDA.title);
    expect(await say(`/review reject id:${id} reason:"not an event"`)).toMatch(/^ {2}Decided +Rejected by ana \(Discord\) at 2025-07-20 15:00 Asia\/Beirut: not an event$/m);
    expect(await say(`/review reject id:${id}`)).toContain('Already rejected by ana (Discord) at 2025-07-20 15:00 Asia/Beirut; nothing was changed.');
    expect(await say(`/review show id:${id}`)).toMatch(/^ {2}Decided +Rejected by ana \(Discord\) at 2025-07-20 15:00 Asia\/Beirut: not an event$/m);
    const refusal = await queue.refused(`/review approve id:${id}`);
    expect(refusal).toContain(`Candidate #${id} was rejected by ana (Discord) at 2025-07-20 15:00 Asia/Beirut, so it is not approved.`);
  });

  it('WHEN /sources check, /sources list and /sources why an hour later THEN the checks read 15:00 and 16:00 in Beirut, and the next one 16:30', async () => {
    queue.advance(HOUR);
    expect(await say('/sources check id:1')).toContain('next check at 2025-07-20 16:30 Asia/Beirut.');
    const list = await say('/sources list');
    expect(list).toContain('active · next check 2025-07-20 16:30 Asia/Beirut · no failures');
    expect(list).toContain('last check 2025-07-20 16:00 Asia/Beirut · last new item 2025-07-20 15:00 Asia/Beirut');
    const why = await say('/sources why id:1');
    expect(why).toContain('2025-07-20 16:00 Asia/Beirut · checked by hand · ');
    expect(why).toContain('2025-07-20 15:00 Asia/Beirut · checked by hand · ');
  });

  it('WHEN the source is paused THEN /sources list says since when in Beirut', async () => {
    await queue.run('/sources pause id:1');
    expect(await say('/sources list')).toContain('paused since 2025-07-20 15:00 Asia/Beirut: ');
  });
});

describe('GIVEN a feed that asked Sitrep to wait until 18:00 UTC (Retry-After)', () => {
  beforeEach(async () => {
    feeds.fail('/levant.xml', { status: 429, headers: { 'retry-after': SIX_HOURS_AHEAD } });
    await queue.run('/sources check id:1');
  });

  it('WHEN it is checked by hand, resumed or edited before then THEN each reply names 21:00 in Beirut', async () => {
    expect((await queue.refused('/sources check id:1')).replaceAll('`', '')).toContain('The feed asked Sitrep to wait until 21:00 Asia/Beirut (Retry-After); it will be checked then, or run /sources check id:1 after that.');
    await queue.run('/sources pause id:1');
    expect(await say('/sources resume id:1')).toContain('It is checked at 2025-07-20 21:00 Asia/Beirut, when the feed asked Sitrep to wait until (Retry-After)');
    expect(await say('/sources edit id:1 every:20m')).toContain('next check at 2025-07-20 21:00 Asia/Beirut.');
  });
});
