// GIVEN a candidate's card in the review channel WHEN its buttons are pressed (on a platform
// that only draws them and hands presses to the core) or the command typed THEN each decision
// is made once, by admins only, and the Edit form starts from the suggestion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS_ONLY_TEXT } from '../../src/core/interaction/texts.js';
import type { View } from '../../src/core/view.js';
import { MemoryPlatform, type Message } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let memory: MemoryPlatform;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
  await queue.run('/review channel');
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
});
afterEach(() => closeQueue(feeds, queue));

const entryCount = () => queue.app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;

/** The card posted for `title`, drawn on the memory platform as its channel would show it. */
function card(title: string): Message & { view: View } {
  const posted = queue.poster.posts.find((p) => p.view.title === title);
  if (!posted) throw new Error(`no card for ${title}: ${queue.poster.texts().join('\n---\n')}`);
  return { view: posted.view, text: posted.text, buttons: memory.interactions.buttons({ view: posted.view, part: 0, partCount: 1 }, 'ana'), private: false };
}

describe('GIVEN a posted card', () => {
  it('WHEN Approve is pressed twice at once, and then typed on another platform THEN one entry is added', async () => {
    const before = entryCount();
    const baku = card(BAKU.title);
    const [first, second] = await Promise.all([memory.press(baku, 'Approve #2', 'ana'), memory.press(baku, 'Approve #2', 'ana')]);
    const texts = [first.text, second.text].sort();
    expect(texts[0]).toContain('Already approved as entry #18 by memory:ana');
    expect(texts[1]).toContain('Approved: added as entry #18.');
    const typed = await queue.text(`/review approve id:${QueueApp.idAfter(baku.text, 'Candidate')}`, ADMIN);
    expect(typed).toContain('Already approved as entry #18 by memory:ana');
    expect(entryCount()).toBe(before + 1);
  });

  it('WHEN someone who is not an admin presses Approve or types it THEN it is refused privately and the store is unchanged', async () => {
    const sweida = card(SWEIDA.title);
    const before = storeFingerprint(queue.app.db);
    const pressed = await memory.press(sweida, 'Approve #1', 'bob');
    expect(pressed.private).toBe(true);
    expect(pressed.text).toContain(ADMINS_ONLY_TEXT);
    const rejected = await memory.press(sweida, 'Reject #1', 'bob');
    expect(rejected.text).toContain(ADMINS_ONLY_TEXT);
    const typed = await queue.run(`/review approve id:${QueueApp.idAfter(sweida.text, 'Candidate')}`, READER);
    expect(typed.tone).toBe('error');
    expect(typed.private).toBe(true);
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });

  it('WHEN Edit is pressed THEN the entry form starts from the suggestion, and submitting it approves with the changes', async () => {
    const baku = card(BAKU.title);
    const opened = await memory.press(baku, 'Edit #2', 'ana');
    const form = opened.form!;
    const id = QueueApp.idAfter(baku.text, 'Candidate');
    expect(form.title).toBe(`Approve candidate #${id}`);
    const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value ?? '']));
    expect(values).toMatchObject({ title: BAKU.title, date: '2025-07-18', type: 'talks', actors: 'Syria:participant, Israel:participant, Ron Dermer:participant', places: 'Baku' });
    const done = await memory.submit(form, { ...values, type: 'statement', actors: 'Ron Dermer:initiator' }, 'ana');
    expect(done.text).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Type        Statement');
    expect(entry).toContain('Ron Dermer — initiator');
    expect(entry).not.toContain('Syria — participant');
    expect(entry).toContain('Places      Baku');
  });

  it('WHEN an admin approves with a place the gazetteer cannot tell apart THEN it is refused as /entry add refuses it and nothing is written; a spelling that names one, or located:false, approves', async () => {
    const id = QueueApp.idAfter(card(BAKU.title).text, 'Candidate');
    const before = storeFingerprint(queue.app.db);
    const refused = await queue.run(`/review approve id:${id} places:Springfield`, ADMIN);
    expect(refused.tone).toBe('error');
    const text = await queue.text(`/review approve id:${id} places:"Baku, Springfield"`, ADMIN);
    expect(text).toContain('Option `places`: “Springfield” could not be located.');
    expect(text).toContain('Springfield (Illinois)');
    expect(text).toContain('located:false');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    expect(await queue.text(`/review approve id:${id} places:"Baku, Springfield (Illinois)"`, ADMIN)).toContain('Approved: added as entry #18.');
    expect(await queue.text('/place "Springfield (Illinois)"', READER)).toMatch(/Country +United States[\s\S]*Latest entries \(1 in all\)/);
    const sweida = QueueApp.idAfter(card(SWEIDA.title).text, 'Candidate');
    expect(await queue.text(`/review approve id:${sweida} places:"Sweida countryside" located:false`, ADMIN)).toContain('Approved: added as entry #19.');
    expect(await queue.text('/place "Sweida countryside"', READER)).toContain('not located (free text)');
  });

  it('WHEN Reject is pressed THEN the card shows who decided, and Approve afterwards is refused by name', async () => {
    const sweida = card(SWEIDA.title);
    const rejected = await memory.press(sweida, 'Reject #1', 'ana');
    expect(rejected.text).toMatch(/Decided\s+Rejected by memory:ana at 2025-07-20 12:00 UTC/);
    const before = storeFingerprint(queue.app.db);
    const approve = await memory.press(sweida, 'Approve #1', 'ana');
    expect(approve.text).toContain(`Candidate #${QueueApp.idAfter(sweida.text, 'Candidate')} was rejected by memory:ana`);
    expect(storeFingerprint(queue.app.db)).toBe(before);
    // Decided cards are not posted again: the next pass leaves the channel as it is.
    const posts = queue.poster.posts.length;
    await queue.app.services.review.postPending();
    expect(queue.poster.posts).toHaveLength(posts);
  });
});

describe('GIVEN a candidate whose article an admin has since typed in as an entry', () => {
  it('WHEN it is approved THEN it is refused, naming the entry, and the dossier holds the report once', async () => {
    await queue.run(`/entry add title:"Talks in Baku" date:2025-07-18 type:talks topic:syria-israel source_url:${BAKU.link}/ outlet:"Levant Wire"`, ADMIN);
    const id = QueueApp.idAfter(card(BAKU.title).text, 'Candidate');
    const before = storeFingerprint(queue.app.db);
    const refused = await memory.press(card(BAKU.title), 'Approve #2', 'ana');
    expect(refused.text).toContain(`Entry #18 cites this report already, so candidate #${id} is not approved: the dossier would hold it twice.`);
    expect(refused.text).toContain(`/review reject id:${id} reason:"in the dossier as #18"`);
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });
});

describe('GIVEN candidates waiting since different days', () => {
  it('WHEN an admin clears those published before a day THEN they are rejected with the reason, the rest wait, and their items are never proposed again', async () => {
    // SWEIDA was published on 19 July, BAKU on the 18th.
    const before = storeFingerprint(queue.app.db);
    expect(await queue.text('/review clear before:2025-07-19', READER)).toContain('`/review clear` is for Sitrep admins only.');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    const cleared = await queue.text('/review clear before:2025-07-19 reason:"not reviewed in time"', ADMIN);
    expect(cleared).toMatch(/^Rejected 1 candidate\nEvery candidate published before 2025-07-19 that was waiting: #\d+, for “not reviewed in time”\./);
    expect(queue.app.services.review.pending({}, 10, 0).total).toBe(1);
    const list = await queue.text('/review list', READER);
    expect(list).toContain(SWEIDA.title);
    expect(list).not.toContain(BAKU.title);
    expect(await queue.text('/review clear before:2025-07-19', ADMIN)).toContain('No candidate published before 2025-07-19 is waiting.');
    // The feed checked again, or carrying the item anew: not proposed again.
    queue.advance(31 * 60_000);
    await queue.run('/sources check id:1');
    expect(queue.app.db.prepare("SELECT count(*) FROM review_candidates WHERE status = 'pending'").pluck().get()).toBe(1);
  });
});
