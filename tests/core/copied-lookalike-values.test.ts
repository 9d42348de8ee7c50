// GIVEN an entry whose title, outlet and tags hold * _ ~, WHEN a value is copied from an older Slack
// reply that showed them as look-alikes (∗ U+2217, ˍ U+02CD, ∼ U+223C, ˋ U+02CB) and sent back
// THEN it reads as the characters typed: the tag is removed, the source kept, the search finds the
// entry, and nothing stores a look-alike.
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const run = (text: string) => app.dispatcher.runText(text, operator);

const ADD =
  '/entry add title:"~200 killed in *heavy* shelling of al_Qusayr" date:2025-07-25 type:shelling topic:syria-israel confidence:reported outlet:"SANA_news" tags:"civilian_toll, 3/4" summary:"Toll: ~200 (per SOHR_org). See footnote*"';

let id: number;
beforeEach(async () => {
  app = createTestApp();
  const added = await run(ADD);
  expect(added.tone, viewText(added)).toBe('success');
  id = Number(/#(\d+)/.exec(added.title)![1]);
});
afterEach(() => app.dispose());

const tagsOf = (entry: number) => app.services.dossier.getEntry(entry)!.tags;

describe('GIVEN values copied from a Slack reply that showed look-alikes', () => {
  it('WHEN tags:-civilianˍtoll is sent THEN civilian_toll is removed', async () => {
    const edited = await run(`/entry edit id:${id} tags:-civilian\u02CDtoll`);
    expect(edited.tone, viewText(edited)).toBe('success');
    expect(tagsOf(id)).toEqual(['3/4']);
  });

  it('WHEN the whole tag list is sent back as shown THEN the entry keeps the same two tags, no look-alike twin', async () => {
    const edited = await run(`/entry edit id:${id} tags:"civilian\u02CDtoll, 3/4"`);
    expect(viewText(edited)).not.toContain('\u02CD');
    expect([...tagsOf(id)].sort()).toEqual(['3/4', 'civilian_toll']);
  });

  it('WHEN outlet:"SANAˍnews" is sent THEN the source stays SANA_news', async () => {
    await run(`/entry edit id:${id} outlet:"SANA\u02CDnews" grade:B2`);
    expect(app.services.dossier.getEntry(id)!.sources.map((s) => s.outlet)).toEqual(['SANA_news']);
  });

  it('WHEN /search alˍQusayr is sent THEN it finds the entry', async () => {
    const found = viewText(await run('/search al\u02CDQusayr'));
    expect(found).not.toContain('No results match');
    expect(found).toContain(`#${id} ~200 killed in *heavy* shelling of al_Qusayr`);
  });

  it('WHEN a title is sent back with ∼ ∗ ˋ THEN it is stored with ~ * `', async () => {
    await run(`/entry edit id:${id} title:"\u223C300 killed in \u2217heavy\u2217 \u02CBshelling\u02CB of al\u02CDQusayr"`);
    expect(app.services.dossier.getEntry(id)!.title).toBe('~300 killed in *heavy* `shelling` of al_Qusayr');
  });
});
