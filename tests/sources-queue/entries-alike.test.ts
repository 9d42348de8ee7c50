// GIVEN an entry approved from one outlet's report of an Israeli strike near Quneitra WHEN another
// outlet's report of it, worded otherwise, waits in the queue THEN /review show lists the entry as
// alike, with the /review attach that joins the report to it; a candidate of another type, or of
// days later, lists none, and neither does a month-dated entry of the seed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const item = (guid: string, title: string, published: string) => ({ guid, title, link: `https://levant.example/${guid}`, summary: '', published });

describe('GIVEN an approved entry on an Israeli strike near Quneitra on 18 July', () => {
  it('WHEN another report of it, and reports of other events, wait THEN only the first lists the entry, with its attach', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [
      item('first', 'Israeli drone strike hits car near Quneitra', '2025-07-18T09:00:00Z'),
      item('same', 'Two killed as Israeli drone targets vehicle in Quneitra countryside', '2025-07-19T08:00:00Z'),
      item('talks', 'Talks on Quneitra crossings resume', '2025-07-18T12:00:00Z'),
      // The seed's `Israeli strikes in Damascus and Sweida province` is dated July 2025 alone.
      item('damascus', 'Israeli strike hits Damascus suburb', '2025-07-19T10:00:00Z'),
    ]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    expect(await queue.text(`/sources check id:${id}`)).toContain('4 proposed');
    const list = await queue.text('/review list', READER);
    const idOf = (title: string) => new RegExp(`#(\\d+)\` ${title}`).exec(list)![1];
    const entryId = /added as entry #(\d+)/.exec(await queue.text(`/review approve id:${idOf('Israeli drone strike hits car')}`))![1];
    const same = idOf('Two killed as Israeli drone');
    expect(await queue.text(`/review show id:${same}`, READER)).toContain(
      `Alike in the dossier\n    #${entryId} Israeli drone strike hits car near Quneitra · 18 Jul 2025 · Air/drone strike · Quneitra — the same event? \`/review attach id:${same} entry:${entryId}\`\n`,
    );
    expect(await queue.text(`/review show id:${idOf('Talks on Quneitra')}`, READER)).not.toContain('Alike in the dossier');
    expect(await queue.text(`/review show id:${idOf('Israeli strike hits Damascus')}`, READER)).not.toContain('Alike in the dossier');
    // Attached, the report is one of the entry's sources.
    expect(await queue.text(`/review attach id:${same} entry:${entryId}`)).toContain(`entry #${entryId}`);
  });
});
