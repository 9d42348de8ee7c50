// GIVEN a candidate published on 18 Jul 2025 WHEN an admin approves it dated after that day
// (typed, or changed in the card's Edit form), or gives a publication before the entry's date
// THEN the approval is refused as /entry add refuses such a source, saying how to correct it with
// /review approve; nothing is written and the candidate still waits. Another outlet's report,
// joined by its title, holds no date back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/core/view.js';
import { MemoryPlatform, type Message } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run('/review channel');
});
afterEach(() => closeQueue(feeds, queue));

/** Watches and checks `/levant.xml` serving BAKU (published 18 Jul 2025 14:05 UTC); returns the candidate's number. */
async function bakuCandidate(): Promise<number> {
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  return QueueApp.idAfter(await queue.text('/sources check id:1'), 'candidate');
}

describe('GIVEN a candidate whose item was published on 18 Jul 2025', () => {
  it('WHEN approved with a later date THEN it is refused, naming the source and how to correct either day; the days agreeing, it approves', async () => {
    const id = await bakuCandidate();
    const said = await queue.refused(`/review approve id:${id} date:2025-07-19`);
    expect(said).toContain('Option `date` (2025-07-19) is after the day the source, Levant Wire, was published (2025-07-18): a source reports an event once it has begun.');
    expect(said).toContain(`Give a date up to 2025-07-18; or, if the publication date is wrong, correct it with \`published:\` in the same command: \`/review approve id:${id} date:2025-07-19 published:…\``);
    expect(await queue.text('/review list', READER)).toContain(BAKU.title);
    // The same day, or the publication corrected beside the date: approved.
    expect(await queue.text(`/review approve id:${id} date:2025-07-19 published:2025-07-19`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Date        19 Jul 2025');
    expect(entry).toContain('according to Levant Wire (19 Jul 2025)');
  });

  it('WHEN approved with a publication before the item’s date THEN it is refused in /entry add’s words', async () => {
    const id = await bakuCandidate();
    const said = await queue.refused(`/review approve id:${id} published:2025-07-16`);
    expect(said).toContain("Option `published` (2025-07-16) is before the entry's date (2025-07-18): a source reports an event once it has begun.");
    expect(said).toContain("Give the day Levant Wire published it, from 2025-07-18 on; or, if the entry's date is wrong, correct it with `date:`.");
  });

  it('WHEN the card’s Edit form is submitted with a later date THEN the form is refused the same way, at the date field, and nothing is written', async () => {
    const id = await bakuCandidate();
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
    const posted = queue.poster.posts.find((p) => p.view.title === BAKU.title)!;
    const card: Message & { view: View } = { view: posted.view, text: posted.text, buttons: memory.interactions.buttons({ view: posted.view, part: 0, partCount: 1 }, 'ana'), private: false };
    const form = (await memory.press(card, 'Edit #1', 'ana')).form!;
    const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value ?? '']));
    expect(values.date).toBe('2025-07-18');
    const before = storeFingerprint(queue.app.db);
    const submitted = await memory.submit(form, { ...values, date: '2025-07-19' }, 'ana');
    expect(submitted.fieldError?.field).toBe('date');
    expect(submitted.text).toContain('Option `date` (2025-07-19) is after the day the source, Levant Wire, was published (2025-07-18): a source reports an event once it has begun.');
    expect(submitted.text).toContain(`\`/review approve id:${id} date:2025-07-19 published:…\``);
    expect(storeFingerprint(queue.app.db)).toBe(before);
    // The date the source allows: approved from the same form.
    expect((await memory.submit(form, { ...values, date: '2025-07-17' }, 'ana')).text).toContain('Approved: added as entry #18.');
  });
});

describe('GIVEN a candidate another outlet reported the day before its item', () => {
  it('WHEN approved as it stands THEN it approves, citing both: a report joined by its title holds no date back', async () => {
    const id = await bakuCandidate();
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [{ ...BAKU_ELSEWHERE, published: '2025-07-17T20:00:00Z' }]);
    await queue.run(`/sources add url:${feeds.url('/med.xml')} topic:syria-israel backfill:true`);
    expect(await queue.text('/sources check id:2')).toContain(`same story → candidate #${id}`);
    expect(await queue.text(`/review approve id:${id}`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('according to Levant Wire (18 Jul 2025)');
    expect(entry).toContain('according to Mediterranean Dispatch (17 Jul 2025)');
  });
});
