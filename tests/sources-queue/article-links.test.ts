// GIVEN one article linked in other forms — its AMP copy, its mobile host, `www.`, a link shared
// with click ids — THEN it is one report of one candidate, and never proposed again once an entry
// cites it, however the entry's link is written.
import { describe, expect, it } from 'vitest';
import { READER } from './support/queue-app.js';
import type { ScriptedItem } from './support/scripted-feeds.js';
import { watchDesk } from './support/watch-desk.js';

const desk = watchDesk();
const { candidates, watch } = desk;

const ARTICLE: ScriptedItem = { guid: 'alpha-1', title: 'Israeli strikes hit Hezbollah positions in Bekaa Valley', link: 'https://alpha.example/a1', published: '2025-07-19T09:00:00Z' };
/** Another outlet's title for it, alike in no word that would join it by title. */
const RETITLED = 'Reports: jets pound Baalbek area overnight';

describe('GIVEN an article in one feed', () => {
  it.each([
    ['its AMP copy', 'https://alpha.example/a1/amp'],
    ['its AMP copy under /amp/', 'https://alpha.example/amp/a1'],
    ['its AMP copy by ?amp=1', 'https://alpha.example/a1?amp=1'],
    ['its AMP copy by outputType=amp', 'https://alpha.example/a1?outputType=amp'],
    ['its mobile host m.', 'https://m.alpha.example/a1'],
    ['its mobile host mobile.', 'https://mobile.alpha.example/a1'],
    ['its AMP host amp.', 'https://amp.alpha.example/a1'],
    ['www.', 'https://www.alpha.example/a1'],
    ['a Facebook click id', 'https://alpha.example/a1?utm_source=twitter&fbclid=abc'],
    ['a Google click id', 'https://alpha.example/a1?gclid=xyz'],
    ['a newsletter’s ids', 'https://alpha.example/a1?mc_cid=1a2b&mc_eid=3c4d'],
    ['an Instagram share id', 'https://alpha.example/a1?igshid=q1w2'],
    ['an MSN id', 'https://alpha.example/a1?ocid=msedgntp'],
    ['campaign tags at_*', 'https://alpha.example/a1?at_medium=RSS&at_campaign=KARANGA'],
  ])('WHEN another feed links to %s THEN it joins the first’s candidate as the same link', async (_case, link) => {
    const one = await watch('/one.xml', 'Alpha News', [ARTICLE]);
    const two = await watch('/two.xml', 'Beta Wire', [{ guid: 'beta-1', title: RETITLED, link, published: '2025-07-19T10:00:00Z' }]);
    await desk.queue.run(`/sources check id:${one}`);
    expect(await desk.queue.text(`/sources check id:${two}`)).toContain(`same story → candidate #1: ${RETITLED} (the same link as a report of it)`);
    expect(candidates()).toHaveLength(1);
    expect(await desk.queue.text('/review list', READER)).toContain('1 candidate waiting');
  });

  it('WHEN another feed links to another article of the site THEN it is a candidate of its own', async () => {
    const one = await watch('/one.xml', 'Alpha News', [ARTICLE]);
    const two = await watch('/two.xml', 'Beta Wire', [{ guid: 'beta-1', title: RETITLED, link: 'https://m.alpha.example/a2/amp', published: '2025-07-19T10:00:00Z' }]);
    await desk.queue.run(`/sources check id:${one}`);
    expect(await desk.queue.text(`/sources check id:${two}`)).toContain(`proposed → candidate #2: ${RETITLED}`);
    expect(candidates()).toHaveLength(2);
  });
});

describe('GIVEN an entry citing an article', () => {
  it('WHEN a feed carries its AMP copy, its mobile copy and a link shared with click ids THEN none is proposed: each names the entry', async () => {
    await desk.queue.run('/entry add title:"Strikes on Bekaa Valley" date:2025-07-19 type:air-strike topic:syria-israel source_url:https://alpha.example/a1 outlet:"Alpha News"');
    const copies: ScriptedItem[] = [
      { guid: 'c-1', title: 'Strikes hit Bekaa Valley (AMP)', link: 'https://alpha.example/a1/amp', published: '2025-07-19T10:00:00Z' },
      { guid: 'c-2', title: 'Strikes hit Bekaa Valley (mobile)', link: 'https://m.alpha.example/a1', published: '2025-07-19T10:05:00Z' },
      { guid: 'c-3', title: 'Strikes hit Bekaa Valley (shared)', link: 'https://alpha.example/a1?utm_source=twitter&fbclid=abc', published: '2025-07-19T10:10:00Z' },
      { guid: 'c-4', title: 'Sweida truce holds for a third day', link: 'https://alpha.example/a2', published: '2025-07-19T10:15:00Z' },
    ];
    const feed = await watch('/copies.xml', 'Copy Wire', copies);
    const reply = await desk.queue.text(`/sources check id:${feed}`);
    for (const copy of copies.slice(0, 3)) expect(reply).toContain(`filtered out: ${copy.title} (in the dossier already: entry #18 cites this link)`);
    expect(candidates().map((c) => c.title)).toEqual(['Sweida truce holds for a third day']);
    expect(await desk.queue.text('/review list', READER)).toContain('1 candidate waiting');
  });

  // A check looks an item up under the forms entries commonly cite (commonAddressForms); the
  // approval looks under every form of the article.
  it('WHEN the entry cites the mobile AMP copy THEN the feed’s plain link is proposed, and approving it is refused, naming the entry', async () => {
    await desk.queue.run('/entry add title:"Strikes on Bekaa Valley" date:2025-07-19 type:air-strike topic:syria-israel source_url:https://m.alpha.example/a1/amp/?fbclid=abc outlet:"Alpha News"');
    const feed = await watch('/alpha.xml', 'Alpha News', [ARTICLE]);
    expect(await desk.queue.text(`/sources check id:${feed}`)).toContain(`proposed → candidate #1: ${ARTICLE.title}`);
    expect(await desk.queue.text('/review approve id:1')).toContain('Entry #18 cites this report already, so candidate #1 is not approved');
  });

  it('WHEN the entry cites the www form over http with a trailing slash THEN the feed’s link is not proposed', async () => {
    await desk.queue.run('/entry add title:"Strikes on Bekaa Valley" date:2025-07-19 type:air-strike topic:syria-israel source_url:http://www.alpha.example/a1/ outlet:"Alpha News"');
    const feed = await watch('/alpha.xml', 'Alpha News', [{ ...ARTICLE, link: 'https://m.alpha.example/a1/amp?utm_source=x' }]);
    expect(await desk.queue.text(`/sources check id:${feed}`)).toContain(`filtered out: ${ARTICLE.title} (in the dossier already: entry #18 cites this link)`);
    expect(candidates()).toEqual([]);
  });
});
