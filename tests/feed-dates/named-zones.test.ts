// GIVEN a feed that writes its items' times with a zone name (`EDT`, `CET`, `EEST`) instead of
// a numeric offset WHEN the items are checked and carded THEN each is dated as with the offset
// the name stands for: the card's Published instant, its suggested Date (the day where the
// outlet wrote the time), and the approved entry's date. A name that is unknown or means several
// offsets (`IST`, `AST`, a military letter) still dates the item: the day as written, the time
// read at UTC (RFC 2822's "-0000"), never an undated item.
import { describe, expect, it } from 'vitest';
import { QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';
import { cardsByTitle } from './support/cards.js';
import { itemsOf } from './support/outlet-items.js';

/** Two days after the items below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = itemsOf('levant.example');

/** Watches the feed with backfill and checks it once: the check's reply. */
async function backfill(items: ScriptedItem[]): Promise<string> {
  rig.feeds.serve('/levant.xml', 'Levant Wire', items);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
  return rig.queue.text(`/sources check id:${id}`);
}

describe('GIVEN items dated with an RFC 822 zone name late in the evening', () => {
  it('THEN the card shows the instant in UTC but suggests the day the outlet wrote, as the numeric offset does, and the approved entry keeps it', async () => {
    const checked = await backfill([
      item('z1', 'Drone strike reported near Quneitra', 'Fri, 04 Dec 2026 22:30:00 EDT'),
      item('z2', 'Shelling hits outskirts of Daraa city', 'Fri, 04 Dec 2026 22:30:00 -0400'),
      item('z3', 'Envoy arrives in Damascus for talks', 'Fri, 04 Dec 2026 21:45:00 EST'),
      item('z4', 'Airstrikes resume over southern Lebanon', 'Fri, 04 Dec 2026 19:10:00 PDT'),
    ]);
    expect(checked).toContain('4 items: 4 new (4 proposed), 0 seen before');
    const cards = await cardsByTitle(rig.queue, 4);
    const seen = [...cards.values()].map((c) => [c.title, c.published, c.date]).sort();
    expect(seen).toEqual(
      [
        ['Drone strike reported near Quneitra', "2026-12-05 02:30 UTC (4 Dec 2026 at the feed's own offset)", '4 Dec 2026'],
        ['Shelling hits outskirts of Daraa city', "2026-12-05 02:30 UTC (4 Dec 2026 at the feed's own offset)", '4 Dec 2026'],
        ['Envoy arrives in Damascus for talks', "2026-12-05 02:45 UTC (4 Dec 2026 at the feed's own offset)", '4 Dec 2026'],
        ['Airstrikes resume over southern Lebanon', "2026-12-05 02:10 UTC (4 Dec 2026 at the feed's own offset)", '4 Dec 2026'],
      ].sort(),
    );

    const edt = QueueApp.idAfter(cards.get('Drone strike reported near Quneitra')!.text, 'Candidate');
    expect(await rig.queue.text(`/review approve id:${edt}`)).toContain('Approved: added as entry #18.');
    const entry = await rig.queue.text('/entry show 18', READER);
    expect(entry).toContain('Date        4 Dec 2026');
    expect(entry).toContain('Levant Wire <https://levant.example/z1> — according to Levant Wire (4 Dec 2026)');
  });
});

describe('GIVEN items dated with the zone names feeds of the region write', () => {
  it('THEN CET, CEST, EET, EEST, MSK, IDT, BST, WET and WEST are read as their offsets: none is dropped as undated', async () => {
    const checked = await backfill([
      item('c1', 'Ceasefire monitors deploy along the Litani', 'Fri, 04 Dec 2026 14:00:00 CET'),
      item('c2', 'Brussels conference pledges Syria reconstruction aid', '04 Dec 2026 14:00 CET'),
      item('c3', 'Border crossing at Nasib reopens to trucks', 'Fri, 04 Dec 2026 23:30:00 CEST'),
      item('c4', 'Cabinet in Beirut approves army deployment', 'Sat, 05 Dec 2026 01:30:00 EET'),
      item('c5', 'Night raid reported in Jenin refugee camp', 'Sat, 05 Dec 2026 01:30:00 EEST'),
      item('c6', 'Moscow hosts Syrian foreign minister', 'Sat, 05 Dec 2026 01:30:00 MSK'),
      item('c7', 'Rocket sirens sound across the Galilee', 'Sat, 05 Dec 2026 01:30:00 IDT'),
      item('c8', 'London talks on Gaza aid corridor end', 'Fri, 04 Dec 2026 23:30:00 BST'),
      item('c9', 'Lisbon summit statement on Lebanon', 'Fri, 04 Dec 2026 23:30:00 WET'),
      item('c10', 'Madrid court hears Syrian detention case', 'Fri, 04 Dec 2026 23:30:00 WEST'),
    ]);
    expect(checked).toContain('10 items: 10 new (10 proposed), 0 seen before');
    const cards = await cardsByTitle(rig.queue, 10);
    const seen = Object.fromEntries([...cards.values()].map((c) => [c.title, `${c.published} · ${c.date}`]));
    expect(seen).toEqual({
      'Ceasefire monitors deploy along the Litani': '2026-12-04 13:00 UTC · 4 Dec 2026',
      'Brussels conference pledges Syria reconstruction aid': '2026-12-04 13:00 UTC · 4 Dec 2026',
      'Border crossing at Nasib reopens to trucks': '2026-12-04 21:30 UTC · 4 Dec 2026',
      'Cabinet in Beirut approves army deployment': "2026-12-04 23:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Night raid reported in Jenin refugee camp': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Moscow hosts Syrian foreign minister': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'Rocket sirens sound across the Galilee': "2026-12-04 22:30 UTC (5 Dec 2026 at the feed's own offset) · 5 Dec 2026",
      'London talks on Gaza aid corridor end': '2026-12-04 22:30 UTC · 4 Dec 2026',
      'Lisbon summit statement on Lebanon': '2026-12-04 23:30 UTC · 4 Dec 2026',
      'Madrid court hears Syrian detention case': '2026-12-04 22:30 UTC · 4 Dec 2026',
    });
    const eest = QueueApp.idAfter(cards.get('Night raid reported in Jenin refugee camp')!.text, 'Candidate');
    expect(await rig.queue.text(`/review approve id:${eest}`)).toContain('Approved: added as entry #18.');
    expect(await rig.queue.text('/entry show 18', READER)).toContain('Date        5 Dec 2026');
  });

  it('WHEN a CET item appears at a later check THEN its card gives the time, not "not given by the feed"', async () => {
    rig.feeds.serve('/levant.xml', 'Levant Wire', [item('b1', 'Older report from the Golan', 'Tue, 01 Dec 2026 09:00:00 +0200')]);
    const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/levant.xml')} topic:syria-israel`), 'Watching');
    expect(await rig.queue.text(`/sources check id:${id}`)).toContain('1 item: 1 new (1 recorded), 0 seen before');
    rig.feeds.serve('/levant.xml', 'Levant Wire', [
      item('b2', 'Ceasefire monitors deploy along the Litani', 'Sat, 05 Dec 2026 14:00:00 CET'),
      item('b1', 'Older report from the Golan', 'Tue, 01 Dec 2026 09:00:00 +0200'),
    ]);
    expect(await rig.queue.text(`/sources check id:${id}`)).toMatch(/proposed → candidate #1: Ceasefire monitors deploy along the Litani/);
    const card = (await cardsByTitle(rig.queue, 1)).get('Ceasefire monitors deploy along the Litani')!;
    expect([card.published, card.date]).toEqual(['2026-12-05 13:00 UTC', '5 Dec 2026']);
  });
});

describe('GIVEN items whose zone Sitrep cannot know (ambiguous, military, unknown)', () => {
  it('THEN each is still dated: the day as the feed wrote it, the time read at UTC', async () => {
    const checked = await backfill([
      item('u1', 'Ministry in Amman condemns settler attack', 'Fri, 04 Dec 2026 23:30:00 AST'),
      item('u2', 'Delegation from New Delhi visits Beirut port', 'Fri, 04 Dec 2026 23:30:00 IST'),
      item('u3', 'Naval patrol intercepts vessel off Tartus', 'Fri, 04 Dec 2026 23:30:00 A'),
      item('u4', 'Aid convoy enters Idlib through Bab al-Hawa', 'Fri, 04 Dec 2026 14:00:00 XYZT'),
    ]);
    expect(checked).toContain('4 items: 4 new (4 proposed), 0 seen before');
    const cards = await cardsByTitle(rig.queue, 4);
    expect([...cards.values()].map((c) => `${c.published} · ${c.date}`).sort()).toEqual([
      '2026-12-04 14:00 UTC · 4 Dec 2026',
      '2026-12-04 23:30 UTC · 4 Dec 2026',
      '2026-12-04 23:30 UTC · 4 Dec 2026',
      '2026-12-04 23:30 UTC · 4 Dec 2026',
    ]);
    for (const card of cards.values()) expect(card.published).not.toContain('not given by the feed');
  });
});
