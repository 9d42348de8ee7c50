// GIVEN a feed on the local server WHEN an admin watches it and checks it THEN its items become
// candidates, posted as cards in the review channel, and an approved one is an ordinary entry.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { OPERATOR, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import { BAKU, OLD, PARIS, QUNEITRA_STRIKE, SWEIDA } from './support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN a watched feed and a review channel', () => {
  it('WHEN checked with backfill THEN the last week’s items are proposed, carded in the channel, and one approves as an entry with its history', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU, OLD]);
    expect(await queue.text('/review channel')).toContain('Review channel set');
    const added = await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    const id = QueueApp.idAfter(added, 'Watching');

    const checked = await queue.text(`/sources check id:${id}`);
    expect(checked).toContain('4 items: 4 new (3 proposed, 1 recorded), 0 seen before');
    expect(checked).toMatch(/proposed → candidate #\d+: Syria and Israel hold de-escalation talks in Baku/);
    expect(checked).toMatch(/recorded: Analysis: the Golan buffer zone since December \(first check: older than the 7 days/);

    const cards = queue.poster.posts.filter((p) => p.channelId === 'review');
    expect(cards.map((c) => c.view.title).sort()).toEqual([BAKU.title, SWEIDA.title, PARIS.title].sort());
    const card = cards.find((c) => c.view.title === BAKU.title)!;
    expect(card.view.buttons?.map((b) => [b.label, b.action.kind, b.audience])).toEqual([
      ['Approve #3', 'run', 'admins'],
      ['Edit #3', 'form', 'admins'],
      ['Reject #3', 'run', 'admins'],
      ['Attach #3 to entry', 'form', 'admins'],
    ]);
    expect(card.text).toContain('Outlet     Levant Wire');
    expect(card.text).toContain('Link       Read on Levant Wire <https://levant.example/2025/07/18/baku-talks>');
    expect(card.text).toContain('Published  2025-07-18 14:05 UTC');
    expect(card.text).toContain('Actors     Syria, Israel, Ron Dermer');
    expect(card.text).toContain('Places     Baku');
    expect(card.text).toContain('Type       Talks/negotiation');
    expect(card.text).toContain('Date       18 Jul 2025');
    const candidate = QueueApp.idAfter(card.text, 'Candidate');

    const approved = await queue.run(`/review approve id:${candidate}`);
    expect(approved.tone).toBe('success');
    const approvedText = await queue.text(`/review show id:${candidate}`);
    expect(approvedText).toMatch(/Decided +Approved by ana \(Discord\) at 2025-07-20 12:00 UTC → entry #18/);
    expect(approvedText).not.toContain('Approve:');

    const timeline = await queue.text('/timeline since:2025-07-18 until:2025-07-18', READER);
    expect(timeline).toContain('Syria and Israel hold de-escalation talks in Baku');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('Date        18 Jul 2025');
    expect(entry).toContain('Levant Wire <https://levant.example/2025/07/18/baku-talks> — according to Levant Wire (18 Jul 2025)');
    expect(entry).toContain('Ron Dermer — participant');
    const history = await queue.text('/entry history 18', READER);
    expect(history).toContain(`create by ana (Discord) (from the review queue: candidate #${candidate}, reported by Levant Wire)`);
    // An ordinary entry: undo knows it as first added, and edits apply as to any other.
    expect(await queue.text('/entry edit id:18 confidence:confirmed')).toContain('Updated #18: confidence.');
    // The approved entry's sources, read back from the store, are no change of their own.
    expect(await queue.text('/entry undo 18')).toMatch(/Took back r\d+ \(confidence\)\./);
  });

  it('WHEN an admin approves with fields typed THEN the entry takes them over the suggestion', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    const reply = await queue.text('/review approve id:1 type:agreement actors:"Tom Barrack:mediator, Israel:participant" confidence:confirmed title:"Sweida ceasefire agreed"', OPERATOR);
    expect(reply).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18');
    expect(entry).toMatch(/^#18 Sweida ceasefire agreed/);
    expect(entry).toContain('Type        Agreement');
    expect(entry).toContain('Confidence  confirmed');
    expect(entry).toContain('Tom Barrack — mediator');
  });

  it('WHEN an item gives a death toll THEN the card suggests it and the entry records it from the outlet, unless the admin gives other figures', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [QUNEITRA_STRIKE, BAKU]);
    expect(await queue.text('/review channel')).toContain('Review channel set');
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    const cards = queue.poster.posts.filter((p) => p.channelId === 'review');
    const strike = cards.find((c) => c.view.title === QUNEITRA_STRIKE.title)!;
    expect(strike.text).toContain('Type        Air/drone strike');
    expect(strike.text).toContain('Fatalities  3, as the item gives them (from Levant Wire; fatalities:none on approve if wrong)');
    expect(cards.find((c) => c.view.title === BAKU.title)!.text).not.toContain('Fatalities');

    expect(await queue.text(`/review approve id:${QueueApp.idAfter(strike.text, 'Candidate')}`)).toContain('Approved: added as entry #18.');
    expect(await queue.text('/entry show 18', READER)).toContain('Fatalities  3 — Levant Wire');
    const other = QueueApp.idAfter(cards.find((c) => c.view.title === BAKU.title)!.text, 'Candidate');
    expect(await queue.text(`/review approve id:${other} fatalities:"0-1-2" fatalities_source:"Health ministry"`)).toContain('Approved: added as entry #19.');
    expect(await queue.text('/entry show 19', READER)).toContain('Fatalities  1 (0 to 2) — Health ministry');
  });

  it('WHEN the suggested death toll is wrong THEN fatalities:none approves the entry without figures', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [QUNEITRA_STRIKE]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    expect(await queue.text('/review show id:1')).toContain('Fatalities  3, as the item gives them (from Levant Wire; fatalities:none on approve if wrong)');
    expect(await queue.text('/review approve id:1 fatalities:None')).toContain('Approved: added as entry #18.');
    expect(await queue.text('/entry show 18', READER)).not.toContain('Fatalities');
  });

  it('WHEN an admin approves with other figures, places or actors THEN the reply shows what the entry holds, not the suggestion', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [QUNEITRA_STRIKE, BAKU]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    const figures = await queue.text('/review approve id:1 fatalities:"6"');
    expect(figures).toContain('Fatalities  6 — Levant Wire');
    expect(figures).not.toContain('as the item gives them');
    const placed = await queue.text('/review approve id:2 places:"Zzyzxville" located:false actors:"Israel:initiator" type:statement');
    expect(placed).toContain('Approved: added as entry #19.');
    expect(placed).toMatch(/Places +Zzyzxville\n/);
    expect(placed).toMatch(/Actors +Israel \(initiator\)\n/);
    expect(placed).toMatch(/Type +Statement/);
    expect(placed).not.toMatch(/Places .*Baku/);
  });

  it('WHEN the suggested actors or places are wrong THEN actors:none and places:none approve the entry without them', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    expect(await queue.text('/review show id:1')).toMatch(/Actors +Syria, Israel/);
    const reply = await queue.text('/review approve id:1 actors:none places:None');
    expect(reply).toContain('Approved: added as entry #18.');
    expect(reply).toMatch(/Actors +—\n/);
    expect(reply).toMatch(/Places +—\n/);
    expect(queue.app.db.prepare('SELECT count(*) FROM entry_actors WHERE entry_id = 18').pluck().get()).toBe(0);
    expect(queue.app.db.prepare('SELECT count(*) FROM entry_places WHERE entry_id = 18').pluck().get()).toBe(0);
  });

  it('WHEN a bad field is given to approve THEN the refusal names it and nothing is written', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    const before = storeFingerprint(queue.app.db);
    const refused = await queue.run('/review approve id:1 actors:"Nobody Known:participant"');
    expect(refused.tone).toBe('error');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    const missing = await queue.text('/review approve id:99');
    expect(missing).toContain('There is no candidate #99 (option `id`).');
  });

  it('WHEN the item is dated ahead, or the admin gives a day after today THEN approval is refused saying so, and nothing is written', async () => {
    const ahead = { ...SWEIDA, guid: 'levant-ahead', link: 'https://levant.example/2025/07/22/ahead', published: '2025-07-22T08:30:00Z' };
    feeds.serve('/levant.xml', 'Levant Wire', [ahead, BAKU]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.run(`/sources check id:${id}`);
    const before = storeFingerprint(queue.app.db);
    const list = await queue.text('/review list');
    const aheadId = Number(/#(\d+)` Ceasefire announced in Sweida/.exec(list)![1]);
    const bakuId = Number(/#(\d+)` Syria and Israel hold de-escalation talks/.exec(list)![1]);
    const refused = await queue.text(`/review approve id:${aheadId}`);
    expect(refused).toContain('Option `date` is in the future — got `22 Jul 2025`; today is 20 Jul 2025 (UTC).');
    expect(refused).toContain('The item is dated so: give the day the event happened with `date:`.');
    expect(await queue.text(`/review approve id:${bakuId} date:2025-07-21`)).toContain('Option `date` is in the future — got `21 Jul 2025`');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    // The item's publication is ahead too: the entry's source may not say so.
    const published = await queue.text(`/review approve id:${aheadId} date:2025-07-19`);
    expect(published).toContain('Option `published` is in the future — got `22 Jul 2025`');
    expect(published).toContain('The item is dated so: give the day it was published with `published:`.');
    expect(storeFingerprint(queue.app.db)).toBe(before);
    expect(await queue.text(`/review approve id:${aheadId} date:2025-07-19 published:2025-07-19`)).toContain('Approved: added as entry #18.');
  });

  it('WHEN the first check runs without backfill THEN it proposes nothing; items arriving later are proposed', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`, OPERATOR), 'Watching');
    expect(await queue.text(`/sources check id:${id}`, OPERATOR)).toContain('2 items: 2 new (2 recorded), 0 seen before');
    expect(await queue.text('/review list', READER)).toContain('No candidate is waiting for review.');

    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    queue.advance(30 * 60_000);
    const second = await queue.text(`/sources check id:${id}`, OPERATOR);
    expect(second).toContain('3 items: 1 new (1 proposed), 2 seen before');
    const list = await queue.text('/review list', READER);
    expect(list).toContain('1 candidate waiting');
    expect(list).toContain('`#1` Al-Shaibani and Dermer meet in Paris, sources say');
    // Who and where the card suggests, to triage by without opening it.
    expect(list).toContain('Asaad al-Shaibani, Ron Dermer, Syria and 2 more · in Paris');
  });

  it('WHEN the source has keywords THEN an item naming none is filtered out, kept, and /sources why says by which rule', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    const add = `/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true keywords:'ceasefire, "al-Sharaa"'`;
    const id = QueueApp.idAfter(await queue.text(add), 'Watching');
    await queue.run(`/sources check id:${id}`);
    const why = await queue.text(`/sources why id:${id}`, READER);
    expect(why).toContain('2 items: 2 new (1 proposed, 1 filtered out), 0 seen before');
    expect(why).toContain('proposed → candidate #1: Ceasefire announced in Sweida after days of clashes (matched ceasefire)');
    expect(why).toContain('filtered out: Syria and Israel hold de-escalation talks in Baku (matched none of the keywords: ceasefire, al-Sharaa)');
    const list = await queue.text('/sources list', READER);
    expect(list).toContain('keywords: ceasefire, al-Sharaa');
    expect(list).toMatch(/last check 2025-07-20 12:00 UTC · last new item 2025-07-20 12:00 UTC/);
  });

  it('WHEN many feeds are watched THEN /sources list shows them a page at a time, by topic if asked', async () => {
    for (let n = 1; n <= 12; n++) await queue.run(`/sources add url:${feeds.url(`/feed-${n}.xml`)} topic:${n <= 9 ? 'syria-israel' : 'lebanon'}`);
    const first = await queue.text('/sources list', READER);
    expect(first).toContain('Sources (12)');
    expect(first).toContain('`#10` ');
    expect(first).not.toContain('`#11` ');
    expect(first).toContain('Page 1 of 2.\nNext page: /sources list page:2');
    const second = await queue.text('/sources list page:2', READER);
    expect(second).toContain('`#12` ');
    expect(second).not.toContain('`#1` ');
    const lebanon = await queue.text('/sources list topic:lebanon', READER);
    expect(lebanon).toContain('Sources — lebanon (3)');
    expect(lebanon).not.toContain('Next page');
    expect(await queue.text('/sources list page:3', READER)).toContain('There are 2 pages of sources.');
  });

  it('WHEN the feed holds HTML and mention syntax THEN the card keeps it as inert text in spans', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [{ ...SWEIDA, title: 'Ceasefire @everyone <@&123>', summary: '<p>Truce <b>holds</b> in Sweida</p><script>alert(1)</script>' }]);
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    await queue.text('/review channel');
    await queue.run(`/sources check id:${id}`);
    const card = queue.poster.posts.at(-1)!;
    expect(card.view.title).toBe('Ceasefire @everyone <@&123>');
    expect(card.text).toContain('Truce holds in Sweida');
    expect(card.text).not.toContain('<p>');
    expect(card.text).not.toContain('alert(1)');
  });
});

describe('GIVEN bad input to /sources add', () => {
  it.each([
    ['every:5m', 'Option `every` must be at least 15 minutes'],
    ['every:soon', 'Option `every` must be a duration like 30m, 1h or 1h30m'],
    ['every:2d', 'Option `every` may be at most 24 hours'],
    ['every:often', 'Option `every` must be a duration'],
    ['every:25h', 'Option `every` may be at most 24 hours'],
    ['keywords:", ,"', 'Option `keywords` holds no word to match'],
  ])('WHEN given %s THEN it is refused, naming the option, and nothing is stored', async (option, message) => {
    const before = storeFingerprint(queue.app.db);
    const view = await queue.run(`/sources add url:${feeds.url('/x.xml')} topic:syria-israel ${option}`);
    expect(view.tone).toBe('error');
    expect(await queue.text(`/sources add url:${feeds.url('/x.xml')} topic:syria-israel ${option}`)).toContain(message);
    expect(storeFingerprint(queue.app.db)).toBe(before);
  });

  it('WHEN several values are wrong THEN one refusal names them all', async () => {
    const text = await queue.text('/sources add url:ftp://news.example/rss topic:"Syria Israel" every:5m');
    expect(text).toContain("Option `url` must be the feed's full address");
    expect(text).toContain('Option `topic` must be a slug');
    expect(text).toContain('Option `every` must be at least 15 minutes');
    expect(queue.app.services.sources.list()).toEqual([]);
  });

  it('WHEN the address is not http(s), the topic not a slug, or the feed watched already THEN each is refused by name', async () => {
    expect(await queue.text('/sources add url:ftp://news.example/rss topic:syria-israel')).toContain('Option `url` must be the feed\'s full address');
    expect(await queue.text(`/sources add url:${feeds.url('/a.xml')} topic:"Syria Israel"`)).toContain('Option `topic` must be a slug');
    await queue.run(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`);
    expect(await queue.text(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`)).toContain('This feed is watched already, as source #1 (option `url`).');
    expect(await queue.text('/sources add url:https://news.example/rss.xml topic:syria-israel', READER)).toContain('is for Sitrep admins only.');
  });

  it('WHEN keywords hold a `*` other than at the end of a term THEN add and edit refuse them, saying where `*` goes, and change nothing', async () => {
    const refused = await queue.text(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel keywords:'neg*tiate'`);
    expect(refused).toContain('Option `keywords`: `*` is allowed only at the end of a word, the last of its term, for any ending — got `neg*tiate`.');
    expect(queue.app.services.sources.list()).toEqual([]);
    await queue.run(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel keywords:'negotiat*'`);
    const edit = await queue.text(`/sources edit id:1 keywords:'ceasefire, -*opinion, "peace* talks"'`);
    expect(edit).toContain('got `-*opinion`, `peace* talks`.');
    // Too few letters before `*` would match almost every item.
    expect(await queue.text(`/sources edit id:1 keywords:'ne*, ceasefire'`)).toContain('Option `keywords`: give at least 3 letters before `*` — got `ne*`.');
    expect(queue.app.services.sources.get(1)?.keywords).toBe('negotiat*');
  });

  it('WHEN a watched feed is added again with a fragment THEN it is refused as watched already; a new one is watched at its address without the fragment', async () => {
    feeds.serve('/a.xml', 'Levant Wire', [SWEIDA]);
    await queue.run(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`);
    expect(await queue.text(`/sources add url:${feeds.url('/a.xml')}#frag topic:syria-israel`)).toContain('This feed is watched already, as source #1 (option `url`).');
    feeds.serve('/b.xml', 'Mediterranean Dispatch', [SWEIDA]);
    const added = await queue.text(`/sources add url:${feeds.url('/b.xml')}#top topic:syria-israel`);
    expect(added).toContain(`Sitrep checks ${feeds.url('/b.xml')} every`);
    expect(queue.app.services.sources.list().map((source) => source.url)).toEqual([feeds.url('/a.xml'), feeds.url('/b.xml')]);
  });
});
