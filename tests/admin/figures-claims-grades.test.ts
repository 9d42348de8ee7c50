import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const clock = new Date('2026-03-01T10:00:00Z');
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));
const refusal = (text: string) => app.dispatcher.dispatchText(text, admin);
beforeEach(() => {
  app = createTestApp('slack:U1', () => clock);
});
afterEach(() => app.dispose());

const ADD = '/entry add title:"Clashes near Quneitra" date:2025-08-05 type:armed-clash topic:syria-israel places:Quneitra actors:"Israel:initiator, Syria:target"';

describe('GIVEN fatality figures on entries', () => {
  it('WHEN an admin gives low-best-high with its source THEN /entry show says them, and /timeline sums what it shows', async () => {
    expect(await run(`${ADD} fatalities:"3-5-9" fatalities_source:"Health ministry, to AFP" outlet:AFP grade:b2`)).toMatch(
      /Fatalities\s+5 \(3 to 9\) — Health ministry, to AFP[\s\S]*Sources\n\s+AFP · B2/,
    );
    await run('/entry add title:"Strike on a depot" date:2025-08-06 type:air-strike topic:syria-israel fatalities:2 fatalities_source:"Local residents"');
    const timeline = await run('/timeline since:2025-08');
    expect(timeline).toContain('Fatalities on this page: 7 (5 to 11), from 2 entries with figures.');
    expect(timeline).toMatch(/#18 Clashes near Quneitra\n\s+5 Aug 2025 · Armed clash · reported · fatalities 5 \(3 to 9\)/);
    // Without figures on the page, the header says nothing of them.
    expect(await run('/timeline until:2024')).not.toContain('Fatalities');
  });

  it('WHEN low, best and high are one figure THEN it is stored and shown as the best estimate alone, with no range', async () => {
    expect(await run(`${ADD} fatalities:"12-12-12" fatalities_source:"Health ministry"`)).toMatch(/Fatalities\s+12 — Health ministry\n/);
    expect(app.db.prepare('SELECT low, best, high FROM entry_fatalities WHERE entry_id = 18').get()).toEqual({ low: null, best: 12, high: null });
  });

  it.each([
    ['fatalities:"9-5-12"', 'fatalities', 'Option `fatalities`: the low estimate (9) is above the best (5): low ≤ best ≤ high.'],
    ['fatalities:"3-5-4"', 'fatalities', 'Option `fatalities`: the high estimate (4) is below the best (5): low ≤ best ≤ high.'],
    ['fatalities:"about ten"', 'fatalities', 'Option `fatalities`: `about ten` is not a figure.'],
    ['fatalities:5', 'fatalities_source', 'Fatality figures need their source: add `fatalities_source`.'],
    ['fatalities_source:"Health ministry"', 'fatalities', 'Option `fatalities_source` says who gives the figures, but the entry has none'],
    ['outlet:AFP grade:G7', 'grade', 'Option `grade` must be a letter A–F (reliability of the source) and a digit 1–6'],
  ])('WHEN %s THEN the add is refused naming %s, and nothing is written', async (options, option, message) => {
    const before = storeFingerprint(app.db);
    const outcome = await refusal(`${ADD} ${options}`);
    expect(outcome.refusedOption).toBe(option);
    expect(viewText(outcome.view)).toContain(message);
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN figures are edited, then cleared THEN each is a revision and undo brings them back', async () => {
    await run(`${ADD} fatalities:5 fatalities_source:"Health ministry"`);
    expect(await run('/entry edit id:18 fatalities:"12 (10-15)"')).toMatch(/Updated #18: fatalities\.[\s\S]*Fatalities\s+12 \(10 to 15\) — Health ministry/);
    expect(await run('/entry edit id:18 clear:fatalities')).not.toContain('Fatalities');
    expect(await run('/entry undo id:18')).toContain('12 (10 to 15) — Health ministry');
  });

  it('WHEN figures are typed back as shown, with `to` or with a dash THEN they are read as low-best-high', async () => {
    await run(`${ADD} fatalities:5 fatalities_source:"Health ministry"`);
    expect(await run('/entry edit id:18 fatalities:"12 (10 to 15)"')).toMatch(/Fatalities\s+12 \(10 to 15\)/);
    expect(await run('/entry edit id:18 fatalities:"14 (11–16)"')).toMatch(/Fatalities\s+14 \(11 to 16\)/);
  });
});

describe('GIVEN claims on entries', () => {
  it('WHEN an actor denies an entry THEN /entry show lists the claim, a disputed entry says who disputes it, and /actor lists it', async () => {
    const recorded = await run('/entry claim id:10 actor:Syria stance:denies outlet:SANA grade:D4 date:2025-07-20 note:"Calls the strikes aggression"');
    expect(recorded).toContain('Recorded on #10: Syria denies it. `/entry undo id:10` takes it back.');
    expect(recorded).toContain('Syria denies · 20 Jul 2025 · SANA · D4 (not usually reliable; doubtful) — Calls the strikes aggression');
    expect(await run('/entry edit id:10 confidence:disputed')).toMatch(/Confidence\s+disputed — by Syria \(denies\)/);
    // Latest first: the seed's claim on the Paris talks is of 26 July.
    expect(await run('/actor Syria')).toMatch(/Claims on entries \(2 in all\)\n\s+#15 .*\n\s+#10 Israeli strikes in Damascus and Sweida province: denies · 20 Jul 2025 · SANA · D4/);
  });

  it('WHEN a disputed entry has no claim against it THEN it says how to record who disputes it', async () => {
    expect(await run('/entry edit id:2 confidence:disputed')).toContain('disputed — no claim on record says by whom: `/entry claim id:2');
  });

  it('WHEN a claim is recorded THEN it is a change like any other: in the history, taken back by undo, and refused twice', async () => {
    await run('/entry claim id:2 actor:Syria stance:disputes outlet:SANA date:2025-07');
    expect(await run('/entry history id:2')).toMatch(/edit by ed \(Slack\) — claims/);
    const before = storeFingerprint(app.db);
    const twice = await refusal('/entry claim id:2 actor:Syria stance:disputes outlet:SANA date:2025-07');
    expect(viewText(twice.view)).toContain('Entry #2 already records that Syria disputes it on that day through that source.');
    expect(storeFingerprint(app.db)).toEqual(before);
    expect(await run('/entry undo id:2')).not.toContain('Claims');
  });

  it('WHEN a claim comes without a date THEN it is dated today; without a source, or with an unknown stance, it is refused naming the option', async () => {
    expect(await run('/entry claim id:2 actor:Israel stance:confirms outlet:"Israeli army radio"')).toContain('Israel confirms · 1 Mar 2026 · Israeli army radio');
    const before = storeFingerprint(app.db);
    expect((await refusal('/entry claim id:2 actor:Israel stance:confirms')).refusedOption).toBe('source_url');
    expect((await refusal('/entry claim id:2 actor:Israel stance:suggests outlet:X')).refusedOption).toBe('stance');
    expect((await refusal('/entry claim id:2 actor:Israel stance:claims outlet:X grade:Z9')).refusedOption).toBe('grade');
    expect((await refusal('/entry claim id:2 actor:Nobody stance:claims outlet:X')).refusedOption).toBe('actor');
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN claims are recorded out of order THEN /entry show lists them by the day each was made', async () => {
    await run('/entry claim id:12 actor:Israel stance:denies outlet:"Army radio" date:2025-07-20');
    await run('/entry claim id:12 actor:Syria stance:confirms outlet:SANA date:2025-07-13');
    const shown = await run('/entry show id:12');
    expect(shown).toMatch(/Claims\n\s+Syria confirms[^\n]*13 Jul 2025[^\n]*\n\s+Israel denies[^\n]*20 Jul 2025/);
  });

  it('WHEN one claim is taken off THEN the others stay, the history says so, and undo puts it back; an unclear one is refused', async () => {
    await run('/entry claim id:12 actor:Israel stance:denies outlet:"Army radio" date:2025-07-14');
    await run('/entry claim id:12 actor:Israel stance:confirms outlet:"Army radio" date:2025-07-20');
    await run('/entry claim id:12 actor:Syria stance:confirms outlet:SANA date:2025-07-13');
    const before = storeFingerprint(app.db);
    const unclear = await run('/entry unclaim id:12 actor:Israel');
    expect(unclear).toContain('Israel has 2 claims on entry #12: say which with `stance`, `date` or `outlet`.');
    expect(unclear).toContain('They are: Israel denies (14 Jul 2025, Army radio); Israel confirms (20 Jul 2025, Army radio).');
    expect(await run('/entry unclaim id:12 actor:"Ron Dermer"')).toContain('Entry #12 records no such claim by Ron Dermer.');
    expect(storeFingerprint(app.db)).toEqual(before);
    const taken = await run('/entry unclaim id:12 actor:Israel stance:denies');
    expect(taken).toContain('Took off #12: Israel denies (14 Jul 2025, Army radio).');
    expect(taken).toMatch(/Claims\n\s+Syria confirms[^\n]*\n\s+Israel confirms/);
    expect(taken).not.toMatch(/Israel denies ·/);
    expect(await run('/entry history id:12')).toContain('claims');
    expect(await run('/entry undo id:12')).toMatch(/Israel denies · 14 Jul 2025/);
    // Alike but for their outlets: the outlet says which.
    await run('/entry claim id:12 actor:Israel stance:denies outlet:Haaretz date:2025-07-14');
    // Only what still tells them apart is asked for.
    const narrowed = await run('/entry unclaim id:12 actor:Israel stance:denies date:2025-07-14');
    expect(narrowed).toContain('Israel has 2 claims on entry #12 with that stance and date: say which with `outlet`.');
    expect(narrowed).not.toContain('Stances:');
    expect(await run('/entry unclaim id:12 actor:Israel stance:denies outlet:haaretz')).toContain('Took off #12: Israel denies (14 Jul 2025, Haaretz).');
  });

  it('WHEN the claiming actor is merged into another THEN the claim shows the actor kept, and again its own after an unmerge', async () => {
    await run('/actors add name:"Syrian presidency" kind:government-body');
    await run('/entry claim id:2 actor:"Syrian presidency" stance:claims outlet:SANA date:2025-07');
    await run('/actors merge from:"Syrian presidency" into:Syria');
    expect(await run('/entry show 2')).toContain('Syria claims · Jul 2025 · SANA');
    await run('/actors unmerge name:"Syrian presidency"');
    expect(await run('/entry show 2')).toContain('Syrian presidency claims · Jul 2025 · SANA');
  });
});
