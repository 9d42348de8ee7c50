// GIVEN items dated with numbers only (`05/12/2026 10:00`, `05.12.2026 01:30`) WHEN they are
// checked THEN a dotted date is day first; a slashed one is read the way round the feed's other
// numeric dates show (`25/11/2026` anywhere in the feed: day first; `11/25/2026`: month first);
// and one that could be either way round in a feed that shows neither is not guessed: the item
// counts as undated, so it is never left out as too old on a month it was not published in.
import { describe, expect, it } from 'vitest';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';
import { cardsByTitle } from './support/cards.js';
import { itemsOf } from './support/outlet-items.js';

/** A day after the items below. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = itemsOf('npa.example');
const OLDER = item('old', 'Earlier report from Qamishli', 'Sun, 29 Nov 2026 09:00:00 +0300');

/** Watches the feed (its first check records `first`), then serves `items` before it and checks again: the second check's reply. */
async function laterCheck(items: ScriptedItem[], first: ScriptedItem[] = [OLDER]): Promise<string> {
  rig.feeds.serve('/npa.xml', 'North Press Agency', first);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/npa.xml')} topic:syria-israel`), 'Watching');
  expect(await rig.queue.text(`/sources check id:${id}`)).toContain('recorded');
  rig.feeds.serve('/npa.xml', 'North Press Agency', [...items, ...first]);
  return rig.queue.text(`/sources check id:${id}`);
}

describe('GIVEN a new item dated 05/12/2026 in a feed whose other dates do not tell day from month', () => {
  it('THEN it is proposed as undated, not left out as published on 12 May', async () => {
    const reply = await laterCheck([item('n1', 'Hezbollah denies role in Quneitra cell', '05/12/2026 10:00')]);
    expect(reply).toContain('proposed → candidate #1: Hezbollah denies role in Quneitra cell');
    expect(reply).not.toContain('2026-05-12');
  });
});

describe('GIVEN a feed whose other slashed dates show it writes the day first', () => {
  it('THEN 05/12/2026 is 5 December', async () => {
    const reply = await laterCheck([item('n1', 'Hezbollah denies role in Quneitra cell', '05/12/2026 10:00')], [item('old', 'Earlier report from Qamishli', '25/11/2026 09:00')]);
    expect(reply).toContain('proposed → candidate #1');
    const card = (await cardsByTitle(rig.queue, 1)).get('Hezbollah denies role in Quneitra cell')!;
    expect([card.published, card.date]).toEqual(['2026-12-05 10:00 UTC', '5 Dec 2026']);
  });
});

describe('GIVEN a feed whose other slashed dates show it writes the month first', () => {
  it('THEN 12/05/2026 is 5 December', async () => {
    const reply = await laterCheck([item('n1', 'Hezbollah denies role in Quneitra cell', '12/05/2026 10:00')], [item('old', 'Earlier report from Qamishli', '11/25/2026 09:00')]);
    expect(reply).toContain('proposed → candidate #1');
    const card = (await cardsByTitle(rig.queue, 1)).get('Hezbollah denies role in Quneitra cell')!;
    expect([card.published, card.date]).toEqual(['2026-12-05 10:00 UTC', '5 Dec 2026']);
  });
});

describe('GIVEN an item dated 05.12.2026', () => {
  it('THEN a dotted date is read day first: 5 December', async () => {
    const reply = await laterCheck([item('n1', 'Israeli bulldozers raze land near Kudna', '05.12.2026 01:30')]);
    expect(reply).toContain('proposed → candidate #1');
    const card = (await cardsByTitle(rig.queue, 1)).get('Israeli bulldozers raze land near Kudna')!;
    expect([card.published, card.date]).toEqual(['2026-12-05 01:30 UTC', '5 Dec 2026']);
  });
});
