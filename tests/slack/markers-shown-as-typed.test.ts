// GIVEN the real Bolt app and the fake Slack, and an entry whose title, summary, outlet and tags
// hold * _ ~ where Slack would not format them (al_Qusayr, SANA_news, a lone ~200, a trailing
// footnote*) WHEN Sitrep shows it THEN the blocks and the fallback text show those characters as
// typed, so a screen reader reads them and a copy sent back is the same text; a real formatting
// attempt (*heavy*) still shows as text, not bold; and values copied back work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownText, textsOf, type Harness, startHarness } from './harness.js';

const ADMIN = 'U0ADMIN';
type Body = Record<string, unknown>;
let h: Harness;
let id: string;

const ADD =
  '/entry add title:"~200 killed in *heavy* shelling of al_Qusayr" date:2025-07-25 type:shelling topic:syria-israel confidence:reported outlet:"SANA_news" tags:"civilian_toll, 3/4" summary:"Toll: ~200 (per SOHR_org). See footnote*"';

beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}` });
  const added = await h.command(ADD, { userId: ADMIN });
  id = /Added entry #(\d+)/.exec(shownText(added))![1]!;
});
afterAll(async () => {
  await h?.close();
});

/** The mrkdwn texts of a message (its header is plain text, never formatted), and its fallback text. */
const mrkdwnOf = (body: Body): string[] => [...textsOf(body).slice(1), String(body.text)];
const LOOKALIKES = /[\u02CD\u223C\u2217]/;

describe('GIVEN an entry with * _ ~ in its text', () => {
  it('WHEN /entry show is shown THEN blocks and fallback text read al_Qusayr, SANA_news, civilian_toll, ~200 and footnote* as typed', async () => {
    const body = await h.command(`/entry show id:${id}`);
    const [blocks, fallback] = [textsOf(body).slice(1).join('\n'), String(body.text)];
    for (const text of [blocks, fallback]) {
      expect(text).toContain('SANA_news');
      expect(text).toContain('3/4, civilian_toll');
      expect(text).toContain('Toll: ~200 (per SOHR_org). See footnote*');
    }
    expect(fallback).toContain('~200 killed in \u2217heavy\u2217 shelling of al_Qusayr');
  });

  it('WHEN the timeline lists it THEN its title reads ~200 and al_Qusayr as typed, and *heavy* shows as text, not bold', async () => {
    const body = await h.command('/timeline since:2025-07 until:2025-07 limit:25');
    for (const text of mrkdwnOf(body)) {
      if (!text.includes('shelling of')) continue;
      expect(text).toContain('~200 killed in \u2217heavy\u2217 shelling of al_Qusayr');
      expect(text).not.toContain('*heavy*');
    }
    expect(mrkdwnOf(body).filter((text) => text.includes('shelling of al_Qusayr'))).toHaveLength(2);
  });

  it('WHEN /search heavy sets the match apart THEN the asterisks around it stay text, in the blocks and the fallback text', async () => {
    const body = await h.command('/search heavy');
    expect(textsOf(body).join('\n')).toContain('~200 killed in \u2217*heavy*\u2217 shelling of al_Qusayr');
    expect(String(body.text)).toContain('~200 killed in \u2217\u27E6heavy\u27E7\u2217 shelling of al_Qusayr');
  });

  it('WHEN /help timeline is shown THEN no look-alike stands in for a character anywhere in it', async () => {
    const body = await h.command('/help timeline');
    for (const text of mrkdwnOf(body)) expect(text).not.toMatch(LOOKALIKES);
  });
});

describe('GIVEN values copied from a reply that showed look-alikes', () => {
  it('WHEN /search alˍQusayr is sent THEN it finds the entry', async () => {
    const body = await h.command('/search al\u02CDQusayr');
    expect(shownText(body)).not.toContain('No results match');
    expect(shownText(body)).toContain(`#${id}`);
  });

  it('WHEN tags:-civilianˍtoll is sent THEN civilian_toll is removed', async () => {
    await h.command(`/entry edit id:${id} tags:-civilian\u02CDtoll`, { userId: ADMIN });
    const shown = shownText(await h.command(`/entry show id:${id}`));
    expect(shown).not.toContain('civilian');
    expect(shown).toContain('3/4');
  });
});
