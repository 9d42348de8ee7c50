// GIVEN a candidate attached to an entry WHEN an undo takes its reports back off the entry THEN
// the candidate stays decided, and its card and a refused reject say the entry no longer cites
// them and how to cite them again, which works.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU } from './support/stories.js';

/** The seed's entry on the Baku meeting. */
const BAKU_ENTRY = 12;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  await queue.run(`/review attach id:1 entry:${BAKU_ENTRY}`);
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN a candidate attached to the seed entry on the Baku meeting', () => {
  it('WHEN nothing was taken back THEN its card says nothing more, and a reject points to the entry history', async () => {
    expect(await queue.text('/review show id:1')).not.toContain('no longer cites');
    const refused = await queue.text('/review reject id:1');
    expect(refused).toContain(`Candidate #1 was attached by`);
    expect(refused).toContain(`/entry history id:${BAKU_ENTRY}`);
  });

  it('WHEN an undo takes its report back THEN the card and a refused reject say so, and attaching it again cites it once more', async () => {
    expect(await queue.text(`/entry undo ${BAKU_ENTRY}`)).toMatch(/Took back/);
    expect(await queue.text(`/entry show ${BAKU_ENTRY}`)).not.toContain(BAKU.link!);
    const card = await queue.text('/review show id:1');
    expect(card).toContain(`Entry #${BAKU_ENTRY} no longer cites its reports: an undo or an edit took them back since. \`/review attach id:1 entry:${BAKU_ENTRY}\` adds them again.`);
    const refused = await queue.text('/review reject id:1');
    expect(refused).toContain(`no longer cites its reports (an undo or an edit took them back); the candidate stays decided. To cite them again: \`/review attach id:1 entry:${BAKU_ENTRY}\``);

    expect(await queue.text(`/review attach id:1 entry:${BAKU_ENTRY}`)).toContain(`Added 1 report of candidate #1 that entry #${BAKU_ENTRY} did not cite yet`);
    expect(await queue.text(`/entry show ${BAKU_ENTRY}`)).toContain(BAKU.link!);
    expect(await queue.text('/review show id:1')).not.toContain('no longer cites');
  });
});
