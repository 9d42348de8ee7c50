// Arabic and Persian text writes figures in Arabic-Indic (٢٣) or Persian (۲۳) digits, English text
// in Western ones (23): /search finds a figure however it was written and however it is typed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import type { EntryInput } from '../../src/core/domain.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const reader: Caller = { platform: 'discord', userId: '42', workspaceId: 'g1', channelId: 'c1' };
const stamp = { by: 'console:tester', at: '2026-01-01T00:00:00.000Z' };

let app: TestApp;
beforeEach(() => {
  app = createTestApp('');
});
afterEach(() => app.dispose());

const reply = async (text: string) => viewText(await app.dispatcher.runText(text, reader));

const addEntry = (title: string, summary: string) => {
  const entry: EntryInput = {
    title, summary, eventType: 'air-strike', topic: 'syria-israel', start: { year: 2025, month: 7, day: 14 },
    places: [], actors: [], sources: [{ outlet: 'AFP' }], confidence: 'reported', tags: [],
  };
  return app.services.editor.addEntry(entry, stamp);
};

describe('GIVEN entries whose figures are written in Arabic-Indic, Persian and Western digits', () => {
  it('WHEN a figure is typed in Western digits THEN /search finds it written in the others', async () => {
    const arabic = addEntry('قصف على درعا', '٢٣ قتيلاً في قصف');
    const persian = addEntry('حمله به درعا', '۲۳ کشته');
    const found = await reply('/search 23');
    expect(found).toContain(`#${arabic} قصف على درعا`);
    expect(found).toContain(`#${persian} حمله به درعا`);
  });

  it('WHEN a figure is typed in Arabic-Indic or Persian digits THEN /search finds it written in Western digits, beside the other words typed', async () => {
    const id = addEntry('حصار المدينة', '3 ساعات من القصف');
    expect(await reply('/search ٣ ساعات')).toContain(`#${id} حصار المدينة`);
    expect(await reply('/search ۳ ساعات')).toContain(`#${id} حصار المدينة`);
    expect(await reply('/search ٤ ساعات')).toContain('No results match.');
  });

  it('WHEN the start of a figure is typed in one script THEN /search finds the figure written in another', async () => {
    const id = addEntry('Shelling of Quneitra', 'Shelling on 2025-07-14 lasted 3 hours.');
    expect(await reply('/search ٢٠٢٥*')).toContain(`#${id} Shelling of Quneitra`);
  });
});
