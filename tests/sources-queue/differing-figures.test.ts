// GIVEN two feeds reporting one event with figures — a toll that rose between reports, or the
// same toll in words and in digits — THEN a different figure comes to review as a candidate of its
// own, and the same figure joins the first report's candidate.
import { describe, expect, it } from 'vitest';
import { READER } from './support/queue-app.js';
import type { ScriptedItem } from './support/scripted-feeds.js';
import { watchDesk } from './support/watch-desk.js';

const desk = watchDesk();
const { candidates, watch } = desk;

const EARLY: ScriptedItem = { guid: 'a-1', title: 'Israeli strike on Quneitra village kills 30', link: 'https://a.example/quneitra-30', published: '2025-07-19T09:00:00Z' };

describe('GIVEN a toll reported by one feed', () => {
  it('WHEN another feed reports a higher toll two hours later THEN two candidates, each with its figure', async () => {
    const a = await watch('/a.xml', 'Wire A', [EARLY]);
    const b = await watch('/b.xml', 'Wire B', [{ guid: 'b-1', title: 'Israeli strike on Quneitra village kills 45', link: 'https://b.example/quneitra-45', published: '2025-07-19T11:00:00Z' }]);
    await desk.queue.run(`/sources check id:${a}`);
    expect(await desk.queue.text(`/sources check id:${b}`)).not.toContain('same story');
    expect(candidates().map((c) => c.title)).toEqual(['Israeli strike on Quneitra village kills 30', 'Israeli strike on Quneitra village kills 45']);
    expect(await desk.queue.text('/review show id:2', READER)).toMatch(/Fatalities +45, as the item gives them \(from Wire B/);
  });

  it('WHEN another feed gives the same toll in words THEN it joins the first candidate', async () => {
    const a = await watch('/a.xml', 'Wire A', [EARLY]);
    const b = await watch('/b.xml', 'Wire B', [{ guid: 'b-1', title: 'Israeli strike on Quneitra village kills thirty, local monitor says', link: 'https://b.example/quneitra-thirty', published: '2025-07-19T10:00:00Z' }]);
    await desk.queue.run(`/sources check id:${a}`);
    expect(await desk.queue.text(`/sources check id:${b}`)).toContain('same story → candidate #1');
    expect(candidates()).toHaveLength(1);
    expect(await desk.queue.text('/review show id:1', READER)).toContain('Wire B <https://b.example/quneitra-thirty> — Israeli strike on Quneitra village kills thirty, local monitor says');
  });
});

describe('GIVEN a score reported by one feed', () => {
  const match = (score: string) => `Football: Cup quarter-final ${score} ends in draw`;

  it.each([
    ['1-1', '1-0'],
    ['2-2', '1-2'],
    ['3-1', '1-3'],
  ])('WHEN another feed gives %s as %s THEN two candidates, each with its score', async (first, second) => {
    const a = await watch('/a.xml', 'Wire A', [{ guid: 'a-1', title: match(first), link: 'https://a.example/cup', published: '2025-07-19T09:00:00Z' }]);
    const b = await watch('/b.xml', 'Wire B', [{ guid: 'b-1', title: match(second), link: 'https://b.example/cup', published: '2025-07-19T11:00:00Z' }]);
    await desk.queue.run(`/sources check id:${a}`);
    expect(await desk.queue.text(`/sources check id:${b}`)).toContain(`proposed → candidate #2: ${match(second)}`);
    expect(candidates().map((c) => c.title)).toEqual([match(first), match(second)]);
    expect(await desk.queue.text('/review list', READER)).toContain('2 candidates waiting');
  });

  it('WHEN another feed gives the same score with another dash THEN it joins the first candidate', async () => {
    const a = await watch('/a.xml', 'Wire A', [{ guid: 'a-1', title: match('3-1'), link: 'https://a.example/cup', published: '2025-07-19T09:00:00Z' }]);
    const b = await watch('/b.xml', 'Wire B', [{ guid: 'b-1', title: match('3 \u2013 1'), link: 'https://b.example/cup', published: '2025-07-19T11:00:00Z' }]);
    await desk.queue.run(`/sources check id:${a}`);
    expect(await desk.queue.text(`/sources check id:${b}`)).toContain(`same story → candidate #1: ${match('3 \u2013 1')} (a title alike within 48 hours)`);
    expect(candidates()).toHaveLength(1);
  });
});
