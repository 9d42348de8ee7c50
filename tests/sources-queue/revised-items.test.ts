// GIVEN a feed whose items became candidates WHEN the feed revises an item (a toll that rises, a
// corrected headline) THEN the next check calls it revised, a pending candidate it proposed says
// what the item says now (title, summary, suggested toll), a decided one stays as decided (the
// check names an entry approved from it), and an item seen again unchanged is not revised.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds, type ScriptedItem } from './support/scripted-feeds.js';
import { BAKU, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const STRIKE: ScriptedItem = {
  guid: 'levant-48301',
  title: 'Israeli strike near Quneitra kills three',
  link: 'https://levant.example/2025/07/20/quneitra-strike',
  summary: 'An Israeli drone struck a car near Quneitra, killing three people, a monitor said.',
  published: '2025-07-20T06:10:00Z',
};
const STRIKE_REVISED: ScriptedItem = {
  ...STRIKE,
  title: 'Israeli strike near Quneitra kills five, monitor says',
  summary: 'An Israeli drone struck two cars near Quneitra, killing five people, a monitor said.',
};

async function watch(items: ScriptedItem[]): Promise<void> {
  feeds.serve('/levant.xml', 'Levant Wire', items);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
}

describe('GIVEN three candidates proposed by one feed', () => {
  beforeEach(() => watch([STRIKE, SWEIDA, BAKU]));

  it('WHEN the feed raises a toll in an item THEN the check says so and the pending candidate is drafted again from it', async () => {
    const before = await queue.text('/review show id:1');
    expect(before).toContain('Fatalities  3, as the item gives them');
    feeds.serve('/levant.xml', 'Levant Wire', [STRIKE_REVISED, SWEIDA, BAKU]);
    const checked = await queue.text('/sources check id:1');
    expect(checked).toContain('3 items: 0 new, 3 seen before (1 revised by the feed)');
    expect(checked).toContain('revised → candidate #1 drafted again: Israeli strike near Quneitra kills five, monitor says');

    const card = await queue.text('/review show id:1');
    expect(card).toMatch(/^Israeli strike near Quneitra kills five, monitor says/);
    expect(card).toContain('Revised by its feed at 2025-07-20 12:00 UTC');
    expect(card).toContain('Fatalities  5, as the item gives them');
    expect(card).toContain('killing five people');
    expect(card).not.toContain('kills three');
    // The other candidates and the check's history say nothing of revisions.
    expect(await queue.text('/review show id:2')).not.toContain('Revised');
    // Each check's log shows what that check read: the first one, the item as first worded.
    const why = await queue.text('/sources why id:1');
    expect(why).toContain('revised → candidate #1 drafted again: Israeli strike near Quneitra kills five');
    expect(why).toMatch(/proposed → candidate #1: Israeli strike near Quneitra kills three \(/);

    const approved = await queue.text('/review approve id:1');
    expect(approved).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18');
    expect(entry).toMatch(/^#18 Israeli strike near Quneitra kills five, monitor says/);
    expect(entry).toContain('Fatalities  5 — Levant Wire');
  });

  it('WHEN the feed serves its items again unchanged THEN none is called revised and no candidate changes', async () => {
    const before = await queue.text('/review show id:1');
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU, STRIKE]);
    const checked = await queue.text('/sources check id:1');
    expect(checked).toContain('3 items: 0 new, 3 seen before');
    expect(checked).not.toContain('revised');
    expect(await queue.text('/review show id:1')).toBe(before);
  });

  it('WHEN an item whose candidate was approved or rejected is revised THEN the decision and the entry stay as they were', async () => {
    await queue.run('/review approve id:1');
    await queue.run('/review reject id:2 reason:"not new"');
    const entry = await queue.text('/entry show 18');
    const sweidaRevised = { ...SWEIDA, title: 'Ceasefire announced in Sweida after a week of clashes' };
    feeds.serve('/levant.xml', 'Levant Wire', [STRIKE_REVISED, sweidaRevised, BAKU]);
    const checked = await queue.text('/sources check id:1');
    expect(checked).toContain('3 seen before (2 revised by the feed)');
    expect(checked).toContain('revised → cited by entry #18, left as it was: Israeli strike near Quneitra kills five, monitor says');
    expect(checked).toContain('revised: Ceasefire announced in Sweida after a week of clashes');
    expect(checked).not.toContain('drafted again');
    expect(await queue.text('/sources why id:1')).toContain('revised → cited by entry #18, left as it was');
    expect(await queue.text('/entry show 18')).toBe(entry);
    const shown = await queue.text('/review show id:1');
    expect(shown).toMatch(/^Israeli strike near Quneitra kills three/);
    expect(shown).toContain('Approved by');
    expect(await queue.text('/review show id:2')).toMatch(/^Ceasefire announced in Sweida after days of clashes/);
  });
});

describe('GIVEN a candidate whose headline its feed rewrote', () => {
  it('WHEN another outlet then reports the story under the new headline THEN it joins that candidate as the same story', async () => {
    const vague = { ...STRIKE, title: 'Explosion reported in southern Syria', summary: 'Details were not immediately available.' };
    await watch([vague]);
    // A second feed checked now: the candidate is read, as first worded, into what later checks compare with.
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [BAKU]);
    await queue.run(`/sources add url:${feeds.url('/med.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:2');
    feeds.serve('/levant.xml', 'Levant Wire', [{ ...vague, title: 'Israeli strike hits weapons depot near Quneitra', summary: 'A monitor said an Israeli strike hit a depot.' }]);
    expect(await queue.text('/sources check id:1')).toContain('revised → candidate #1 drafted again');
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [
      { guid: 'med-9001', title: 'Israeli strike hits weapons depot near Quneitra, monitor says', link: 'https://med.example/quneitra-depot', summary: 'A depot was hit.', published: '2025-07-20T08:00:00Z' },
      BAKU,
    ]);
    expect(await queue.text('/sources check id:2')).toContain('same story → candidate #1');
  });
});

describe('GIVEN items recorded before Sitrep kept what each said', () => {
  it('WHEN the next check reads them THEN none is called revised, and a revision after that is', async () => {
    await watch([STRIKE, SWEIDA]);
    queue.app.db.prepare('UPDATE feed_items SET digest = NULL').run();
    // In another order, so that the server answers in full rather than "not modified".
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, STRIKE]);
    const first = await queue.text('/sources check id:1');
    expect(first).toContain('2 items: 0 new, 2 seen before');
    expect(first).not.toContain('revised');
    feeds.serve('/levant.xml', 'Levant Wire', [STRIKE_REVISED, SWEIDA]);
    expect(await queue.text('/sources check id:1')).toContain('(1 revised by the feed)');
  });
});
