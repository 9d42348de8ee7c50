// GIVEN an item about talks or an agreement that also gives a death toll ("… meet in Paris for
// talks on a Sweida ceasefire. At least 12 people were killed in Sweida overnight") WHEN it is
// proposed THEN no toll is suggested: the dead are another event's (the clashes the talks are
// about), and an entry of talks counting them would count them twice beside the clashes' entry.
// An item about the violence itself keeps its toll.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tollFor } from '../../src/core/review/fatality-guess.js';
import { QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';

describe('GIVEN the type an item is proposed as', () => {
  it('THEN talks and agreements take no toll, and every other type takes the one the item gives', () => {
    const item = { title: 'Syria and Israel sign security deal', summary: 'Five people were killed in Sweida clashes overnight.' };
    expect(tollFor('talks', item)).toBeUndefined();
    expect(tollFor('agreement', item)).toBeUndefined();
    for (const type of ['armed-clash', 'air-strike', 'shelling', 'violence-against-civilians', 'statement', 'political-change', 'other']) {
      expect(tollFor(type, item), type).toEqual({ figure: 5 });
    }
  });
});

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1];

describe('GIVEN talks reported beside the dead of the clashes they are about, and the clashes reported apart', () => {
  it('THEN the talks are proposed with no toll and approved without one, the clashes with theirs', async () => {
    feeds.serve('/levant.xml', 'Levant Wire', [
      {
        guid: 'paris-1',
        title: 'Israeli and Syrian officials meet in Paris for US-brokered talks on Sweida ceasefire',
        link: 'https://levant.example/paris-1',
        summary: 'Officials met in Paris on Monday, two diplomats said. At least 12 people were killed in Sweida overnight.',
        published: '2025-07-19T08:00:00Z',
      },
      { guid: 'sweida-1', title: 'Clashes in Sweida kill 12 overnight', link: 'https://levant.example/sweida-1', summary: '', published: '2025-07-19T06:00:00Z' },
    ]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await queue.text('/sources check id:1');

    const talks = await queue.text('/review show id:1');
    expect(talks).toContain('Israeli and Syrian officials meet in Paris');
    expect(line(talks, 'Type')).toBe('Talks/negotiation');
    expect(line(talks, 'Fatalities')).toBeUndefined();
    const clashes = await queue.text('/review show id:2');
    expect(line(clashes, 'Fatalities')).toBe('12, as the item gives them (from Levant Wire; fatalities:none on approve if wrong)');

    expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(line(entry, 'Type')).toBe('Talks/negotiation');
    expect(line(entry, 'Fatalities')).toBeUndefined();
  });
});
