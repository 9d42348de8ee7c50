// GIVEN feed items whose titles give a party's own account of its act ("Israel says it killed…")
// WHEN they are proposed THEN the card suggests the act's type (not a statement), confidence
// `claimed` and the party as claiming it; approved, the entry records the claim through the item's
// outlet on the day it was published; `clear:claims` leaves it out; a party's report of another's
// act is no claim of its own.
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

const OWN = {
  guid: 'own-claim',
  title: 'Israel says it killed two gunmen near Quneitra',
  link: 'https://levant.example/2025/07/19/own-claim',
  summary: 'An air strike hit their car on the road to the city, the army said.',
  published: '2025-07-19T09:00:00Z',
};
const OTHER = {
  guid: 'other-act',
  title: 'Syria says Israeli strike killed two soldiers near Damascus',
  link: 'https://levant.example/2025/07/19/other-act',
  summary: 'The ministry condemned the strike.',
  published: '2025-07-19T10:00:00Z',
};

async function proposed(items: (typeof OWN)[]): Promise<void> {
  feeds.serve('/levant.xml', 'Levant Wire', items);
  const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
  expect(await queue.text(`/sources check id:${id}`)).toContain(`${items.length} proposed`);
}

describe('GIVEN an item in which Israel says it killed two gunmen', () => {
  it('WHEN it is proposed THEN the card suggests an air strike, claimed by Israel, Israel its initiator', async () => {
    await proposed([OWN]);
    const card = await queue.text('/review show id:1', READER);
    expect(card).toMatch(/Type +Air\/drone strike\n/);
    expect(card).toMatch(/Confidence +claimed: the act as told by Israel \("says it killed"\); recorded as a claim by Israel \(confidence: or clear:claims on approve if otherwise\)\n/);
    expect(card).toMatch(/Actors +Israel \(initiator\)/);
    expect(await queue.text('/review list', READER)).toContain('Levant Wire · 2025-07-19 09:00 UTC · Air/drone strike (claimed by Israel) · syria-israel');
  });

  it('WHEN it is approved THEN the entry is claimed, and records Israel claiming it through Levant Wire on the day of the report', async () => {
    await proposed([OWN]);
    const entryId = /added as entry #(\d+)/.exec(await queue.text('/review approve id:1'))![1];
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toMatch(/Confidence +claimed\n/);
    expect(entry).toContain('Claims\n    Israel claims · 19 Jul 2025 · Levant Wire <https://levant.example/2025/07/19/own-claim> — according to Levant Wire\n');
  });

  it('WHEN it is approved with clear:claims THEN no claim is recorded', async () => {
    await proposed([OWN]);
    const entryId = /added as entry #(\d+)/.exec(await queue.text('/review approve id:1 clear:claims confidence:reported'))![1];
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toMatch(/Confidence +reported\n/);
    expect(entry).not.toContain('Israel claims');
  });
});

describe("GIVEN an entry on Syria's report of an Israeli strike, and Israel's own account of it waiting", () => {
  it('WHEN the account is attached to the entry THEN its report becomes a source and Israel is recorded as claiming the entry, once', async () => {
    const account = { ...OWN, guid: 'account', title: 'Israel says it struck an army post near Damascus', link: 'https://levant.example/account', summary: '' };
    await proposed([OTHER, account]);
    const list = await queue.text('/review list', READER);
    const idOf = (title: string) => new RegExp(`#(\\d+)\` ${title}`).exec(list)![1];
    const entryId = /added as entry #(\d+)/.exec(await queue.text(`/review approve id:${idOf('Syria says')}`))![1];
    expect(await queue.text(`/review attach id:${idOf('Israel says it struck')} entry:${entryId}`)).toContain(`entry #${entryId}`);
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toContain('Claims\n    Israel claims · 19 Jul 2025 · Levant Wire <https://levant.example/account> — according to Levant Wire\n');
    expect(entry).toMatch(/Confidence +reported\n/);
    // Pressed again: the candidate is decided, and the entry holds the claim once.
    await queue.text(`/review attach id:${idOf('Israel says it struck')} entry:${entryId}`);
    expect((await queue.text(`/entry show id:${entryId}`, READER)).split('Israel claims').length).toBe(2);
  });
});

describe('GIVEN an item in which a party the dossier lacks claims an attack', () => {
  it('WHEN it is proposed and approved THEN the card names the party and says no claim is recorded; the entry is claimed, with no claim', async () => {
    await proposed([{ ...OWN, guid: 'houthis', title: 'Houthis claim rocket attack on Eilat', link: 'https://levant.example/houthis', summary: '' }]);
    const card = await queue.text('/review show id:1', READER);
    expect(card).toMatch(/Type +Shelling\n/);
    expect(card).toMatch(/Confidence +claimed: the act as told by Houthis \("claim rocket attack"\); Houthis is not in the dossier, so no claim is recorded \(\/actors add, then \/entry claim\) \(confidence: on approve if otherwise\)\n/);
    const entryId = /added as entry #(\d+)/.exec(await queue.text('/review approve id:1'))![1];
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toMatch(/Confidence +claimed\n/);
    expect(entry).not.toContain('Claims');
  });
});

describe("GIVEN an item in which Syria reports Israel's strike", () => {
  it('WHEN it is proposed and approved THEN nothing is claimed: the entry is reported, with no claim', async () => {
    await proposed([OTHER]);
    const card = await queue.text('/review show id:1', READER);
    expect(card).toMatch(/Type +Air\/drone strike\n/);
    expect(card).not.toContain('Confidence');
    const entryId = /added as entry #(\d+)/.exec(await queue.text('/review approve id:1'))![1];
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toMatch(/Confidence +reported\n/);
    expect(entry).not.toContain('Claims');
  });
});
