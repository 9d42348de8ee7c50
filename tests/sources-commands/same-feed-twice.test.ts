// GIVEN a watched feed WHEN /sources add is given its address written another way (http for
// https, capitals in the host, the default port, a fragment, utm_* parameters, a trailing slash)
// THEN it is refused as watched already, naming the source that watches it, where it is watched
// and how to move it there, and nothing is stored — the review queue would get each item twice.
// Another path, query or host is another feed; a removed source watches nothing. /sources edit
// url: refuses another source's address alike, and takes another form of the feed's own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, QueueApp } from '../sources-queue/support/queue-app.js';
import { NOW } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';

const FEED = 'https://example.com/feed';

let queue: QueueApp;
beforeEach(async () => {
  queue = new QueueApp({ start: NOW });
  await queue.run(`/sources add url:${FEED} topic:syria-israel`);
});
afterEach(() => queue.dispose());

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string) => (await queue.text(command, ADMIN)).replaceAll('`', '');
const urls = () => queue.app.services.sources.list().map((source) => source.url);

describe('GIVEN https://example.com/feed watched as source #1', () => {
  it.each([
    ['with utm_* parameters', `${FEED}?utm_source=x&utm_medium=rss`, `${FEED}?utm_source=x&utm_medium=rss`],
    ['with a fragment', `${FEED}#top`, null],
    ['with capitals in the scheme and host', 'HTTPS://Example.com/feed', null],
    ['over http', 'http://example.com/feed', 'http://example.com/feed'],
    ['with the default port', 'https://example.com:443/feed', null],
    ['with a trailing slash, over http on port 80', 'http://EXAMPLE.com:80/feed/', 'http://example.com/feed/'],
  ])('WHEN it is added again %s THEN it is refused, naming #1 and where it is watched, and nothing is stored', async (_, url, movable) => {
    const before = storeFingerprint(queue.app.db);
    const view = await queue.run(`/sources add url:${url} topic:lebanon`);
    expect(view.tone).toBe('error');
    const reply = await say(`/sources add url:${url} topic:lebanon`);
    expect(reply).toContain('This feed is watched already, as source #1 (option url).');
    expect(reply).toContain('See it with /sources why id:1.');
    if (movable === null) {
      // Written as it is stored, the address is the very one watched.
      expect(reply).not.toContain('another way');
    } else {
      expect(reply).toContain(`It is watched at ${FEED}: the same address written another way (http or https, capitals in the host name, the default port, a #fragment, utm_* parameters or a trailing /).`);
      expect(reply).toContain(`To watch it at this address instead: /sources edit id:1 url:${movable}`);
    }
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });

  it.each([
    ['another path (letter case counts there)', 'https://example.com/Feed'],
    ['another query', 'https://example.com/feed?page=2'],
    ['another host', 'https://news.example.com/feed'],
    ['another port', 'https://example.com:8443/feed'],
  ])('WHEN a feed at %s is added THEN it is watched as another feed', async (_, url) => {
    expect(await say(`/sources add url:${url} topic:syria-israel`)).toContain('Watching #2');
    expect(urls()).toEqual([FEED, url]);
  });

  it('WHEN #1 is removed THEN its address, in any form, may be watched again', async () => {
    await queue.run('/sources remove id:1');
    expect(await say('/sources add url:http://example.com/feed topic:syria-israel')).toContain('Watching #2');
    expect(urls()).toEqual(['http://example.com/feed']);
  });

  it('WHEN another source is moved to a form of its address THEN that is refused, naming #1 and how to stop the other; #1 itself may move to another form', async () => {
    await queue.run('/sources add url:https://example.org/rss.xml topic:syria-israel');
    const before = storeFingerprint(queue.app.db);
    const refused = await say('/sources edit id:2 url:http://Example.com/feed#latest');
    expect(refused).toContain(`This feed is watched already, as source #1 (option url). It is watched at ${FEED}: the same address written another way`);
    expect(refused).toContain('Both would read the same feed: stop watching this one with /sources remove id:2 if it moved there.');
    expect(storeFingerprint(queue.app.db)).toBe(before);

    const moved = await say('/sources edit id:1 url:http://example.com/feed');
    expect(moved).toContain(`Address: ${FEED} → http://example.com/feed.`);
    expect(urls()).toEqual(['http://example.com/feed', 'https://example.org/rss.xml']);
  });
});
