// GIVEN items dated in the other ways feeds of the region write dates — an offset written
// `GMT+3`, `UTC+3` or `+03`, the English long form, Arabic month names of either series, a day
// without a time WHEN they are checked and carded THEN each is dated: the instant, and the day
// where the outlet wrote it, as for an RFC 822 date with a numeric offset; none is left undated.
import { describe, expect, it } from 'vitest';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';
import { cardsByTitle } from './support/cards.js';
import { itemsOf } from './support/outlet-items.js';

/** A day after the items below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = itemsOf('sabah.example');

/** Watches the feed with backfill, checks it once, and reads each card's Published and Date by title. */
async function datedCards(items: ScriptedItem[]): Promise<Record<string, string>> {
  rig.feeds.serve('/sabah.xml', 'Daily Sabah', items);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/sabah.xml')} topic:syria-israel backfill:true`), 'Watching');
  expect(await rig.queue.text(`/sources check id:${id}`)).toContain(`${items.length} new (${items.length} proposed)`);
  const cards = await cardsByTitle(rig.queue, items.length);
  return Object.fromEntries([...cards.values()].map((card) => [card.title, `${card.published} · ${card.date}`]));
}

describe('GIVEN times an hour and a half after midnight at +03, the offset written in several ways', () => {
  it('THEN each is 4 December in UTC but dated 5 December, the day the outlet wrote', async () => {
    const dated = await datedCards([
      item('o1', 'Israeli tanks enter Quneitra outskirts', 'Sat, 05 Dec 2026 01:30:00 GMT+3'),
      item('o2', 'Shelling reported near Kudna', 'Sat, 05 Dec 2026 01:30:00 UTC+3'),
      item('o3', 'Drone downed over Daraa', 'Sat, 05 Dec 2026 01:30:00 +03'),
      item('o4', 'Israel strikes radar site near Izra', '2026-12-05T01:30:00+03'),
      item('o5', 'Curfew declared in Sweida city', '2026-12-05T01:30:00 +0300'),
    ]);
    expect(dated).toEqual({
      'Israeli tanks enter Quneitra outskirts': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Shelling reported near Kudna': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Drone downed over Daraa': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Israel strikes radar site near Izra': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Curfew declared in Sweida city': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
    });
  });
});

describe('GIVEN dates written out in words, in English and in Arabic', () => {
  it('THEN the English long form and both series of Arabic month names are read; a time without a zone at UTC', async () => {
    const dated = await datedCards([
      item('w1', 'Israeli forces detain shepherd near Hader', 'Saturday, December 5, 2026 - 01:30'),
      item('w2', 'Israeli troops set up checkpoint in Rafid', 'السبت، 05 كانون الأول 2026 09:15'),
      item('w3', 'UN envoy meets Druze leaders in Sweida', '5 ديسمبر 2026'),
      item('w4', 'Aid trucks cross at Nasib', '٤ كانون الأول ٢٠٢٦ ٩:١٥ م'),
      // Direction marks as Arabic sites put them around a date's parts.
      item('w5', 'Checkpoint removed near Khan Arnabah', '\u200f5 Dec 2026\u200f 10:00\u200e'),
    ]);
    expect(dated['Checkpoint removed near Khan Arnabah']).toBe('2026-12-05 10:00 UTC · 5 Dec 2026');
    expect(dated['Israeli forces detain shepherd near Hader']).toBe('2026-12-05 01:30 UTC · 5 Dec 2026');
    expect(dated['Israeli troops set up checkpoint in Rafid']).toBe('2026-12-05 09:15 UTC · 5 Dec 2026');
    expect(dated['Aid trucks cross at Nasib']).toBe('2026-12-04 21:15 UTC · 4 Dec 2026');
    // A day without a time.
    expect(dated['UN envoy meets Druze leaders in Sweida']).toMatch(/ · 5 Dec 2026$/);
    expect(dated['UN envoy meets Druze leaders in Sweida']).not.toContain('not given by the feed');
  });
});
