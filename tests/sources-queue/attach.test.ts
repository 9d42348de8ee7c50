// GIVEN a candidate reporting an event the dossier holds already WHEN an admin attaches it to
// that entry THEN the entry cites its reports as further sources, in an edit its history explains
// and undo takes back; the candidate is decided once, and wrong attachments change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE } from './support/stories.js';

/** The seed's entry on the Baku meeting. */
const BAKU_ENTRY = 12;

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run('/review channel');
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  feeds.serve('/med.xml', 'Mediterranean Dispatch', [BAKU_ELSEWHERE]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run(`/sources add url:${feeds.url('/med.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  await queue.run('/sources check id:2');
});
afterEach(() => closeQueue(feeds, queue));

const entryCount = () => queue.app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;

describe('GIVEN a candidate carried by two outlets', () => {
  it('WHEN it is attached to the entry on the same meeting THEN the entry cites both outlets, says where they came from, and no entry is added', async () => {
    const before = entryCount();
    expect(await queue.text('/review show id:1', READER)).toContain('An event in the dossier already: `/review attach id:1 entry:N`');
    // The candidate waits under the source whose item proposed it, not the one that reported it second.
    const listed = await queue.text('/sources list', READER);
    expect(listed).toMatch(/`#1` Levant Wire\n[^#]*· 1 candidate waiting for review: `\/review list source:1`\n/);
    expect(listed.split('`#2` Mediterranean Dispatch')[1]).not.toContain('waiting');
    const fromLevant = await queue.text('/review list source:1', READER);
    expect(fromLevant).toContain('Review queue — from #1 Levant Wire');
    expect(fromLevant).toContain(BAKU.title);
    expect(await queue.text('/review list source:2', READER)).toContain('No candidate is waiting for review.');
    expect(await queue.text('/review list source:9', READER)).toContain('There is no source #9 (option `source`).');
    const reply = await queue.text(`/review attach id:1 entry:${BAKU_ENTRY}`);
    expect(reply).toContain(`Approved: its reports added as sources of entry #${BAKU_ENTRY}.`);
    expect(reply).toMatch(new RegExp(`Attached by ana \\(Discord\\) at [^\\n]+ to entry #${BAKU_ENTRY} as further sources`));
    expect(entryCount()).toBe(before);

    const entry = await queue.text(`/entry show id:${BAKU_ENTRY}`, READER);
    expect(entry).toContain('News report, 26 Jul 2025');
    expect(entry).toContain('Levant Wire <https://levant.example/2025/07/18/baku-talks> — according to Levant Wire (18 Jul 2025)');
    expect(entry).toContain('Mediterranean Dispatch <https://med.example/world/2025/07/18/israel-syria-baku> — according to Mediterranean Dispatch (18 Jul 2025)');
    expect(await queue.text(`/entry history id:${BAKU_ENTRY}`, READER)).toContain('edit by ana (Discord) — source (from the review queue: candidate #1, reported by Levant Wire, attached as further sources)');
    expect(await queue.text('/review list', READER)).not.toContain(BAKU.title);
    expect(await queue.text('/sources list', READER)).not.toContain('waiting for review');

    // Decided once: attaching, approving or rejecting it again changes nothing.
    const fingerprint = storeFingerprint(queue.app.db);
    expect(await queue.text(`/review attach id:1 entry:${BAKU_ENTRY}`)).toContain(`Already attached to entry #${BAKU_ENTRY} by ana (Discord)`);
    expect(await queue.text('/review approve id:1')).toContain(`Already attached to entry #${BAKU_ENTRY}`);
    expect(await queue.text('/review reject id:1')).toContain(`Candidate #1 was attached by ana (Discord) at 2025-07-20 12:00 UTC to entry #${BAKU_ENTRY} as further sources.`);
    expect(storeFingerprint(queue.app.db)).toBe(fingerprint);

    // The attachment is an ordinary edit: undo takes the sources off again.
    await queue.run(`/entry undo id:${BAKU_ENTRY}`);
    expect(await queue.text(`/entry show id:${BAKU_ENTRY}`, READER)).not.toContain('Levant Wire');
  });
});

describe('GIVEN the card in the review channel', () => {
  it('WHEN an admin presses Attach to entry THEN a form asks for the entry, and submitting it attaches the candidate; a reader’s press is refused', async () => {
    const memory = new MemoryPlatform(queue.app.dispatcher, queue.logger, () => queue.now().getTime());
    const posted = queue.poster.posts.find((p) => p.view.title === BAKU.title)!;
    const card = { view: posted.view, text: posted.text, buttons: memory.interactions.buttons({ view: posted.view, part: 0, partCount: 1 }, 'ana'), private: false };
    const before = storeFingerprint(queue.app.db);
    expect((await memory.press(card, 'Attach #1 to entry', 'bob')).private).toBe(true);
    expect(storeFingerprint(queue.app.db)).toBe(before);

    const opened = await memory.press(card, 'Attach #1 to entry', 'ana');
    const form = opened.form!;
    expect(form.title).toBe('Attach candidate #1');
    expect(form.fields.map((field) => field.name)).toEqual(['entry']);
    const done = await memory.submit(form, { entry: String(BAKU_ENTRY) }, 'ana');
    expect(done.text).toContain(`Approved: its reports added as sources of entry #${BAKU_ENTRY}.`);
    expect(await queue.text(`/entry show id:${BAKU_ENTRY}`, READER)).toContain('Levant Wire <https://levant.example/2025/07/18/baku-talks>');
  });
});

describe('GIVEN an attachment that cannot be made', () => {
  it('WHEN the entry does not exist, another entry has come to cite the report, or a reader asks THEN it is refused and nothing is changed', async () => {
    // An admin typed the article in since the candidate was proposed.
    await queue.run(`/entry add title:"Baku meeting, per Levant Wire" date:2025-07-18 type:talks topic:syria-israel source_url:${BAKU.link} outlet:"Levant Wire"`);
    const typed = queue.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
    const before = storeFingerprint(queue.app.db);
    expect(await queue.text('/review attach id:1 entry:999')).toContain('There is no entry #999.');
    expect(await queue.text(`/review attach id:1 entry:${BAKU_ENTRY}`)).toContain(`Entry #${typed} cites this report already, so candidate #1 is not attached to entry #${BAKU_ENTRY}.`);
    expect((await queue.run(`/review attach id:1 entry:${BAKU_ENTRY}`, READER)).tone).toBe('error');
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });
});

describe('GIVEN an entry citing one of the reports in another form of its address', () => {
  it.each([
    ['over http with a trailing slash', BAKU.link!.replace('https:', 'http:') + '/'],
    ['with a trailing slash', `${BAKU.link!}/`],
  ])('WHEN the candidate is attached to it (%s) THEN that report is not cited twice; only the other outlet is added', async (_form, typedLink) => {
    await queue.run(`/entry add title:"Baku meeting, per Levant Wire" date:2025-07-18 type:talks topic:syria-israel source_url:${typedLink} outlet:"Levant Wire"`);
    const typed = queue.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
    expect(await queue.text(`/review attach id:1 entry:${typed}`)).toContain(`Approved: its reports added as sources of entry #${typed}.`);
    const entry = await queue.text(`/entry show id:${typed}`, READER);
    expect(entry.match(/levant\.example\/2025\/07\/18\/baku-talks/g)).toHaveLength(1);
    expect(entry).toContain('Mediterranean Dispatch <https://med.example/world/2025/07/18/israel-syria-baku>');
  });
});

describe('GIVEN a source removed while its candidates wait', () => {
  it('WHEN the queue is listed by that source THEN its waiting candidates are listed, saying it was removed', async () => {
    expect(await queue.text('/sources remove id:1')).toContain('Its candidates stay in the review queue');
    const listed = await queue.text('/review list source:1', READER);
    expect(listed).toContain('Review queue — from #1 Levant Wire');
    expect(listed).toMatch(/Source #1 was removed on \d{4}-\d\d-\d\d \d\d:\d\d UTC: it is no longer checked, and the candidates it proposed still wait here\./);
    expect(listed).toContain('1 candidate waiting');
    expect(listed).toContain(BAKU.title);
    expect(await queue.text('/review list source:9', READER)).toContain('There is no source #9 (option `source`).');
  });
});

describe('GIVEN a candidate approved as an entry', () => {
  it('WHEN another outlet reports the story after THEN attaching the candidate to its entry adds that report, once', async () => {
    expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
    const third = { ...BAKU_ELSEWHERE, guid: 'gulf-311', title: 'Syria and Israel hold talks in Baku, officials say', link: 'https://gulf.example/2025/07/18/baku' };
    feeds.serve('/gulf.xml', 'Gulf Herald', [third]);
    await queue.run(`/sources add url:${feeds.url('/gulf.xml')} topic:syria-israel backfill:true`);
    expect(await queue.text('/sources check id:3')).toContain('same story → candidate #1');
    expect(await queue.text('/entry show id:18', READER)).not.toContain('Gulf Herald');
    const added = await queue.text('/review attach id:1 entry:18');
    expect(added).toContain('Added 1 report of candidate #1 that entry #18 did not cite yet, as further sources. `/entry undo id:18` takes them back.');
    expect(await queue.text('/entry show id:18', READER)).toContain('Gulf Herald <https://gulf.example/2025/07/18/baku>');
    expect(await queue.text('/entry history id:18', READER)).toContain('edit by ana (Discord) — source (from the review queue: reports of candidate #1 that came after it was decided)');
    // The same article again, at an anchor of its page: not a further source.
    const anchored = { ...third, guid: 'gulf-312', link: 'https://gulf.example/2025/07/18/baku#comments' };
    feeds.serve('/gulf2.xml', 'Gulf Herald Live', [anchored]);
    await queue.run(`/sources add url:${feeds.url('/gulf2.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:4');
    // Nothing new, or another entry: decided already, nothing changed.
    const fingerprint = storeFingerprint(queue.app.db);
    expect(await queue.text('/review attach id:1 entry:18')).toContain('Already approved as entry #18');
    const elsewhere = await queue.text(`/review attach id:1 entry:${BAKU_ENTRY}`);
    expect(elsewhere).toContain(`Candidate #1 is entry #18 already (approved by ana (Discord) at`);
    expect(elsewhere).toContain(`not #${BAKU_ENTRY}: nothing was changed.`);
    expect(elsewhere).toContain('Reports of it that came after go to that entry: `/review attach id:1 entry:18`');
    expect(storeFingerprint(queue.app.db)).toBe(fingerprint);
  });
});
