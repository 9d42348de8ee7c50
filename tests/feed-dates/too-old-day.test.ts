// GIVEN items a week old checked at 06:00 UTC on 5 Dec 2026 WHEN /sources check leaves one out as
// too old THEN the reason names its day as replies write days, the day its feed dates it by
// (`28 Nov 2026`, not the UTC day `2026-11-27` of `01:00 +0300`); and an item dated by a day
// without a time counts until that day is over, so one of 28 Nov is not "more than 7 days" before 5 Dec.
import { describe, expect, it } from 'vitest';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';
import { itemsOf } from './support/outlet-items.js';

const NOW = '2026-12-05T06:00:00Z';

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = itemsOf('npa.example');
const FIRST = item('first', 'Earlier report from Qamishli', 'Fri, 04 Dec 2026 09:00:00 +0300');

/** Watches the feed (its first check records FIRST), then serves `items` before it and checks again: the second check's reply. */
async function laterCheck(items: ScriptedItem[]): Promise<string> {
  rig.feeds.serve('/npa.xml', 'North Press Agency', [FIRST]);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/npa.xml')} topic:syria-israel`), 'Watching');
  expect(await rig.queue.text(`/sources check id:${id}`)).toContain('recorded');
  rig.feeds.serve('/npa.xml', 'North Press Agency', [...items, FIRST]);
  return rig.queue.text(`/sources check id:${id}`);
}

describe('GIVEN an item published at 01:00 +0300 on 28 Nov, 27 Nov in UTC', () => {
  it('THEN the too-old reason names 28 Nov 2026, the feed’s own day', async () => {
    const reply = await laterCheck([item('n1', 'Shelling reported near Daraa', 'Sat, 28 Nov 2026 01:00:00 +0300')]);
    expect(reply).toContain("too old: Shelling reported near Daraa (published 28 Nov 2026 at the feed's own offset, more than 7 days before it was first seen)");
    expect(reply).not.toContain('2026-11-27');
  });
});

describe('GIVEN items dated by a day without a time', () => {
  it('THEN one of 28 Nov is proposed on 5 Dec, and one of 27 Nov is too old, its day written as replies write days', async () => {
    const reply = await laterCheck([item('d1', 'Israeli bulldozers raze land near Kudna', '28 Nov 2026'), item('d2', 'Protest in Sweida square', '27 Nov 2026')]);
    expect(reply).toContain('proposed → candidate #1: Israeli bulldozers raze land near Kudna');
    expect(reply).toContain('too old: Protest in Sweida square (published 27 Nov 2026, more than 7 days before it was first seen)');
  });
});
