// GIVEN a story proposed by a feed writing its times in UTC and joined by another outlet's item
// its feed dates 00:30 +03:00 on 19 Jul (18 Jul 21:30 in UTC) WHEN the card is shown THEN the
// joined report names its feed's own day; WHEN the candidate is approved THEN the entry dates each
// source by its own feed's day. A report stored before feeds' own days were kept reads as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE } from './support/stories.js';

/** Tyre Today's report of BAKU, written in Damascus half an hour after its midnight. */
const DAMASCUS_AFTER_MIDNIGHT = { ...BAKU_ELSEWHERE, published: undefined, pubDate: 'Sat, 19 Jul 2025 00:30:00 +0300' };

let feeds: ScriptedFeeds;
let queue: QueueApp;
let id: number;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run('/review channel');
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  feeds.serve('/tyre.xml', 'Tyre Today', [DAMASCUS_AFTER_MIDNIGHT]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  id = QueueApp.idAfter(await queue.text('/sources check id:1'), 'candidate');
  await queue.run(`/sources add url:${feeds.url('/tyre.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:2');
});
afterEach(() => closeQueue(feeds, queue));

const tyreLine = (text: string) => text.split('\n').find((line) => line.includes('Tyre Today <')) ?? `no Tyre Today line in:\n${text}`;

describe('GIVEN a UTC feed’s story joined by a +03:00 feed’s report at 00:30 on 19 Jul', () => {
  it('WHEN the card is shown THEN the joined report names its feed’s own day beside the instant', async () => {
    const card = await queue.text(`/review show id:${id}`, READER);
    expect(card).toContain('Also in    Tyre Today');
    expect(tyreLine(card)).toContain('2025-07-18 21:30 UTC; 19 Jul 2025 at the feed\'s own offset');
  });

  it('WHEN approved THEN each source is dated by its own feed’s day', async () => {
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('according to Levant Wire (18 Jul 2025)');
    expect(entry).toContain('Tyre Today <https://med.example/world/2025/07/18/israel-syria-baku> — according to Tyre Today (19 Jul 2025)');
  });

  it('WHEN attached to an entry THEN the joined report is dated by its feed’s day there too', async () => {
    expect(await queue.text(`/review attach id:${id} entry:12`)).toContain('Approved: its reports added as sources of entry #12.');
    expect(await queue.text('/entry show 12', READER)).toContain('according to Tyre Today (19 Jul 2025)');
  });
});

describe('GIVEN the joined report stored before feeds’ own days were kept', () => {
  beforeEach(() => {
    queue.app.db.prepare('UPDATE feed_items SET published_day = NULL').run();
  });

  it('WHEN the card is shown and the candidate approved THEN the report reads by its instant, as before', async () => {
    const card = await queue.text(`/review show id:${id}`, READER);
    expect(tyreLine(card)).toContain('(2025-07-18 21:30 UTC)');
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
    expect(await queue.text('/entry show 18', READER)).toContain('according to Tyre Today (18 Jul 2025)');
  });
});
