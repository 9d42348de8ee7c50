// GIVEN an item giving its toll as a lower bound ("> 5 people died", "more than 5", "at least 5",
// "over 5"; in French "au moins 5", in Arabic "أكثر من 5") WHEN it is proposed THEN its card and
// /review list say "at least 5", not 5 as the item gives them; the fatality model has no figure
// for an open upper bound (low ≤ best ≤ high, a low equal to the best being no range), so the
// approved entry records 5 as its best estimate, as the card says. A plain or approximate figure
// ("about 5") is no lower bound.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guessFatalityFigure } from '../../src/core/review/fatality-guess.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';

describe('GIVEN a toll given as a lower bound', () => {
  it('THEN the figure is read as one, in each way and language it is written', () => {
    const said = (summary: string) => guessFatalityFigure({ title: 'Shelling near Daraa', summary });
    for (const summary of [
      'Officials said that > 5 people died',
      'Officials said that more than 5 people died',
      'At least 5 people were killed, officials said',
      'Over 5 people died in the shelling',
      'The strike killed at least five civilians',
      'Les frappes ont tué au moins 5 civils',
      'مقتل أكثر من 5 مدنيين في قصف على درعا',
    ]) {
      expect(said(summary), summary).toEqual({ figure: 5, atLeast: true });
    }
  });

  it('THEN a plain or approximate figure is no lower bound', () => {
    expect(guessFatalityFigure({ title: 'Strike kills 5 near Daraa', summary: '' })).toEqual({ figure: 5 });
    expect(guessFatalityFigure({ title: 'Strike kills about 5 near Daraa', summary: '' })).toEqual({ figure: 5 });
    expect(guessFatalityFigure({ title: 'Shelling near Daraa', summary: 'Officials said 5 people died' })).toEqual({ figure: 5 });
  });
});

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${label} line`;

describe('GIVEN an item saying "> 5 people died"', () => {
  it('THEN its card and the queue say at least 5, and the approved entry records 5 as its best estimate', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [
      { guid: 'daraa-1', title: 'Shelling hits market in Daraa', link: 'https://levant.example/daraa-1', summary: 'Officials said that > 5 people died', published: '2025-07-19T08:00:00Z' },
    ]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    expect(await queue.text('/sources check id:1')).toContain('proposed → candidate #1');
    const card = await queue.text('/review show id:1');
    expect(line(card, 'Fatalities')).toBe('at least 5, as the item gives them; the entry records 5, its best estimate (from Levant Wire; fatalities:none on approve if wrong)');
    expect(await queue.text('/review list')).toContain('in Daraa · at least 5 killed');
    expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
    expect(line(await queue.text('/entry show 18', READER), 'Fatalities')).toBe('5 — Levant Wire');
  });
});
