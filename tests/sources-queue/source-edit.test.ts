// GIVEN a watched feed WHEN an admin changes its topic, keywords, interval or reliability with
// /sources edit THEN the source keeps its number, its checks and what it has seen, and its next
// checks follow the new settings; wrong values are all named in one refusal and nothing is changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, NOW, PARIS, SWEIDA } from './support/stories.js';

const MINUTE = 60_000;
const OPINION = { ...PARIS, guid: 'levant-48380', title: 'Opinion: why the Paris talks will not end the war', link: 'https://levant.example/2025/07/20/opinion-paris' };

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
});
afterEach(() => closeQueue(feeds, queue));

const source = () => queue.app.services.sources.get(1);

describe('GIVEN a feed checked once, keeping every item', () => {
  it('WHEN its topic and keywords change THEN the next check proposes to the new topic only what the new keywords keep, and the source keeps its checks', async () => {
    const reply = await queue.text("/sources edit id:1 topic:lebanon keywords:'talks, -opinion'");
    expect(reply).toContain('Changed #1 Levant Wire');
    expect(reply).toContain('Topic: syria-israel → lebanon.');
    expect(reply).toContain('Keywords: none → talks, -opinion, keeping items that name talks, but none that name opinion.');

    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU, OPINION]);
    queue.advance(30 * MINUTE);
    await queue.run('/sources check id:1');
    const why = await queue.text('/sources why id:1', READER);
    expect(why).toContain('The latest 2 checks, newest first');
    expect(why).toContain('3 items: 2 new (1 proposed, 1 filtered out), 1 seen before');
    expect(why).toContain('proposed → candidate #2: Syria and Israel hold de-escalation talks in Baku (matched talks)');
    expect(why).toContain('filtered out: Opinion: why the Paris talks will not end the war (holds -opinion, which the keywords leave out)');
    expect(await queue.text('/review show id:2', READER)).toContain('Candidate #2 · lebanon · waiting for review');
    // The candidate the source proposed before keeps its topic.
    expect(await queue.text('/review show id:1', READER)).toContain('Candidate #1 · syria-israel · waiting for review');
    expect(await queue.text('/sources list', READER)).toContain('topic lebanon · every 30 min · keywords: talks, -opinion');
  });

  it('WHEN keywords:none is given THEN every item is kept again', async () => {
    await queue.run("/sources edit id:1 keywords:'ceasefire'");
    expect(await queue.text('/sources edit id:1 keywords:none')).toContain('Keywords: ceasefire → none, keeping every item.');
    expect(source().keywords).toBe('');
  });

  it('WHEN its interval shortens THEN the next check comes within the new interval; WHEN it lengthens THEN the next check stays', async () => {
    const scheduled = source().nextCheckAt.getTime();
    expect(scheduled).toBe(Date.parse(NOW) + 30 * MINUTE);
    await queue.run('/sources edit id:1 every:2h');
    expect(source().nextCheckAt.getTime()).toBe(scheduled);
    queue.advance(5 * MINUTE);
    const reply = await queue.text('/sources edit id:1 every:15m');
    expect(source().nextCheckAt.getTime()).toBe(Date.parse(NOW) + 20 * MINUTE);
    expect(reply).toContain('Checked every 2 h → every 15 min; next check at 2025-07-20 12:20 UTC.');
  });

  it('WHEN the same settings are given THEN it says nothing changed', async () => {
    const reply = await queue.run('/sources edit id:1 every:30m topic:syria-israel');
    expect(reply.tone).toBe('normal');
    expect(await queue.text('/sources edit id:1 every:30m')).toContain('#1 Levant Wire unchanged');
  });
});

describe('GIVEN a feed whose outlet an admin grades', () => {
  it('WHEN its items are proposed and approved THEN the card and the entry cite it with its letter, the report not judged yet; ungraded again, later ones carry none', async () => {
    await queue.run('/review channel');
    feeds.serve('/wire.xml', 'Med Wire', [BAKU]);
    const added = await queue.text(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true reliability:b`);
    expect(added).toContain('Its outlet is graded B (usually reliable): entries approved from it cite it as B6, the report not judged yet.');
    await queue.run('/sources check id:2');
    expect(queue.poster.posts.at(-1)!.text).toContain('Med Wire · B6 (usually reliable; the report not judged yet)');
    await queue.run('/review approve id:2');
    const entryId = queue.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
    expect(await queue.text(`/entry show id:${entryId}`, READER)).toMatch(/Med Wire <[^>]+> · B6 \(usually reliable; the report not judged yet\) — according to Med Wire/);
    expect(await queue.text('/sources list', READER)).toContain('every 30 min · no keywords (every item) · reliability B');

    const ungraded = await queue.text('/sources edit id:2 reliability:none');
    expect(ungraded).toContain('Reliability: B (usually reliable) → not graded; from now on entries approved from its items cite it ungraded, those waiting in the queue included.');
    feeds.serve('/wire.xml', 'Med Wire', [BAKU, PARIS]);
    queue.advance(30 * MINUTE);
    await queue.run('/sources check id:2');
    const card = queue.poster.posts.at(-1)!.text;
    expect(card).toContain('Al-Shaibani and Dermer meet in Paris');
    expect(card).not.toContain('B6');
  });

  it('WHEN a feed is graded after its items were proposed THEN those waiting take the grade, each report its own feed’s', async () => {
    feeds.serve('/med.xml', 'Mediterranean Dispatch', [BAKU_ELSEWHERE]);
    feeds.serve('/wire.xml', 'Med Wire', [BAKU]);
    await queue.run(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`);
    await queue.run(`/sources add url:${feeds.url('/med.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:2');
    await queue.run('/sources check id:3');
    expect(await queue.text('/review show id:2', READER)).toMatch(/Outlet +Med Wire\n/);
    expect(await queue.text('/sources edit id:2 reliability:A')).toContain('from now on entries approved from its items cite it as A6, those waiting in the queue included.');
    await queue.run('/sources edit id:3 reliability:E');
    const card = await queue.text('/review show id:2', READER);
    expect(card).toContain('Med Wire · A6 (completely reliable; the report not judged yet)');
    expect(card).toContain('Mediterranean Dispatch <https://med.example/world/2025/07/18/israel-syria-baku> · E6 — ');
    await queue.run('/review approve id:2');
    const entryId = queue.app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number;
    const entry = await queue.text(`/entry show id:${entryId}`, READER);
    expect(entry).toMatch(/Med Wire <[^>]+> · A6 \(completely reliable; the report not judged yet\) — according to Med Wire/);
    expect(entry).toMatch(/Mediterranean Dispatch <[^>]+> · E6 \(unreliable; the report not judged yet\) — according to Mediterranean Dispatch/);
  });

  it('WHEN the letter is not A–F THEN it is refused and nothing is stored', async () => {
    const before = storeFingerprint(queue.app.db);
    expect(await queue.text(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel reliability:G`)).toContain('must be one of: A, B, C, D, E, F — got `G`');
    expect(await queue.text('/sources edit id:1 reliability:7')).toContain('must be one of: A, B, C, D, E, F, none');
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });
});

describe('GIVEN bad input to /sources edit', () => {
  it('WHEN several values are wrong THEN one refusal names them all, and nothing is changed', async () => {
    const before = storeFingerprint(queue.app.db);
    const view = await queue.run('/sources edit id:1 every:5m keywords:", ," topic:"Syria Israel"');
    expect(view.tone).toBe('error');
    const text = await queue.text('/sources edit id:1 every:5m keywords:", ," topic:"Syria Israel"');
    expect(text).toContain('Option `topic` must be a slug');
    expect(text).toContain('Option `keywords` holds no word to match');
    expect(text).toContain('Option `every` must be at least 15 minutes');
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });

  it('WHEN nothing to change is given, the source is unknown, or a reader asks THEN each is refused and nothing is changed', async () => {
    const before = storeFingerprint(queue.app.db);
    expect(await queue.text('/sources edit id:1')).toContain('Say what to change: url:, topic:, keywords:, every:, reliability: or outlet:.');
    expect(await queue.text('/sources edit id:9 every:1h')).toContain('There is no source #9');
    expect((await queue.run('/sources edit id:1 every:1h', READER)).tone).toBe('error');
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });
});
