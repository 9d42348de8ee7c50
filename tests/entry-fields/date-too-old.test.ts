// GIVEN an admin typing a year with a slip (1025 for 2025) or a year of three digits or fewer WHEN
// an entry is added or edited, or a claim made, THEN the date is refused, saying the earliest year
// Sitrep dates events in and the year probably meant, and nothing is written. Background since
// EARLIEST_YEAR (the seed's 1974 agreement) is taken as before. An import keeps such a date, as a
// backup of a store from before the rule holds it, and says so with the row's line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { planImport } from '../../src/transfer/import-plan.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const run = (line: string) => app.dispatcher.runText(line, operator);

beforeEach(() => {
  app = createTestApp('', () => new Date('2026-12-05T10:00:00Z'));
});
afterEach(() => app.dispose());

const ADD = '/entry add title:"Strike on Tasil" type:air-strike topic:syria-israel outlet:SANA';

describe('GIVEN /entry add with a year before 1800', () => {
  it('WHEN the year is a slip of its first digit (1025-07-18) THEN it is refused, offering 2025-07-18, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const view = await run(`${ADD} date:1025-07-18`);
    expect(view.tone).toBe('error');
    const said = viewText(view);
    expect(said).toContain('Option `date` is before 1800 — got `1025-07-18`; Sitrep dates events from 1800 on.');
    expect(said).toContain('Did you mean `date:2025-07-18`?');
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN the year is 0001 THEN it is refused, asking for a year of four digits', async () => {
    const said = viewText(await run(`${ADD} date:0001-01-01`));
    expect(said).toContain('Option `date` is before 1800 — got `0001-01-01`');
    expect(said).toContain('Check the year: it takes four digits');
  });

  it('WHEN published is also too old THEN both are named in one reply', async () => {
    const said = viewText(await run(`${ADD} date:1025-07-18 published:1025-07-19`));
    expect(said).toContain('Option `date` is before 1800');
    expect(said).toContain('Option `published` is before 1800');
  });

  it('WHEN the date is 1974 background THEN it is added as before', async () => {
    const view = await run(`${ADD} date:1974-05-31`);
    expect(view.tone, viewText(view)).toBe('success');
  });
});

describe('GIVEN a stored entry', () => {
  it('WHEN /entry edit or /entry claim gives a year before 1800 THEN it is refused and the entry is unchanged', async () => {
    const added = await run(`${ADD} date:2025-07-18`);
    const id = Number(/#(\d+)/.exec(viewText(added))![1]);
    const before = storeFingerprint(app.db);
    expect(viewText(await run(`/entry edit id:${id} date:1025-07-18`))).toContain('Did you mean `date:2025-07-18`?');
    expect(viewText(await run(`/entry claim id:${id} actor:Syria stance:denies outlet:SANA date:0999`))).toContain('Option `date` is before 1800 — got `0999`');
    expect(storeFingerprint(app.db)).toEqual(before);
  });
});

describe('GIVEN an import row dated 1025-07-18', () => {
  it('WHEN the import is planned THEN the row is kept as given, with a note naming the date', () => {
    const row = { title: 'Strike on Tasil', date: '1025-07-18', type: 'air-strike', topic: 'syria-israel' };
    const plan = planImport([{ line: 2, values: row }], app.db, app.dossier);
    expect(plan.accepted).toHaveLength(1);
    expect(plan.noted).toEqual([{ line: 2, reason: 'date 1025-07-18 is before 1800: kept as given (/entry add would refuse it as a slip of the year); check it.' }]);
  });
});
