import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import type { EntryDetail } from '../../src/core/domain.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

// The seed dossier says what its article (shared/seeds/000_bdd69b9157b716e2.txt) says: each case
// is one the article was found not to support, by the entry's number in the seed.
let app: TestApp;
const reader: Caller = { platform: 'console', userId: 'reader', workspaceId: '', displayName: 'reader' };
const run = async (text: string) => viewText(await app.dispatcher.runText(text, reader));
const entry = (id: number): EntryDetail => app.dossier.getEntry(id)!;
const roles = (id: number) => entry(id).actors.map((a) => `${a.name}:${a.role}`);
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app.dispose());

describe('GIVEN a new store seeded from the Paris-talks article', () => {
  it('THEN #13, a diplomat’s forecast that Barrack “would facilitate” talks, is a statement with no place, not talks held in Paris', () => {
    expect(entry(13)).toMatchObject({ title: 'Diplomat: Barrack to facilitate al-Shaibani–Dermer talks', eventType: 'statement', places: [], confidence: 'reported' });
    expect(entry(13).summary).toContain('a forecast, not talks that took place');
    expect(entry(13).sources[0]).toMatchObject({ outlet: 'AFP', attribution: 'Senior diplomat, to AFP', grade: 'F3' });
  });

  it('THEN #11, al-Sharaa’s visit to Azerbaijan, is a visit reported once, dated and placed by the meeting it coincided with', () => {
    expect(entry(11)).toMatchObject({ eventType: 'other', confidence: 'reported', places: ['Baku', 'Azerbaijan'], start: { year: 2025, month: 7, day: 12 } });
    expect(entry(11).summary).toContain('Inferred: the date and the place, those of the Baku meeting');
  });

  it('THEN #8, “Damascus has previously acknowledged”, has no place and a span marked as inferred', () => {
    expect(entry(8)).toMatchObject({ places: [], start: { year: 2024, month: 12 }, end: { year: 2025, month: 7 } });
    expect(entry(8).summary).toMatch(/Inferred: the date\. The report says only “previously”/);
  });

  it('THEN #9 does not centre the violence on Sweida, and marks its date as inferred', () => {
    expect(entry(9)).toMatchObject({ places: ['Southern Syria'], actors: [] });
    expect(entry(9).summary).not.toMatch(/Sweida|centred/);
    expect(entry(9).summary).toContain('Inferred: the date (the report says only “recent”');
  });

  it('THEN #17 is attributed to “the Syrian side”, as the article says, with its date marked as inferred', () => {
    expect(entry(17).sources).toEqual([{ outlet: 'News report, 26 Jul 2025', attribution: 'The Syrian side, as reported by the outlet', published: '2025-07-26', grade: 'F6' }]);
    expect(entry(17).start).toEqual({ year: 2025, month: 7 });
    expect(entry(17).summary).toContain('Inferred: the date, July 2025; the report gives none');
  });

  it('THEN #7, the incursions the article calls ongoing, has no end', () => {
    expect(entry(7).end).toBeUndefined();
    expect(entry(7).tags).toContain('ongoing');
  });

  it('THEN #10 confirms the strikes and records Israel’s stated motives as its claim', async () => {
    expect(entry(10).confidence).toBe('confirmed');
    expect(entry(10).summary).not.toContain('in support of the Druze');
    const shown = await run('/entry show 10');
    expect(shown).toMatch(/Claims\n\s+Israel claims · Jul 2025 · News report, 26 Jul 2025 — Israel, as reported by the outlet — Its actions were both in support of the Druze minority/);
  });

  it('THEN #12, the Baku meeting, gives Azerbaijan no host role', () => {
    expect(roles(12)).toEqual(['Syria:participant', 'Israel:participant', 'Ahmed al-Sharaa:subject']);
  });

  it('THEN the Paris talks carry the confirmations the article attributes, as claims, and their sources graded', async () => {
    const shown = await run('/entry show 15');
    expect(shown).toContain('Syrian state television · F2 (reliability cannot be judged; probably true) — Syrian diplomatic source, to state television (26 Jul 2025)');
    expect(shown).toContain('Tom Barrack confirms · 24 Jul 2025 · News report, 26 Jul 2025 · B1');
    expect(shown).toContain('Syria confirms · 26 Jul 2025 · Syrian state television · F1');
    expect(await run('/actor Barrack')).toMatch(/Claims on entries \(1 in all\)\n\s+#15 US-mediated Syria–Israel talks in Paris: confirms · 24 Jul 2025/);
  });

  it('THEN /search Damascus finds the entries that name Damascus, not every Syria entry through an alias', async () => {
    expect(await run('/actor Syria')).not.toMatch(/Also known as.*Damascus/);
    const found = await run('/search Damascus');
    expect(found).toContain('Showing 1 to 2 of 2 results.');
    expect(found).toContain('#8 Damascus acknowledges');
    expect(found).toContain('#10 Israeli strikes in Damascus');
  });

  it('THEN /search Assad finds Bashar al-Assad, not the foreign minister Asaad al-Shaibani', async () => {
    const found = await run('/search Assad');
    expect(found).not.toContain('#13');
    expect(found).toContain('#4 Overthrow of Bashar al-Assad');
  });

  it('THEN every entry marked as holding an inference says what it inferred, and only those', () => {
    for (let id = 1; id <= 17; id++) expect(entry(id).tags.includes('inferred'), `#${id}`).toBe(entry(id).summary.includes('Inferred:'));
  });
});
