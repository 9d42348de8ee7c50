// Numbers, figures and dates typed with Arabic-Indic (٠–٩) or Eastern Arabic-Indic (۰–۹) digits
// read as 0–9; and a day its month lacks gets the same hint written as shown (`30 Feb 2026`) as
// written as stored (`2026-02-30`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, operator)).replaceAll('`', '');
const ADD = '/entry add title:"Clashes in Sweida" type:armed-clash topic:syria-israel';

beforeEach(() => {
  const clock = new Date('2026-12-05T10:00:00Z');
  app = createTestApp('', () => clock);
});
afterEach(() => app.dispose());

describe('GIVEN a day its month does not have', () => {
  it('WHEN it is written as shown (30 Feb 2026, 31 Sept 2025) THEN the refusal says how many days the month has, as for 2026-02-30, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    expect(await text(`${ADD} date:"30 Feb 2026"`)).toContain('got 30 Feb 2026.\nFebruary 2026 has 28 days.');
    expect(await text(`${ADD} date:"31 Sept 2025"`)).toContain('got 31 Sept 2025.\nSeptember 2025 has 30 days.');
    expect(await text(`${ADD} date:2026-02-30`)).toContain('got 2026-02-30.\nFebruary 2026 has 28 days.');
    expect(await text(`${ADD} date:2026-13`)).toContain('There is no month 13: months run from 01 to 12.');
    expect(storeFingerprint(app.db)).toBe(before);
    // A leap year's 29 February is a day.
    expect(await text(`${ADD} date:"29 February 2024"`)).toContain('Added entry #18.');
  });
});

describe('GIVEN options typed with Arabic-Indic or Persian digits', () => {
  it('WHEN an entry is added with date:٢٠٢٥-٠٧-١٠ and fatalities:١٢ THEN it is dated 10 Jul 2025 with 12 killed', async () => {
    const said = await text(`${ADD} date:٢٠٢٥-٠٧-١٠ fatalities:١٢ fatalities_source:SOHR`);
    expect(said).toContain('Added entry #18.');
    expect(said).toContain('10 Jul 2025');
    expect(said).toContain('12 — SOHR');
  });

  it('WHEN figures are given in Persian digits as low-best-high THEN they are read as such', async () => {
    await text(`${ADD} date:2025-07-10`);
    expect(await text('/entry edit id:18 fatalities:"۱۰-۱۲-۱۵" fatalities_source:SOHR')).toContain('12 (10 to 15) — SOHR');
  });

  it('WHEN a whole number option (id, limit) is given in Arabic-Indic digits THEN it is read as that number', async () => {
    expect(await text('/entry show ١٢')).toContain('#12 ');
    expect(await text('/timeline limit:٣')).toContain('Showing 1 to 3 of 17 entries.');
  });

  it('WHEN an impossible day is typed in Arabic-Indic digits THEN the refusal repeats it as typed, with the month’s days', async () => {
    expect(await text(`${ADD} date:٢٠٢٥-٠٢-٣٠`)).toContain('got ٢٠٢٥-٠٢-٣٠.\nFebruary 2025 has 28 days.');
  });

  it('WHEN a figure mixes digits with letters THEN it is still refused as no figure, repeated as typed', async () => {
    expect(await text(`${ADD} date:2025-07-10 fatalities:"١٢ قتيلا" fatalities_source:SOHR`)).toContain('Option fatalities: ١٢ قتيلا is not a figure.');
  });
});
