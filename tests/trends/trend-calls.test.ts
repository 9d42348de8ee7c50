// Trend calls through the real command layer: /trend set (admins, one call per topic and day as
// the channel reads today), /trend show with and without a topic, and /trend suggest's figures on a dossier with
// entries dated in its two windows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE } from '../support/view-text.js';

let app: TestApp;
let clock: Date;
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const reader: Caller = { ...admin, userId: 'bob', displayName: 'Bob' };
const run = (line: string, caller = admin) => app.dispatcher.runText(line, caller);
const text = async (line: string, caller = admin) => viewText(await run(line, caller)).replaceAll('`', '');

beforeEach(() => {
  clock = new Date('2025-08-20T09:15:00Z');
  app = createTestApp('memory:ana', () => clock);
});
afterEach(() => app.dispose());

describe('GIVEN trend calls', () => {
  it('WHEN an admin calls a topic twice the same day THEN the second replaces the first, and the reply says what it replaced', async () => {
    const first = await run('/trend set topic:syria-israel direction:deteriorated alert:risk note:"Clashes in Sweida spread north"');
    expect(first.tone).toBe('success');
    expect(viewText(first)).toContain('deteriorated (conflict risk alert) — Clashes in Sweida spread north (20 Aug 2025, Ana (Memory))');
    clock = new Date('2025-08-20T16:40:00Z');
    const second = await text('/trend set topic:syria-israel direction:unchanged note:"Fighting contained by evening"');
    expect(second).toContain('unchanged — Fighting contained by evening (20 Aug 2025, Ana (Memory))');
    expect(second).toContain('It replaces the call Ana (Memory) made today at 09:15 UTC: deteriorated (conflict risk alert) — Clashes in Sweida spread north');
    clock = new Date('2025-08-21T08:00:00Z');
    await run('/trend set topic:syria-israel direction:improved alert:opportunity note:"Ceasefire holds"');

    const shown = await text('/trend show topic:syria-israel', reader);
    expect(shown).toContain('Latest: improved (resolution opportunity) — Ceasefire holds (21 Aug 2025, Ana (Memory))');
    expect(shown).toContain('Showing 1 to 2 of 2 calls.');
    expect(shown).toMatch(/Ceasefire holds[\s\S]*unchanged — Fighting contained by evening \(20 Aug 2025/);
    expect(shown).not.toContain('Clashes in Sweida spread north');
    // Typed as the calls are named: /trend topic:T is /trend show topic:T, and /trend alone lists every topic.
    expect(await text('/trend topic:syria-israel', reader)).toBe(shown);
    expect(await text('/trend', reader)).toContain('syria-israel: improved (resolution opportunity) — Ceasefire holds');
    expect(await text('/trend syria', reader)).toContain('/trend has no subcommand syria');
  });

  it('WHEN a newsroom whose digests run in Beirut calls at 01:30 and again at 10:00 there THEN it is one day’s call, corrected, dated by Beirut’s day', async () => {
    expect(viewText(await run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Beirut'))).not.toMatch(REFUSAL_TITLE);
    clock = new Date('2025-08-20T22:30:00Z');
    expect(await text('/trend set topic:syria-israel direction:deteriorated alert:risk note:"Sweida clashes spread"')).toContain('(21 Aug 2025, Ana (Memory))');
    clock = new Date('2025-08-21T07:00:00Z');
    const corrected = await text('/trend set topic:syria-israel direction:unchanged note:"Correction: ceasefire holding"');
    expect(corrected).toContain('It replaces the call Ana (Memory) made today at 01:30 Asia/Beirut: deteriorated');
    const shown = await text('/trend show topic:syria-israel', reader);
    expect(shown).toContain('Showing 1 of 1 call.');
    expect(shown).not.toContain('Sweida clashes spread');
  });

  it('WHEN /trend show has no topic THEN it lists the latest call of each topic, and names those without one', async () => {
    expect(await text('/trend show', reader)).toContain('No topic has a trend call yet.');
    await run('/entry add title:"Protests in Tartus" date:2025-08-18 type:protest topic:syria-coast outlet:AFP');
    await run('/trend set topic:syria-israel direction:deteriorated note:"Strikes near Damascus"');
    const listed = await text('/trend show', reader);
    expect(listed).toContain('The latest call of each topic (1 of 2).');
    expect(listed).toContain('syria-israel: deteriorated — Strikes near Damascus (20 Aug 2025, Ana (Memory))');
    expect(listed).toContain('No call yet: syria-coast.');
  });

  it('WHEN /trend show is asked for a page past the only one THEN it is refused as /timeline refuses one, naming the last page', async () => {
    await run('/entry add title:"Protests in Tartus" date:2025-08-18 type:protest topic:syria-coast outlet:AFP');
    await run('/trend set topic:syria-israel direction:deteriorated note:"Strikes near Damascus"');
    const refused = await run('/trend show page:7', reader);
    expect(refused.tone).toBe('error');
    expect(viewText(refused).replaceAll('`', '')).toContain('Option page is past the end — got 7.\nThere is 1 page of latest calls.\nLast page: /trend show');
    expect(await text('/trend show topic:syria-coast page:2', reader)).toContain('Option page is past the end — got 2.\nThere are no calls for syria-coast.');
    expect(await text('/trend show topic:syria-israel page:2', reader)).toContain('Option page is past the end — got 2.');
    expect(await text('/trend show page:1', reader)).toContain('syria-israel: deteriorated — Strikes near Damascus');
  });

  it('WHEN the topic is unknown or the caller is no admin THEN the call is refused, nothing written', async () => {
    const before = storeFingerprint(app.db);
    const typo = await app.dispatcher.dispatchText('/trend set topic:syria-isreal direction:improved note:"x"', admin, 'r1');
    expect(typo.view.tone).toBe('error');
    expect(typo.refusedOption).toBe('topic');
    expect(viewText(typo.view)).toContain('Closest topics: syria-israel.');
    expect(await text('/trend set topic:syria-israel direction:improved note:"x"', reader)).toContain('/trend set is for Sitrep admins only.');
    expect(await text('/trend set topic:syria-israel direction:better note:"x"')).toContain('Option direction');
    expect(await text('/trend set topic:syria-israel direction:improved note:"  "')).toContain('Option note of /trend set must be some text');
    expect(await text('/trend show topic:syria-isreal', reader)).toContain('Closest topics: syria-israel.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a suggestion is asked THEN it compares the last 30 days with the 30 before and proposes a direction with its figures', async () => {
    // 30 days before: 22 Jun – 21 Jul; last 30 days: 22 Jul – 20 Aug. A topic of its own, so
    // the seed's July entries stay out of the figures.
    const entries = [
      '2025-06-25 armed-clash', '2025-07-02 air-strike', '2025-07-19 talks',
      '2025-07-23 armed-clash', '2025-07-30 armed-clash', '2025-08-02 shelling', '2025-08-09 air-strike', '2025-08-15 armed-clash', '2025-08-20 air-strike',
    ];
    for (const [date, type] of entries.map((e) => e.split(' '))) {
      expect((await run(`/entry add title:"Event ${date} ${type}" date:${date} type:${type} topic:sudan outlet:AFP`)).tone).toBe('success');
    }
    const before = storeFingerprint(app.db);
    const suggested = await text('/trend suggest topic:sudan', reader);
    expect(suggested).toMatch(/Last 30 days\s+22 Jul 2025 – 20 Aug 2025: 6 entries: Armed clash 3, Air\/drone strike 2, Shelling 1/);
    expect(suggested).toMatch(/30 days before\s+22 Jun 2025 – 21 Jul 2025: 3 entries: Air\/drone strike 1, Armed clash 1, Talks\/negotiation 1/);
    expect(suggested).toMatch(/Armed clashes\s+1, then 3/);
    expect(suggested).toMatch(/Strikes\s+1, then 3 \(air\/drone strikes and shelling\)/);
    expect(suggested).toContain('deteriorated — Armed clashes and strikes rose from 2 to 6.');
    expect(suggested).toContain('To make it: /trend set topic:sudan direction:deteriorated note:"…"');
    expect(await text('/trend suggest topic:syria-israel', reader)).toMatch(/unchanged — (Too few armed clashes|Armed clashes and strikes held steady)/);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a suggestion runs up to a past day THEN it weighs the figures against the call in force that day, and names the latest apart', async () => {
    clock = new Date('2025-07-25T09:00:00Z');
    await run('/trend set topic:syria-israel direction:improved note:"Talks resume"');
    clock = new Date('2025-08-20T09:15:00Z');
    await run('/trend set topic:syria-israel direction:deteriorated note:"Clashes in Sweida"');
    const then = await text('/trend suggest topic:syria-israel until:2025-07-26', reader);
    expect(then).toContain('Entries counted by the day each starts, as the dossier holds them now (for the dossier as it stood then, /timeline as_of:)');
    expect(then).toMatch(/Call in force on 26 Jul 2025\n\s+improved — Talks resume \(25 Jul 2025, Ana \(Memory\)\)\s+Latest call\n\s+deteriorated — Clashes in Sweida \(20 Aug 2025/);
    const before = await text('/trend suggest topic:syria-israel until:2025-07-20', reader);
    expect(before).toMatch(/Call in force on 20 Jul 2025\n\s+None yet then\./);
    // A call is made for today: figures of a past day are not offered as one.
    expect(then).not.toContain('/trend set');
    expect(then).toContain('These figures end on 26 Jul 2025, and a call made now is dated today. Today\'s figures: /trend suggest topic:syria-israel');
  });

  it('WHEN the windows hold too few events to see a change THEN "unchanged" is not offered as a call to make', async () => {
    const suggested = await text('/trend suggest topic:syria-israel', reader);
    expect(suggested).toContain('unchanged — Too few armed clashes and strikes to see a change');
    expect(suggested).not.toContain('direction:unchanged');
    expect(suggested).toContain('Too few events to propose a call; one made on other grounds: /trend set topic:syria-israel direction:… note:"…"');
  });

  it('WHEN the topic has nothing in the last 60 days THEN the reply names its newest entry, and until: compares the 60 days up to it', async () => {
    clock = new Date('2026-12-03T10:00:00Z');
    const quiet = await text('/trend suggest topic:syria-israel', reader);
    expect(quiet).toMatch(/Last 30 days\s+4 Nov 2026 – 3 Dec 2026: 0 entries/);
    expect(quiet).toContain('No entry of syria-israel starts in these 60 days; its newest starts on 26 Jul 2025. Compare the 60 days up to it: /trend suggest topic:syria-israel until:2025-07-26');
    const then = await text('/trend suggest topic:syria-israel until:2025-07-26', reader);
    expect(then).toMatch(/Last 30 days\s+27 Jun 2025 – 26 Jul 2025: \d+ entries/);
    expect(then).not.toContain('No entry of syria-israel');
    // A month ends on its last day; a day to come is refused.
    expect(await text('/trend suggest topic:syria-israel until:2025-07', reader)).toMatch(/Last 30 days\s+2 Jul 2025 – 31 Jul 2025/);
    const future = await run('/trend suggest topic:syria-israel until:2027-01-01', reader);
    expect(future.tone).toBe('error');
    expect(viewText(future)).toContain('Option `until` is in the future — got `1 Jan 2027`; today is 3 Dec 2026 (UTC).');
    // Where the channel's digests run in Tokyo, its today is Tokyo's, already 4 Dec at 20:00 UTC.
    clock = new Date('2026-12-03T20:00:00Z');
    expect((await run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Tokyo')).tone).not.toBe('error');
    expect(await text('/trend suggest topic:syria-israel until:today')).toMatch(/Last 30 days\s+5 Nov 2026 – 4 Dec 2026/);
  });

  it('WHEN entries give fatality figures THEN the suggestion sums them per window, says how many entries carry them, and proposes from them', async () => {
    // Best estimates summed, low and high where given (else the best); a removed entry does not count.
    const entries = [
      '2025-06-25 armed-clash fatalities:4', '2025-07-02 air-strike fatalities:2-3-5', '2025-07-19 talks',
      '2025-07-23 armed-clash fatalities:10', '2025-08-02 armed-clash fatalities:8-12-20', '2025-08-09 shelling',
    ];
    for (const [date, type, figures] of entries.map((e) => e.split(' '))) {
      const given = figures ? ` ${figures} fatalities_source:"Medics, to AFP"` : '';
      expect((await run(`/entry add title:"Event ${date} ${type}" date:${date} type:${type} topic:sudan outlet:AFP${given}`)).tone).toBe('success');
    }
    const removed = viewText(await run('/entry add title:"Misdated massacre" date:2025-08-12 type:armed-clash topic:sudan outlet:AFP fatalities:100 fatalities_source:AFP'));
    const removedId = /Added entry #(\d+)/.exec(removed)![1];
    expect((await run(`/entry remove id:${removedId} reason:"duplicate"`)).tone).toBe('success');

    const suggested = await text('/trend suggest topic:sudan', reader);
    expect(suggested).toMatch(/Reported killed\s+7 \(6 to 9\) in 2 of 3 entries, then 22 \(18 to 30\) in 2 of 3 entries/);
    // Clashes and strikes (2, then 3) change too little to decide: the deaths do.
    expect(suggested).toContain('deteriorated — People reported killed rose from 7 to 22.');

    const withoutFigures = await text('/trend suggest topic:syria-israel', reader);
    expect(withoutFigures).not.toContain('Reported killed');
  });

  it('WHEN fatality figures come from too few entries THEN the proposal does not rest on them, and says how few carry them', async () => {
    // One figure among 2 entries, then one entry's 0 among 4: an unknown toll is not zero.
    const entries = [
      '2025-06-25 armed-clash fatalities:3', '2025-07-02 statement',
      '2025-07-23 armed-clash fatalities:0', '2025-07-30 talks', '2025-08-02 statement', '2025-08-09 protest',
    ];
    for (const [date, type, figures] of entries.map((e) => e.split(' '))) {
      const given = figures ? ` ${figures} fatalities_source:"Medics, to AFP"` : '';
      expect((await run(`/entry add title:"Event ${date} ${type}" date:${date} type:${type} topic:sudan outlet:AFP${given}`)).tone).toBe('success');
    }
    const suggested = await text('/trend suggest topic:sudan', reader);
    expect(suggested).toMatch(/Reported killed\s+3 in 1 of 2 entries, then 0 in 1 of 4 entries/);
    expect(suggested).not.toContain('improved');
    expect(suggested).toContain(
      'unchanged — Too few armed clashes and strikes to see a change (1, then 1). People reported killed are left aside: figures come from too few entries to go by (1 of 2 entries, then 1 of 4 entries).',
    );
  });
});
