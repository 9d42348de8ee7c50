// GIVEN a source's keywords THEN a check keeps the items naming them as feeds write them — plural,
// compound joined or apart, French and Arabic plurals — and /sources add and /sources edit say
// when a keyword typed in capitals will match capitals only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentItem } from '../sources-queue/support/card-lines.js';
import { READER, type QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [
    recentItem('k1', 'Ceasefires across the region hold for a second day'),
    recentItem('k2', 'Cease-fire holds in south'),
    recentItem('k3', 'Frappes israéliennes près de Damas'),
    recentItem('k4', 'غارات إسرائيلية على ريف درعا'),
    recentItem('k5', 'Strikers march in Amman'),
    recentItem('k6', 'Syrian army redeploys near Quneitra'),
  ]);
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN keywords strike, ceasefire, frappe, غارة, Syria', () => {
  it('WHEN the feed words them in the plural or apart THEN the items are proposed; "Strikers" is not "strike" nor "Syrian" "Syria"', async () => {
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true keywords:'strike, ceasefire, frappe, غارة, Syria'`);
    await queue.run('/sources check id:1');
    const why = await queue.text('/sources why id:1', READER);
    expect(why).toContain('6 items: 6 new (4 proposed, 2 filtered out)');
    expect(why).toContain('Ceasefires across the region hold for a second day (matched ceasefire)');
    expect(why).toContain('Cease-fire holds in south (matched ceasefire)');
    expect(why).toContain('Frappes israéliennes près de Damas (matched frappe)');
    expect(why).toContain('غارات إسرائيلية على ريف درعا (matched غارة)');
    expect(why).toContain('Strikers march in Amman (matched none of the keywords: strike, ceasefire, frappe, غارة, Syria; strike* would match "strikers")');
    expect(why).toContain('Syrian army redeploys near Quneitra (matched none of the keywords: strike, ceasefire, frappe, غارة, Syria; Syria* would match "syrian")');
  });
});

describe('GIVEN keywords pasted in capitals', () => {
  it('WHEN /sources add takes GAZA, IRAN, UN THEN the reply says GAZA and IRAN match capitals only and how to match any case; UN goes without a note', async () => {
    const reply = await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel keywords:'GAZA, IRAN, UN'`);
    expect(reply).toContain('keeping items that name GAZA or IRAN or UN.');
    expect(reply).toContain('GAZA and IRAN are in capitals: only GAZA and IRAN in capitals will match, as an initialism does; write Gaza and Iran to match any case.');
  });

  it('WHEN /sources edit takes GAZA THEN the change line is followed by the note; UN alone, or Gaza, goes without', async () => {
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
    expect(await queue.text("/sources edit id:1 keywords:'GAZA, ceasefire'")).toContain('GAZA is in capitals: only GAZA in capitals will match, as an initialism does; write Gaza to match any case.');
    expect(await queue.text("/sources edit id:1 keywords:'UN, Gaza'")).not.toContain('in capitals');
  });
});
