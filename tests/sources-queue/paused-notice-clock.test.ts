// GIVEN a review channel whose digests are read in Damascus (UTC+3), or one on the bot's clock
// (UTC), and a feed whose server keeps answering 429 with an hour's Retry-After THEN the notice
// the channel gets when the eighth failure pauses the source gives the time the server asked
// Sitrep to wait until on that channel's clock, naming its zone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { SWEIDA } from './support/stories.js';

const MINUTE = 60_000;
const WAIT_AN_HOUR = { status: 429, headers: { 'retry-after': '3600' } };
const REASON = '8 checks in a row failed, the last with: The server is limiting how often it may be asked (HTTP 429).';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
  await queue.run('/review channel');
});
afterEach(() => closeQueue(feeds, queue));

/** Watches the feed, which then fails eight checks in a row, an hour's wait asked at each: the eighth runs at 19:07 UTC. */
async function pausedByFailures(): Promise<void> {
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
  feeds.fail('/levant.xml', WAIT_AN_HOUR);
  for (let check = 1; check <= 8; check++) {
    await queue.run('/sources check id:1');
    queue.advance(61 * MINUTE);
  }
}

/** The one paused notice posted in the review channel, as its readers see it. */
function pausedNotice(): string {
  const notices = queue.poster.posts.filter((post) => post.channelId === 'review' && post.view.title.startsWith('Source #1 paused'));
  expect(notices).toHaveLength(1);
  return notices[0]!.text.replaceAll('`', '');
}

describe('GIVEN a review channel whose digest is read in Damascus', () => {
  beforeEach(async () => {
    await queue.run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Damascus');
    await pausedByFailures();
  });

  it('WHEN the eighth failure in a row pauses the source THEN the notice gives the time the server asked for in Damascus, and no UTC time', () => {
    const notice = pausedNotice();
    expect(notice).toContain(`${REASON} It asked Sitrep to wait until 2025-07-20 23:07 Asia/Damascus (Retry-After).`);
    expect(notice).not.toContain('UTC');
  });
});

describe('GIVEN a review channel without a digest, on the bot’s clock (UTC)', () => {
  beforeEach(pausedByFailures);

  it('WHEN the eighth failure in a row pauses the source THEN the notice gives the time the server asked for in UTC', () => {
    expect(pausedNotice()).toContain(`${REASON} It asked Sitrep to wait until 2025-07-20 20:07 UTC (Retry-After).`);
  });
});
