// GIVEN a feed item published on Saturday 19 July 2025 whose title says its strike was on Friday
// WHEN it is proposed THEN the card dates the candidate Friday, saying why and when the item was
// published, and the entry approved from it is dated Friday, its source published Saturday.
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

const STRIKE = {
  guid: 'friday-strike',
  title: 'Israeli strike near Quneitra on Friday kills two',
  link: 'https://levant.example/2025/07/19/friday-strike',
  summary: 'The strike hit a car on the road to the city.',
  published: '2025-07-19T09:00:00Z',
};

describe('GIVEN an item published on Saturday saying its strike was on Friday', () => {
  it('WHEN it is proposed and approved THEN the card and the entry date it Friday, its source Saturday', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [STRIKE]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    expect(await queue.text(`/sources check id:${id}`)).toContain('1 proposed');
    const card = await queue.text('/review show id:1', READER);
    expect(card).toMatch(/Date +18 Jul 2025: "on Friday", as the item says; published 19 Jul 2025 \(date: on approve if it says otherwise\)\n/);
    const approved = await queue.text('/review approve id:1');
    const entryId = /added as entry #(\d+)/.exec(approved)![1];
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toMatch(/Date +18 Jul 2025\n/);
    expect(entry).toContain('according to Levant Wire (19 Jul 2025)');
  });
});
