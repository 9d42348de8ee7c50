// Past views through the real command layer, on the seed dossier edited at known (fake) times:
// /timeline as_of:, /entry show as_of: and /entry diff show the dossier as it stood at the end of
// a day, in the channel's digest zone or UTC, and never change the store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { NEXT_LABEL } from '../../src/core/interaction/texts.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { ana, ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;
const elsewhere: Caller = { ...ana, userId: 'bob', channelId: 'c2' };
const run = async (text: string, caller = ana) => desk.run(text, caller);
const text = async (line: string, caller = ana) => viewText(await run(line, caller));
const OLD_TITLE = 'Diplomat: Barrack to facilitate al-Shaibani–Dermer talks';
const NEW_TITLE = 'Barrack to host al-Shaibani–Dermer talks';

/** The seed dossier on 1 Jul, then an edit, a removal and an addition over the following days. */
beforeEach(async () => {
  desk = new ClockedDesk('2025-07-01T09:00:00Z');
  await desk.editAt('2025-07-03T12:00:00Z', `/entry edit id:13 title:"${NEW_TITLE}" confidence:confirmed`);
  // 20:00 UTC on 5 Jul is already 6 Jul in Tokyo.
  await desk.editAt('2025-07-05T20:00:00Z', '/entry remove id:3 reason:"duplicate of #8"');
  await desk.editAt('2025-07-08T10:00:00Z', '/entry add title:"Talks resume in Baku" date:2025-07 type:talks topic:syria-israel actors:"Syria:participant, Israel:participant" outlet:AFP');
  desk.setClock('2025-07-20T12:00:00Z');
});
afterEach(() => desk.dispose());

describe('GIVEN a dossier edited on known days', () => {
  it('WHEN the timeline is asked as of a day THEN it shows the entries as they stood at its end, saying it is a past view', async () => {
    const before = storeFingerprint(desk.app.db);
    const early = await text('/timeline as_of:2025-07-02 limit:25');
    expect(early).toContain('Timeline — as of the end of 2 Jul 2025 (UTC)');
    expect(early).toContain('A past view: the dossier as of the end of 2 Jul 2025 (UTC), rebuilt from its revisions. As it is now: `/timeline limit:25`');
    expect(early).toContain('Showing 1 to 17 of 17 entries.');
    expect(early).toContain(`#13 ${OLD_TITLE}`);
    expect(early).toContain('#3 1974 disengagement agreement');
    expect(early).not.toContain('#18 ');

    const later = await text('/timeline as_of:2025-07-06 limit:25');
    expect(later).toContain('Showing 1 to 16 of 16 entries.');
    expect(later).toContain(`#13 ${NEW_TITLE}`);
    expect(later).toMatch(/#13 .*\n\s+Jul 2025 · Statement · confirmed/);
    expect(later).not.toContain('#3 1974');

    const now = await text('/timeline limit:25');
    expect(now).toContain('#18 Talks resume in Baku');
    expect(storeFingerprint(desk.app.db)).toBe(before);
  });

  it("WHEN the channel's digests run in Tokyo THEN its days end there; elsewhere they end in UTC", async () => {
    const subscribed = await run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Tokyo');
    expect(subscribed.tone, viewText(subscribed)).not.toBe('error');
    const tokyo = await text('/timeline as_of:2025-07-05 limit:25');
    expect(tokyo).toContain('as of the end of 5 Jul 2025 (Asia/Tokyo)');
    expect(tokyo).toContain('#3 1974 disengagement agreement');
    const utc = await text('/timeline as_of:2025-07-05 limit:25', elsewhere);
    expect(utc).toContain('as of the end of 5 Jul 2025 (UTC)');
    expect(utc).not.toContain('#3 1974');
  });

  it("WHEN the channel's digests run in Tokyo THEN every instant a past view gives is in Tokyo time, as its header says", async () => {
    expect((await run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Tokyo')).tone).not.toBe('error');
    // Removed at 20:00 UTC on 5 Jul: 05:00 on the 6th in Tokyo.
    const removed = await text('/entry show id:3 as_of:2025-07-10');
    expect(removed).toContain('as of the end of 10 Jul 2025 (Asia/Tokyo)');
    expect(removed).toContain('Removed by then: by memory:ana at 2025-07-06 05:00 Asia/Tokyo — “duplicate of #8”.');
    expect(removed).toContain('last edited by memory:ana at 2025-07-06 05:00 Asia/Tokyo');
    const diff = await text('/entry diff id:3 from:2025-07-02 to:2025-07-07');
    expect(diff).toContain('Status: live → removed (by memory:ana at 2025-07-06 05:00 Asia/Tokyo: “duplicate of #8”)');
    expect(diff).toContain('1 revision in between; last by memory:ana at 2025-07-06 05:00 Asia/Tokyo.');
    const unborn = await run('/entry show id:18 as_of:2025-07-05');
    expect(viewText(unborn)).toContain('Entry #18 did not exist yet as of the end of 5 Jul 2025 (Asia/Tokyo): it was added at 2025-07-08 19:00 Asia/Tokyo.');
    expect(await text('/entry diff id:18 from:2025-07-02')).toContain('Not yet added as of the end of 2 Jul 2025 (Asia/Tokyo): added at 2025-07-08 19:00 Asia/Tokyo by memory:ana.');
    // Elsewhere, in UTC as before.
    expect(await text('/entry show id:3 as_of:2025-07-10', elsewhere)).toContain('Removed by then: by memory:ana at 2025-07-05 20:00 UTC — “duplicate of #8”.');
  });

  it('WHEN one entry is shown as of a day THEN its fields are those of then, with how many changes came since', async () => {
    const shown = await text('/entry show id:13 as_of:2025-07-02');
    expect(shown).toContain(`#13 ${OLD_TITLE} — as of the end of 2 Jul 2025 (UTC)`);
    expect(shown).toMatch(/Confidence\s+reported/);
    expect(shown).toContain('As it is now: `/entry show id:13`');
    expect(shown).toContain('1 revision · last edited by seed at 2025-07-01 09:00 UTC · 1 change since: `/entry diff id:13 from:2025-07-02`');

    const removed = await text('/entry show id:3 as_of:2025-07-10');
    expect(removed).toContain('Removed by then: by memory:ana at 2025-07-05 20:00 UTC — “duplicate of #8”.');

    const unborn = await run('/entry show id:18 as_of:2025-07-05');
    expect(unborn.tone).toBe('error');
    expect(viewText(unborn)).toContain('Entry #18 did not exist yet as of the end of 5 Jul 2025 (UTC): it was added at 2025-07-08 10:00 UTC.');
  });

  it('WHEN an entry is compared between two days THEN each changed field shows what it was and what it became', async () => {
    const diff = await text('/entry diff id:13 from:2025-07-02');
    expect(diff).toContain(`#13 ${NEW_TITLE} — from the end of 2 Jul 2025 (UTC) to now`);
    expect(diff).toContain('1 revision in between; last by memory:ana at 2025-07-03 12:00 UTC.');
    expect(diff).toContain(`Title: ${OLD_TITLE} → ${NEW_TITLE}`);
    expect(diff).toContain('Confidence: reported → confirmed');
    expect(diff).not.toContain('Summary:');

    const removal = await text('/entry diff id:3 from:2025-07-02 to:2025-07-06');
    expect(removal).toContain('Status: live → removed (by memory:ana at 2025-07-05 20:00 UTC: “duplicate of #8”)');

    const unchanged = await text('/entry diff id:12 from:2025-07-02 to:2025-07-10');
    expect(unchanged).toContain('No change between these dates.');

    const added = await text('/entry diff id:18 from:2025-07-02');
    expect(added).toContain('Not yet added as of the end of 2 Jul 2025 (UTC): added at 2025-07-08 10:00 UTC by memory:ana. As of now:');
    expect(added).toContain('Syria — participant');
  });

  it('WHEN fatality figures, a claim or a source grade changed THEN the diff shows them, not an edit and its undo', async () => {
    await desk.editAt('2025-07-10T10:00:00Z', '/entry edit id:12 fatalities:"10-12-15" fatalities_source:"Health ministry" grade:B2');
    await desk.editAt('2025-07-12T10:00:00Z', '/entry claim id:12 actor:Israel stance:denies date:2025-07-12 outlet:"Israeli army radio" grade:C3');
    desk.setClock('2025-07-20T12:00:00Z');
    const diff = await text('/entry diff id:12 from:2025-07-09');
    expect(diff).toContain('2 revisions in between; last by memory:ana at 2025-07-12 10:00 UTC.');
    expect(diff).toContain('Fatalities: none → 12 (10 to 15) — Health ministry');
    expect(diff).toContain('Sources: News report, 26 Jul 2025: grade F3 (reliability cannot be judged; possibly true) → B2 (usually reliable; probably true)');
    expect(diff).toContain('Claims: + Israel denies · 12 Jul 2025 · Israeli army radio · C3');
  });

  it('WHEN an entry is compared from today THEN today’s changes show, compared from the start of the day', async () => {
    await desk.editAt('2025-07-20T08:00:00Z', '/entry edit id:12 confidence:confirmed');
    desk.setClock('2025-07-20T12:00:00Z');
    const today = await text('/entry diff id:12 from:2025-07-20');
    expect(today).toContain('— from the start of 20 Jul 2025 (UTC) to now');
    expect(today).toContain('1 revision in between; last by memory:ana at 2025-07-20 08:00 UTC.');
    expect(today).toContain('Confidence: reported → confirmed');
    // `today` and `yesterday` are those days: in UTC here, in the zone of the channel's digests where it has some.
    expect(await text('/entry diff id:12 from:today')).toBe(today);
    expect(await text('/entry diff id:12 from:Yesterday')).toBe(await text('/entry diff id:12 from:2025-07-19'));
    const month = await text('/entry diff id:13 from:2025-07');
    expect(month).toContain('— from the start of Jul 2025 (UTC) to now');
    expect(month).toContain('Not yet added as of the start of Jul 2025 (UTC): added at 2025-07-01 09:00 UTC by seed. As of now:');
    // A claim's actor is named even when it is not one of the entry's actors (Syria, on the Paris talks).
    const claimed = await text('/entry diff id:15 from:2025-07');
    expect(claimed).toContain('US-mediated Syria–Israel talks in Paris');
    expect(claimed).toContain('    Syria confirms · 26 Jul 2025');
    desk.setClock('2025-07-20T20:00:00Z'); // 21 Jul in Tokyo
    expect(await text('/timeline as_of:yesterday limit:1')).toContain('as of the end of 19 Jul 2025 (UTC)');
    expect((await run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Tokyo')).tone).not.toBe('error');
    expect(await text('/timeline as_of:yesterday limit:1')).toContain('as of the end of 20 Jul 2025 (Asia/Tokyo)');
  });

  it('WHEN an actor filter is used THEN it matches the actors entries named then, actors merged into it by then included', async () => {
    await desk.editAt('2025-07-09T10:00:00Z', '/entry edit id:18 actors:"Syria:participant, Israel:participant, Tom Barrack:mediator"');
    await desk.editAt('2025-07-10T10:00:00Z', '/actors add name:"T. Barrack" kind:person');
    await desk.editAt('2025-07-10T11:00:00Z', '/entry edit id:12 actors:"Syria:participant, Israel:participant, T. Barrack:mediator"');
    await desk.editAt('2025-07-11T10:00:00Z', '/actors merge from:"T. Barrack" into:"Tom Barrack"');
    desk.setClock('2025-07-20T12:00:00Z');
    expect(await text('/timeline actor:"Tom Barrack" as_of:2025-07-08 limit:25')).not.toContain('#18 ');
    const ninth = await text('/timeline actor:"Tom Barrack" as_of:2025-07-09 limit:25');
    expect(ninth).toContain('#18 Talks resume in Baku');
    expect(ninth).not.toContain('#12 ');
    // On the 10th T. Barrack was still his own actor: #12 is his, not Tom Barrack's.
    const tenth = await text('/timeline actor:"Tom Barrack" as_of:2025-07-10 limit:25');
    expect(tenth).not.toContain('#12 ');
    expect(tenth).toContain('T. Barrack was its own actor then (merged into Tom Barrack later), so its entries are not counted here: `/timeline actor:"T. Barrack" as_of:2025-07-10 limit:25`');
    expect(await text('/timeline actor:"T. Barrack" as_of:2025-07-10 limit:25')).toMatch(/#12 Syrian and Israeli officials meet in Baku[^#]*T\. Barrack \(mediator\)/);
    const eleventh = await text('/timeline actor:"Tom Barrack" as_of:2025-07-11 limit:25');
    expect(eleventh).toMatch(/#12 Syrian and Israeli officials meet in Baku[^#]*Tom Barrack \(mediator\)/);
  });

  it('WHEN a located place filters a past timeline THEN it holds the entries at that place then, and those within a country', async () => {
    await desk.editAt('2025-07-09T10:00:00Z', '/entry edit id:18 places:Baku');
    desk.setClock('2025-07-20T12:00:00Z');
    const baku = await text('/timeline place:Baku as_of:2025-07-08 limit:25');
    expect(baku).toContain('Showing 1 to 2 of 2 entries.');
    expect(baku).toContain('#12 Syrian and Israeli officials meet in Baku');
    expect(baku).toContain('#11 al-Sharaa visits Azerbaijan');
    expect(await text('/timeline place:Baku as_of:2025-07-09 limit:25')).toContain('#18 Talks resume in Baku');
    const azerbaijan = await text('/timeline place:Azerbaijan as_of:2025-07-08 limit:25');
    expect(azerbaijan).toContain('Showing 1 to 2 of 2 entries.');
    // A topic beside the place: both apply.
    expect(await text('/timeline place:Baku type:talks as_of:2025-07-08 limit:25')).toContain('Showing 1 of 1 entry.');
  });

  it('WHEN an entry had fatality figures then THEN the past timeline shows them and adds them up, as the live one does', async () => {
    await desk.editAt('2025-07-09T10:00:00Z', '/entry edit id:10 fatalities:"20-25-30" fatalities_source:SOHR');
    await desk.editAt('2025-07-12T10:00:00Z', '/entry edit id:10 fatalities:"40" fatalities_source:SOHR');
    desk.setClock('2025-07-20T12:00:00Z');
    const then = await text('/timeline type:air-strike as_of:2025-07-10');
    expect(then).toContain('fatalities 25 (20 to 30)');
    expect(then).toContain('Fatalities on this page: 25 (20 to 30)');
    expect(await text('/timeline type:air-strike as_of:2025-07-08')).not.toContain('atalities');
  });

  it('WHEN a past timeline is paged THEN Next keeps the day', async () => {
    const platform = new MemoryPlatform(desk.app.dispatcher, desk.app.logger);
    const first = await platform.command('/timeline as_of:2025-07-02 limit:4', 'ana');
    expect(first.text).toContain('Showing 1 to 4 of 17 entries.');
    const second = await platform.press(first, NEXT_LABEL, 'ana');
    expect(second.text).toContain('Showing 5 to 8 of 17 entries.');
    expect(second.text).toContain('as of the end of 2 Jul 2025 (UTC)');
  });

  it('WHEN the day is before the dossier began THEN the reply says so; a future day is refused and nothing is written', async () => {
    const before = storeFingerprint(desk.app.db);
    const early = await run('/timeline as_of:2025-06-30');
    expect(early.tone).toBe('normal');
    expect(viewText(early)).toContain('The dossier did not exist yet as of the end of 30 Jun 2025 (UTC): its first entry was written on Tue 1 Jul 2025 09:00 UTC.');

    const future = await run('/timeline as_of:2025-07-21');
    expect(future.tone).toBe('error');
    expect(viewText(future)).toContain('Option `as_of` is in the future — got `21 Jul 2025`; today is 20 Jul 2025 (UTC).');
    const outcome = await desk.app.dispatcher.dispatchText('/entry diff id:13 from:2025-07-02 to:2025-08', ana, 'r1');
    expect(outcome.view.tone).toBe('error');
    expect(outcome.refusedOption).toBe('to');
    const swapped = await run('/entry diff id:13 from:2025-07-10 to:2025-07-02');
    expect(viewText(swapped)).toContain('Option `to` is before `from`; swap them.');
    expect(storeFingerprint(desk.app.db)).toBe(before);
  });

  it('WHEN the month asked is not over THEN the view is the dossier so far', async () => {
    const month = await text('/timeline as_of:2025-07 limit:25');
    expect(month).toContain('as of 20 Jul 2025, so far (UTC)');
    expect(month).toContain('#18 Talks resume in Baku');
    expect(await text('/timeline as_of:2025-07-02 limit:25 type:talks')).not.toContain('#18 ');
  });

  it('WHEN an entry is changed and changed back within one instant THEN every change is kept and the past view shows where it ended', async () => {
    // A clock that does not move: each span these changes open begins where the last one ended.
    const still = '2025-07-09T10:00:00Z';
    await desk.editAt(still, '/entry add title:"Envoys meet in Amman" date:2025-07-09 type:talks topic:syria-israel actors:"Syria:participant" places:Amman outlet:AFP');
    await desk.editAt(still, '/entry edit id:19 date:2025-07-07 type:statement');
    await desk.editAt(still, '/entry edit id:19 date:2025-07-09 type:talks');
    await desk.editAt(still, '/entry remove id:19 reason:"checking"');
    await desk.editAt(still, '/entry undo id:19');
    desk.setClock('2025-07-20T12:00:00Z');
    const past = await text('/timeline as_of:2025-07-10 type:talks actor:Syria');
    expect(past).toContain('#19 Envoys meet in Amman');
    expect(past).toMatch(/#19 .*\n\s+9 Jul 2025 · Talks/);
    expect(await text('/timeline as_of:2025-07-10 place:Amman')).toContain('#19 Envoys meet in Amman');
    expect(await text('/timeline as_of:2025-07-10 type:statement')).not.toContain('#19 ');
    expect(await text('/timeline as_of:2025-07-08')).not.toContain('#19 ');
  });
});
