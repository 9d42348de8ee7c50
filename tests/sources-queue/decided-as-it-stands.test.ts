// GIVEN a candidate approved into an entry WHEN the entry is changed or removed afterwards THEN
// /review show, and the answer to approving it again, show the entry as the dossier holds it now,
// or say that it was removed and how to bring it back; a decided candidate's suggestion no
// longer tells anyone how to change it on approval.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
const STRIKE: ScriptedItem = {
  guid: 'levant-48301',
  title: 'Israeli strike near Quneitra kills three',
  link: 'https://levant.example/2025/07/20/quneitra-strike',
  summary: 'An Israeli drone struck a car near Quneitra, killing three people, a monitor said.',
  published: '2025-07-20T06:10:00Z',
};
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [STRIKE]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN a candidate approved as entry #18', () => {
  it('WHEN the entry is corrected THEN /review show gives the entry as it is now, and its link by id', async () => {
    await queue.run('/entry edit id:18 type:shelling');
    const shown = await queue.text('/review show id:1');
    expect(shown).toContain('Type        Shelling');
    expect(shown).toContain('Fatalities  3 — Levant Wire');
    expect(shown).not.toContain('on approve if wrong');
    expect(shown).toContain('The entry: `/entry show id:18`');
  });

  it('WHEN the entry is removed THEN /review show and approving again say so, with the undo that brings it back', async () => {
    await queue.run('/entry remove id:18 reason:"wrong place"');
    const shown = await queue.text('/review show id:1');
    expect(shown).toContain('Entry #18 was removed by ana (Discord) at 2025-07-20 12:00 UTC (wrong place). `/entry undo id:18` brings it back.');
    expect(shown).toContain('Fatalities  3, as the item gives them (from Levant Wire)');
    const again = await queue.text('/review approve id:1');
    expect(again).toContain('Already approved as entry #18');
    expect(again).toContain('Entry #18 was removed by');
    expect(again).toContain('`/entry undo id:18` brings it back.');
  });

  it('WHEN its source is removed THEN /review list for it does not say candidates still wait, when none do', async () => {
    await queue.run('/sources remove id:1');
    const listed = await queue.text('/review list source:1');
    expect(listed).toContain('it is no longer checked.');
    expect(listed).not.toContain('still wait here');
    expect(listed).toContain('No candidate is waiting for review.');
  });
});
