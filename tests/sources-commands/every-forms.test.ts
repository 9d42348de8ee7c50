// How often a feed is checked, typed as people say it: `every:1d` and `every:daily` are a day,
// `every:90` is 90 minutes, and a form Sitrep does not read is refused with the forms it does and
// the 15-minute minimum.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
/** A reply as a user reads it, commands and values without their code marks. */
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, operator)).replaceAll('`', '');
let feeds = 0;
const add = (every: string) => reply(`/sources add url:https://example.org/feed-${++feeds}.xml topic:syria-israel every:${every}`);

describe('GIVEN /sources add every:', () => {
  it.each([
    ['1d', 'every 24 h'],
    ['daily', 'every 24 h'],
    ['hourly', 'every 1 h'],
    ['2h', 'every 2 h'],
    ['90', 'every 1 h 30 min'],
    ['1h30m', 'every 1 h 30 min'],
  ])('WHEN every:%s is typed THEN the feed is checked %s', async (typed, checked) => {
    expect(await add(typed)).toContain(`checks https://example.org/feed-${feeds}.xml ${checked} for the topic syria-israel`);
  });

  it('WHEN every:constructor is typed (a name every object has) THEN it is refused as no duration, and nothing is stored', async () => {
    const before = storeFingerprint(app.db);
    expect(await add('constructor')).toContain('Option every must be a duration like 30m, 1h or 1h30m — got constructor.');
    expect(storeFingerprint(app.db)).toEqual(before);
  });

  it('WHEN every:weekly is typed THEN the refusal lists the forms read, from 15 minutes to 24 hours', async () => {
    const said = await add('weekly');
    expect(said).toContain('Option every must be a duration like 30m, 1h or 1h30m — got weekly.');
    expect(said).toContain('Write minutes (every:45 or every:45m), hours (every:2h), both (every:1h30m) or a day (every:1d or every:daily), from 15 minutes to 24 hours.');
  });

  it('WHEN every:2d is typed THEN the refusal says 24 hours is the longest, with every:24h', async () => {
    const said = await add('2d');
    expect(said).toContain('Option every may be at most 24 hours — got 2d.');
    expect(said).toContain('For example: every:24h (or every:1d), checked once a day.');
  });

  it('WHEN /sources edit gives every:daily THEN the feed is checked every 24 h', async () => {
    const id = /Watching #(\d+)/.exec(await add('30m'))?.[1];
    expect(await reply(`/sources edit id:${id} every:daily`)).toContain('Checked every 30 min → every 24 h');
  });
});
