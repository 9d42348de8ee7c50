// GIVEN a queue fed by two feeds, one of them a noisy feed with a backlog of old items WHEN an
// admin works it THEN /review list order:oldest shows the oldest waiting first, page after page,
// and says how to get the latest first again; /review clear source:N rejects only what that feed
// proposed, asking first when more than 10 would go (its button carrying the source), naming the
// source and the one /review reopen that puts them back; an unknown source is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { ChannelPoster } from './support/channel-poster.js';
import { READER, type QueueApp } from './support/queue-app.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';
import { watchingTownWire } from './support/town-wire.js';
import { idRanges } from '../../commands/review/candidate-ids.js';
import { reopenIdTexts } from '../../commands/review/reopen-commands.js';

/** 12 border crossings of made-up names, one story each, reported from July 14th to 19th. */
const CROSSINGS = Array.from({ length: 12 }, (_, i) => `Zel${String.fromCharCode(97 + i)}ovka`);
const crossingTitle = (place: string) => `Convoy turned back at the ${place} border crossing`;
const crossingItem = (place: string, i: number): ScriptedItem => ({
  guid: `levant-${place}`,
  title: crossingTitle(place),
  link: `https://levant.example/${place}`,
  published: `2025-07-${14 + (i % 6)}T08:00:00Z`,
});

let feeds: ScriptedFeeds;
let queue: QueueApp;

beforeEach(async () => {
  // Source #1, the town wire: 25 candidates published on July 19th. Source #2, Levant Wire: 12 published in the days before.
  ({ feeds, queue } = await watchingTownWire(new ChannelPoster()));
  feeds.serve('/levant.xml', 'Levant Wire', CROSSINGS.map(crossingItem));
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:2');
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const waitingIds = () => queue.app.services.review.pending({}, 100, 0).items.map((candidate) => candidate.id).sort((a, b) => a - b);
const waitingTitles = () => queue.app.services.review.pending({}, 100, 0).items.map((candidate) => candidate.title);
/** The candidate numbers a /review list reply shows, in its order. */
const listedIds = (reply: string) => [...reply.matchAll(/^`#(\d+)`/gm)].map((match) => Number(match[1]));

describe('GIVEN 37 candidates waiting, 12 of them from Levant Wire', () => {
  it('WHEN /review list order:oldest is paged through THEN the oldest waiting come first, each page following on, and the reply says how to see the latest first', async () => {
    const all = waitingIds();
    expect(all).toHaveLength(37);

    const newest = await queue.text('/review list', READER);
    expect(newest).toContain('37 candidates waiting, the latest proposed first (the oldest first: `/review list order:oldest`).');
    expect(listedIds(newest)).toEqual(all.slice(-10).reverse());

    const first = await queue.text('/review list order:oldest', READER);
    expect(first).toMatch(/^Review queue \(oldest first\)\n/);
    expect(first).toContain('37 candidates waiting, the oldest proposed first (the latest first: `/review list`).');
    expect(listedIds(first)).toEqual(all.slice(0, 10));
    expect(first).toContain('Next page: /review list order:oldest page:2');

    const second = await queue.text('/review list order:oldest page:2', READER);
    expect(listedIds(second)).toEqual(all.slice(10, 20));
    expect(second).toContain('Previous page: /review list order:oldest page:1');
    const last = await queue.text('/review list order:oldest page:4', READER);
    expect(listedIds(last)).toEqual(all.slice(30));
  });

  it('WHEN /review list order:oldest names a source THEN only its candidates are listed, the oldest first, and the switch keeps the source', async () => {
    const levant = await queue.text('/review list source:2 order:oldest', READER);
    expect(levant).toMatch(/^Review queue — from #2 Levant Wire \(oldest first\)\n/);
    expect(levant).toContain('12 candidates waiting, the oldest proposed first (the latest first: `/review list source:2`).');
    const listed = listedIds(levant);
    expect(listed).toHaveLength(10);
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    expect(levant).toContain(crossingTitle(CROSSINGS[0]!));
    expect(levant).not.toContain('Local officials meet');
    expect(levant).toContain('Next page: /review list source:2 order:oldest page:2');
  });

  it('WHEN /review clear source:2 would reject more than 10 THEN it asks first, naming the source; confirmed, only that feed’s candidates are rejected, and one command puts them back', async () => {
    const levantIds = waitingIds().slice(25);
    const asked = await queue.text('/review clear before:2025-07-20 source:2');
    expect(asked).toMatch(/^Review queue: reject 12 candidates from source #2 Levant Wire\?/);
    expect(asked).toContain(`Every candidate from source #2 Levant Wire published before 2025-07-20 that is waiting would be rejected: #${levantIds[0]}, `);
    expect(asked).toContain('`/review clear before:2025-07-20 source:2 confirm:true`');
    expect(asked).toContain('to see them first: `/review list source:2 order:oldest`');
    expect(waitingIds()).toHaveLength(37);

    const cleared = await queue.text('/review clear before:2025-07-20 source:2 confirm:true');
    expect(cleared).toMatch(/^Rejected 12 candidates from source #2 Levant Wire\nEvery candidate from source #2 Levant Wire published before 2025-07-20 that was waiting: /);
    expect(cleared).toContain('Still waiting: `/review list source:2`');
    expect(cleared).toContain(`All of them back in the queue: \`/review reopen ids:${levantIds[0]}-${levantIds[11]}\``);
    // The town wire's 25, published before that day too, still wait.
    expect(waitingTitles().filter((title) => title.startsWith('Convoy'))).toEqual([]);
    expect(waitingIds()).toHaveLength(25);

    expect(await queue.text(`/review reopen ids:${levantIds[0]}-${levantIds[11]}`)).toMatch(/^Reopened 12 candidates of 12/);
    expect(waitingIds()).toHaveLength(37);
  });

  it('WHEN the confirmation of a clear by source is pressed on a platform with buttons THEN only that source’s candidates are rejected', async () => {
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
    const asked = await memory.command('/review clear before:2025-07-20 source:2', 'ana');
    expect(asked.buttons.map((button) => button.label)).toContain('Reject 12');
    const pressed = await memory.press(asked, 'Reject 12', 'ana');
    expect(pressed.text).toMatch(/Rejected 12 candidates from source #2 Levant Wire/);
    expect(waitingIds()).toHaveLength(25);
    expect(waitingTitles().every((title) => title.startsWith('Local officials meet'))).toBe(true);
  });

  it('WHEN /review clear names a source of no candidates waiting before the day THEN nothing is rejected, and the reply names the source', async () => {
    const none = await queue.text('/review clear before:2025-07-14 source:2');
    expect(none).toContain('No candidate from source #2 Levant Wire published before 2025-07-14 is waiting.');
    expect(waitingIds()).toHaveLength(37);
  });

  it('WHEN /review clear names a source there is none of THEN it is refused, pointing to /sources list, and nothing is rejected', async () => {
    const refused = await queue.refused('/review clear before:2025-07-20 source:9');
    expect(refused).toContain('There is no source #9 (option `source`).');
    expect(refused).toContain('/sources list');
  });
});

describe('GIVEN a clear of one feed’s 400 candidates, numbered far apart among the other feeds’', () => {
  it('WHEN its reply names the reopens that put them back THEN each is one /review reopen accepts, and together they name every one', async () => {
    const cleared = Array.from({ length: 400 }, (_, i) => 250_000 + i * 20);
    // Named in one command, they are more than a reopen takes.
    expect(await queue.refused(`/review reopen ids:${idRanges(cleared)}`)).toContain('at most 2000 characters');
    const texts = reopenIdTexts(cleared);
    expect(texts.length).toBeGreaterThan(1);
    const named: number[] = [];
    for (const text of texts) {
      const reply = await queue.text(`/review reopen ids:${text}`);
      // Accepted: each number is answered for (none of these is a candidate here), none refused as too many or too long.
      expect(reply).toMatch(/^Reopened 0 candidates of \d+/);
      named.push(...[...reply.matchAll(/^\s*`#(\d+)` there is no candidate of this number$/gm)].map((match) => Number(match[1])));
    }
    expect(named).toEqual(cleared);
    // A run of consecutive numbers stays one range until a reopen's 500.
    expect(reopenIdTexts(Array.from({ length: 1200 }, (_, i) => 1 + i))).toEqual(['1-500', '501-1000', '1001-1200']);
  });
});
