// GIVEN the bot running in a zone east of UTC (TZ=Asia/Damascus) WHEN a feed dates items with a
// day and no time, or a time and no zone THEN they are dated as on a server in UTC: a day is that
// calendar day, a time is read at UTC (see the README), never at the bot's own zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';
import { cardsByTitle } from './support/cards.js';
import { itemsOf } from './support/outlet-items.js';

const NOW = '2026-12-06T12:00:00Z';
const hostZone = process.env.TZ;

beforeAll(() => {
  process.env.TZ = 'Asia/Damascus';
});
afterAll(() => {
  if (hostZone === undefined) delete process.env.TZ;
  else process.env.TZ = hostZone;
});

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = itemsOf('sabah.example');

describe('GIVEN the bot in Damascus time and items dated without a zone', () => {
  it('THEN a bare day is that day and a zoneless time is read at UTC', async () => {
    // The zone really is Damascus's here: a local midnight is 21:00 UTC the day before.
    expect(new Date(2026, 11, 5).toISOString()).toBe('2026-12-04T21:00:00.000Z');
    const items = [
      item('d1', 'Israeli drone strike near Nawa kills two', '05 Dec 2026'),
      item('d2', 'Israeli tanks enter Quneitra outskirts', 'Sat, 05 Dec 2026'),
      item('d3', 'Clashes near Tal al-Ahmar, one killed', '2026-12-05T02:15:00'),
    ];
    rig.feeds.serve('/sabah.xml', 'Daily Sabah', items);
    const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/sabah.xml')} topic:syria-israel backfill:true`), 'Watching');
    expect(await rig.queue.text(`/sources check id:${id}`)).toContain('3 new (3 proposed)');
    const cards = await cardsByTitle(rig.queue, 3);
    expect(cards.get('Israeli drone strike near Nawa kills two')!.date).toBe('5 Dec 2026');
    expect(cards.get('Israeli tanks enter Quneitra outskirts')!.date).toBe('5 Dec 2026');
    const timed = cards.get('Clashes near Tal al-Ahmar, one killed')!;
    expect([timed.published, timed.date]).toEqual(['2026-12-05 02:15 UTC', '5 Dec 2026']);
  });
});
