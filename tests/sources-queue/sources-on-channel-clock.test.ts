// GIVEN a channel whose digests are read in New York (UTC−4 in July) THEN what /sources says of
// a removed source and of a server's Retry-After is on New York's clock, naming the zone: when
// the source was removed, and the time the server asked Sitrep to wait until, however long after
// the check /sources list and /sources why show it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { SWEIDA } from './support/stories.js';

const MINUTE = 60_000;
/** The server asks for an hour: until 13:00 UTC, 09:00 in New York. */
const WAIT_AN_HOUR = { status: 429, headers: { 'retry-after': '3600' } };
const UNTIL_NINE = 'It asked Sitrep to wait until 2025-07-20 09:00 America/New_York (Retry-After).';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
  await queue.run('/review channel');
  await queue.run('/digest subscribe schedule:"daily 08:00" timezone:America/New_York');
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
});
afterEach(() => closeQueue(feeds, queue));

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string) => (await queue.text(command)).replaceAll('`', '');
const refusal = async (command: string) => (await queue.refused(command)).replaceAll('`', '');

describe('GIVEN source #1 removed at 12:00 UTC', () => {
  beforeEach(async () => {
    await queue.run('/sources remove id:1');
  });

  it('WHEN /sources why, check, resume, pause, edit or remove names it THEN each reply says it was removed at 08:00 in New York', async () => {
    const removed = `Source #1 (${feeds.url('/levant.xml')}) was removed on 2025-07-20 08:00 America/New_York; add it again with /sources add url:`;
    for (const command of ['/sources why id:1', '/sources check id:1', '/sources resume id:1', '/sources pause id:1', '/sources edit id:1 every:1h', '/sources remove id:1']) {
      const text = await refusal(command);
      expect(text, command).toContain(removed);
      expect(text, command).not.toContain('UTC');
    }
  });
});

describe('GIVEN a feed that answered 429 asking Sitrep to wait until 13:00 UTC', () => {
  beforeEach(async () => {
    feeds.fail('/levant.xml', WAIT_AN_HOUR);
  });

  it('WHEN it is checked by hand THEN the reply, and /sources list and /sources why later, say 09:00 in New York', async () => {
    expect(await say('/sources check id:1')).toContain(`failed: The server is limiting how often it may be asked (HTTP 429). ${UNTIL_NINE}`);
    queue.advance(10 * MINUTE);
    expect(await say('/sources list')).toContain(`1 failure in a row (The server is limiting how often it may be asked (HTTP 429). ${UNTIL_NINE})`);
    expect(await say('/sources why id:1')).toContain(`checked by hand · failed: The server is limiting how often it may be asked (HTTP 429). ${UNTIL_NINE}`);
  });

  it('WHEN the eighth failure in a row pauses it THEN /sources list and a second /sources pause give its reason with the time asked in New York, and /sources why names no UTC time', async () => {
    for (let check = 1; check <= 8; check++) {
      await queue.run('/sources check id:1');
      queue.advance(61 * MINUTE);
    }
    const lastUntil = 'It asked Sitrep to wait until 2025-07-20 16:07 America/New_York (Retry-After).';
    expect(await say('/sources list')).toContain(`paused since 2025-07-20 15:07 America/New_York: 8 checks in a row failed, the last with: The server is limiting how often it may be asked (HTTP 429). ${lastUntil}`);
    expect(await refusal('/sources pause id:1')).toContain(lastUntil);
    expect(await say('/sources why id:1')).not.toContain('UTC');
  });
});
