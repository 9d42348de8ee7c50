// GIVEN Arabic feeds reporting alike events in different places THEN each is a candidate of its
// own: Arabic titles naming different places are not one story, and an agreement a headline
// names without its verb is suggested as one.
import { describe, expect, it } from 'vitest';
import { READER } from './support/queue-app.js';
import type { ScriptedItem } from './support/scripted-feeds.js';
import { watchDesk } from './support/watch-desk.js';

const desk = watchDesk();
const { candidates, watch } = desk;

const report = (guid: string, title: string, published: string): ScriptedItem => ({ guid, title, link: `https://ar.example/${guid}`, summary: '', published });

describe('GIVEN two Arabic feeds', () => {
  it.each([
    ['مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا', 'مقتل 3 مدنيين في غارة إسرائيلية على ريف دمشق'],
    ['اتفاق على وقف إطلاق النار في السويداء', 'اتفاق على وقف إطلاق النار في درعا'],
  ])('WHEN one reports %j and the other later %j THEN the second is a candidate of its own', async (first, second) => {
    const one = await watch('/one.xml', 'Levant Wire (Arabic)', [report('one-1', first, '2025-07-19T08:00:00Z')]);
    const two = await watch('/two.xml', 'Sham Dispatch', [report('two-1', second, '2025-07-19T11:00:00Z')]);
    await desk.queue.run(`/sources check id:${one}`);
    const checked = await desk.queue.text(`/sources check id:${two}`);
    expect(checked).not.toContain('same story');
    expect(checked).toContain('1 proposed');
    expect(candidates().map((c) => c.title)).toEqual([first, second]);
  });

  it('WHEN the second reports the same strike in other words THEN it joins the first’s candidate', async () => {
    const one = await watch('/one.xml', 'Levant Wire (Arabic)', [report('one-1', 'مقتل 3 مدنيين في غارة إسرائيلية على ريف درعا', '2025-07-19T08:00:00Z')]);
    const two = await watch('/two.xml', 'Sham Dispatch', [report('two-1', 'مقتل 3 مدنيين بغارة إسرائيلية على ريف درعا', '2025-07-19T11:00:00Z')]);
    await desk.queue.run(`/sources check id:${one}`);
    expect(await desk.queue.text(`/sources check id:${two}`)).toContain('same story → candidate #1');
    expect(candidates()).toHaveLength(1);
  });
});

describe('GIVEN an Arabic headline naming an agreement without its verb', () => {
  it('WHEN it becomes a candidate THEN its card suggests the type Agreement', async () => {
    const id = await watch('/one.xml', 'Levant Wire (Arabic)', [report('one-1', 'اتفاق على وقف إطلاق النار في السويداء', '2025-07-19T08:00:00Z')]);
    await desk.queue.run(`/sources check id:${id}`);
    expect(await desk.queue.text('/review show id:1', READER)).toContain('Type       Agreement');
  });
});
