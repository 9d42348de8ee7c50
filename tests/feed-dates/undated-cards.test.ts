// GIVEN items a feed dates by a day without a time, by a date Sitrep cannot read (`05/12/2026
// 10:00`, either way round), or not at all WHEN they are carded THEN the card and /review show
// give the day alone (no `00:00 UTC` the feed never gave), or say the date could not be read and
// show it as written; an item without a readable date is dated by the day Sitrep first saw it, and
// its card says that day is no publication day, also once the feed revises the item on a later
// day. All of it is read back from the store after a restart, and a candidate stored before
// these were kept still reads as undated. A first check says which items had a date it could not read.
import { describe, expect, it } from 'vitest';
import { QueueApp } from '../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import { cardsByTitle } from './support/cards.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';

/** Two days after the items below. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => ScriptedFeeds.start());

const item = (guid: string, title: string, pubDate?: string): ScriptedItem => ({ guid, title, link: `https://npa.example/${guid}`, ...(pubDate ? { pubDate } : {}) });
const DAY_ONLY = item('d1', 'Israeli bulldozers raze land near Kudna', '04 Dec 2026');
const UNREAD = item('u1', 'Hezbollah denies role in Quneitra cell', '05/12/2026 10:00');
const UNDATED = item('n1', 'UN envoy meets Druze leaders in Sweida');
const OLDER = item('old', 'Earlier report from Qamishli', 'Sun, 29 Nov 2026 09:00:00 +0300');

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${label} line`;

/** Watches the feed (its first check records OLDER), then serves `items` before it and checks again. */
async function laterCheck(items: ScriptedItem[]): Promise<number> {
  rig.feeds.serve('/npa.xml', 'North Press Agency', [OLDER]);
  const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/npa.xml')} topic:syria-israel`), 'Watching');
  expect(await rig.queue.text(`/sources check id:${id}`)).toContain('recorded');
  rig.feeds.serve('/npa.xml', 'North Press Agency', [...items, OLDER]);
  expect(await rig.queue.text(`/sources check id:${id}`)).toContain(`${items.length} new (${items.length} proposed)`);
  return id;
}

describe('GIVEN an item dated by a day without a time', () => {
  it('THEN its card and the rig.queue give the day alone, also after a restart', async () => {
    await laterCheck([DAY_ONLY]);
    for (const read of ['before', 'after a restart']) {
      if (read !== 'before') rig.queue = rig.queue.reopen();
      const card = (await cardsByTitle(rig.queue, 1)).get(DAY_ONLY.title)!;
      expect([card.published, card.date], read).toEqual(['4 Dec 2026', '4 Dec 2026']);
      expect(card.text).not.toContain('00:00 UTC');
      expect(await rig.queue.text('/review list')).toContain('North Press Agency · 4 Dec 2026 · ');
    }
  });

  it('THEN another outlet’s report of the story dated so is listed by its day alone too', async () => {
    await laterCheck([item('s1', 'Israeli bulldozers raze farmland near Kudna', 'Fri, 04 Dec 2026 09:00:00 +0000')]);
    rig.feeds.serve('/enab.xml', 'Enab Baladi', [DAY_ONLY]);
    await rig.queue.run(`/sources add url:${rig.feeds.url('/enab.xml')} topic:syria-israel backfill:true`);
    expect(await rig.queue.text('/sources check id:2')).toContain('same story → candidate #1');
    const card = await rig.queue.text('/review show id:1');
    expect(card).toContain(`Enab Baladi <${DAY_ONLY.link}> — ${DAY_ONLY.title} (4 Dec 2026)`);
  });
});

describe('GIVEN an item whose date Sitrep could not read', () => {
  it('THEN its card says so, with the date as written, and dates it by the day first seen, saying so; also after a restart', async () => {
    await laterCheck([UNREAD]);
    for (const read of ['before', 'after a restart']) {
      if (read !== 'before') rig.queue = rig.queue.reopen();
      const card = (await cardsByTitle(rig.queue, 1)).get(UNREAD.title)!;
      expect(card.published, read).toBe('could not be read: "05/12/2026 10:00" (day or month first?)');
      expect(card.date).toBe(
        "6 Dec 2026: the day Sitrep first saw the item, not its publication (its date could not be read); the entry's source is dated so too (date: and published: on approve if you know them)",
      );
      expect(card.text).not.toContain('not given by the feed');
      expect(await rig.queue.text('/review list')).toContain('North Press Agency · date unreadable · ');
    }
  });

  it('WHEN a first check with backfill records it THEN /sources why says its date could not be read, not that it had none', async () => {
    rig.feeds.serve('/npa.xml', 'North Press Agency', [UNREAD, UNDATED]);
    await rig.queue.run(`/sources add url:${rig.feeds.url('/npa.xml')} topic:syria-israel backfill:true`);
    const checked = await rig.queue.text('/sources check id:1');
    expect(checked).toContain(`recorded: ${UNREAD.title} (first check: a date that could not be read ("05/12/2026 10:00": day or month first?), and a backfill proposes the last 7 days only)`);
    expect(checked).toContain(`recorded: ${UNDATED.title} (first check: no date, and a backfill proposes the last 7 days only)`);
  });

  it('WHEN the candidate was stored before the unread date was kept THEN its card reads as undated', async () => {
    await laterCheck([UNREAD]);
    rig.queue.app.db.prepare("UPDATE review_candidates SET suggestion = json_remove(suggestion, '$.unreadDate')").run();
    const card = (await cardsByTitle(rig.queue, 1)).get(UNREAD.title)!;
    expect(card.published).toBe('not given by the feed');
    expect(card.date).toMatch(/^6 Dec 2026: the day Sitrep first saw the item, not its publication \(the feed gave no date\)/);
  });
});

describe('GIVEN an item its feed gives no date', () => {
  it('THEN its card says its day is the day Sitrep first saw it, not a publication day, which the entry’s source takes', async () => {
    await laterCheck([UNDATED]);
    const card = (await cardsByTitle(rig.queue, 1)).get(UNDATED.title)!;
    expect(card.published).toBe('not given by the feed');
    expect(card.date).toMatch(/^6 Dec 2026: the day Sitrep first saw the item, not its publication \(the feed gave no date\); the entry's source is dated so too/);
    expect(await rig.queue.text('/review list')).toContain('North Press Agency · no date · ');
  });

  it('WHEN the feed revises it on a later day THEN the candidate drafted again keeps the day Sitrep first saw it', async () => {
    const id = await laterCheck([UNDATED]);
    rig.queue.advance(24 * 3600_000);
    rig.feeds.serve('/npa.xml', 'North Press Agency', [{ ...UNDATED, title: `${UNDATED.title} and Suwayda officials` }, OLDER]);
    expect(await rig.queue.text(`/sources check id:${id}`)).toContain('revised → candidate #1 drafted again');
    const card = await rig.queue.text('/review show id:1');
    expect(line(card, 'Date')).toMatch(/^6 Dec 2026: the day Sitrep first saw the item/);
  });
});
