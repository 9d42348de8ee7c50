// GIVEN an item its feed dates at +14:00 just after its midnight, while it is still the day before
// in UTC WHEN its card is shown THEN Published is on the channel's clock and names the feed's own
// day, which dates the entry; WHEN approved THEN it is not refused as in the future: that day
// has begun where the item was published.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueueWithCandidate } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';

/** 2025-07-20 10:30 UTC: the clock says 12:00 UTC that day. */
const KIRITIMATI_MIDNIGHT = {
  guid: 'levant-offset',
  title: 'Israeli drone strike reported near Quneitra',
  link: 'https://levant.example/2025/07/21/quneitra-drone',
  pubDate: 'Mon, 21 Jul 2025 00:30:00 +1400',
};

/** The same instant, its title dating the strike the day before it was published there. */
const SAID_YESTERDAY = { ...KIRITIMATI_MIDNIGHT, guid: 'levant-offset-yesterday', title: 'Israeli drone strike near Quneitra yesterday', link: 'https://levant.example/2025/07/21/yesterday' };

let feeds: ScriptedFeeds;
let queue: QueueApp;
let id: number;
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN an item dated 00:30 +1400 on 21 Jul, at 12:00 UTC on 20 Jul', () => {
  beforeEach(async () => {
    ({ feeds, queue, id } = await openQueueWithCandidate(KIRITIMATI_MIDNIGHT));
  });

  it('WHEN its card is shown THEN Published is on the channel clock and names the feed’s day the entry is dated by', async () => {
    const card = await queue.text(`/review show id:${id}`, READER);
    expect(card).toMatch(/Published +2025-07-20 10:30 UTC \(21 Jul 2025 at the feed's own offset\)/);
    expect(card).toMatch(/Date +21 Jul 2025/);
  });

  it('WHEN approved as it stands THEN the entry is dated by the feed’s day, not refused as in the future', async () => {
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Date        21 Jul 2025');
    expect(entry).toContain('according to Levant Wire (21 Jul 2025)');
  });

  it('WHEN approved with a day after the feed’s THEN that day is still refused as in the future', async () => {
    const said = await queue.refused(`/review approve id:${id} date:2025-07-22`);
    expect(said).toContain('Option `date` is in the future — got `22 Jul 2025`');
  });
});

describe('GIVEN that item saying its strike was yesterday', () => {
  beforeEach(async () => {
    ({ feeds, queue, id } = await openQueueWithCandidate(SAID_YESTERDAY));
  });

  it('WHEN its card is shown THEN Published still names the feed’s own day, and Date the day before it', async () => {
    const card = await queue.text(`/review show id:${id}`, READER);
    expect(card).toMatch(/Published +2025-07-20 10:30 UTC \(21 Jul 2025 at the feed's own offset\)\n/);
    expect(card).toMatch(/Date +20 Jul 2025: "yesterday", as the item says; published 21 Jul 2025/);
  });

  it('WHEN approved as it stands THEN its source keeps the feed’s day, not refused as in the future', async () => {
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Date        20 Jul 2025');
    expect(entry).toContain('according to Levant Wire (21 Jul 2025)');
  });
});
