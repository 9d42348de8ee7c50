// GIVEN a feed whose checks found more items than one reply lists THEN /sources why pages through
// them (page:), so every item of every check shown can be read with what became of it; the reply
// to /sources check points there for the items it leaves out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { SWEIDA } from '../sources-queue/support/stories.js';

const MINUTE = 60_000;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = READER) => (await queue.text(command, caller)).replaceAll('`', '');

/** Items none of the keywords name, each with a title of its own. */
const bulletins = (from: number, count: number): ScriptedItem[] =>
  Array.from({ length: count }, (_, i) => ({
    guid: `bulletin-${from + i}`,
    title: `Weather bulletin number ${from + i}`,
    link: `https://levant.example/weather/${from + i}`,
    published: new Date(Date.parse('2025-07-19T12:00:00Z') - (from + i) * MINUTE).toISOString(),
  }));

const filtered = (n: number) => `filtered out: Weather bulletin number ${n} (matched none of the keywords: ceasefire)`;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('GIVEN a first check that found 26 items (1 proposed, 25 filtered out) and a second that found 3', () => {
  beforeEach(async () => {
    feeds.serve('/busy.xml', 'Busy Wire', [SWEIDA, ...bulletins(1, 25)]);
    await queue.run(`/sources add url:${feeds.url('/busy.xml')} topic:syria-israel keywords:ceasefire backfill:true`);
  });

  it('WHEN the check is run by hand THEN its reply lists 12 items and points to /sources why for the 14 others', async () => {
    const reply = await say('/sources check id:1', ADMIN);
    expect(reply).toContain('26 items: 26 new (1 proposed, 25 filtered out), 0 seen before');
    expect(reply).toContain(filtered(11));
    expect(reply).not.toContain(filtered(12));
    expect(reply).toContain('… and 14 more, each with what became of it: /sources why id:1');
  });

  it('WHEN /sources why is read page by page THEN every item of both checks is there once, with why it was filtered, and a page past the end is refused', async () => {
    await queue.run('/sources check id:1', ADMIN);
    queue.advance(30 * MINUTE);
    feeds.serve('/busy.xml', 'Busy Wire', [SWEIDA, ...bulletins(1, 28)]);
    await queue.run('/sources check id:1', ADMIN);

    const first = await say('/sources why id:1');
    expect(first).toContain('The latest 2 checks, newest first, and what each found new.');
    expect(first).toMatch(/2025-07-20 12:30 UTC · checked by hand · 29 items: 3 new \(3 filtered out\), 26 seen before\n/);
    expect(first).toMatch(/2025-07-20 12:00 UTC · checked by hand · 26 items: 26 new \(1 proposed, 25 filtered out\), 0 seen before\n/);
    expect(first).toContain('proposed → candidate #1: Ceasefire announced in Sweida after days of clashes');
    expect(first).toContain('… 6 more of this check on the next page: /sources why id:1 page:2');
    expect(first).toContain('Page 1 of 2.');
    expect(first).toContain('Next page: /sources why id:1 page:2');

    const second = await say('/sources why id:1 page:2');
    expect(second).toContain('2025-07-20 12:00 UTC · checked by hand, continued');
    expect(second).toContain('Page 2 of 2.');
    expect(second).toContain('Previous page: /sources why id:1 page:1');
    expect(second).not.toContain('more of this check');

    const both = `${first}\n${second}`;
    for (let n = 1; n <= 28; n++) expect(occurrences(both, `${filtered(n)}\n`), `bulletin ${n}`).toBe(1);
    expect(occurrences(both, 'Ceasefire announced in Sweida')).toBe(1);

    const past = await say('/sources why id:1 page:3');
    expect(past).toContain('Option page is past the end — got 3.');
    expect(past).toContain('There are 2 pages of these checks.');
    expect(past).toContain('Last page: /sources why id:1 page:2');
  });
});

describe('GIVEN a feed with few items per check', () => {
  it('WHEN /sources why is read THEN one page holds them all, without a pager, and page:2 is refused', async () => {
    feeds.serve('/small.xml', 'Small Wire', [SWEIDA]);
    await queue.run(`/sources add url:${feeds.url('/small.xml')} topic:syria-israel`);
    expect(await say('/sources why id:1')).toContain('Not checked yet');
    await queue.run('/sources check id:1', ADMIN);
    const why = await say('/sources why id:1');
    expect(why).toContain('recorded: Ceasefire announced in Sweida after days of clashes');
    expect(why).not.toContain('Page 1');
    expect(await say('/sources why id:1 page:2')).toContain('There is 1 page of these checks.');
  });
});
