// GIVEN a day and a time of day typed without quotes (`as_of:2025-07-20 09:00`) THEN the time,
// which the space leaves as a word of its own, is not read as the first option's value (`topic
// 09:00`, an entry titled `09:00`): the reply says how to write the day and its time as one value,
// or that the option takes a day only. Console and Slack read typed text with the same parser.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE } from '../support/view-text.js';

// An admin, so that an entry typed with a time in its title is added.
const app = createTestApp('memory:reader');
afterAll(() => app.dispose());
const reader: Caller = { platform: 'memory', userId: 'reader' };
const view = async (text: string) => app.dispatcher.runText(text, reader);
const reply = async (text: string) => viewText(await view(text)).replaceAll('`', '');

describe('GIVEN a past view asked with a time typed apart from its day', () => {
  it.each(['09:00', '9:00'])('WHEN /timeline as_of:2025-07-20 %s THEN it is refused, naming the two ways to type it', async (time) => {
    const said = await reply(`/timeline as_of:2025-07-20 ${time}`);
    expect(said).toMatch(REFUSAL_TITLE);
    expect(said).toContain(`${time} is a time of day, typed apart from its day: write as_of as one value, as_of:2025-07-20T09:00 or as_of:"2025-07-20 09:00".`);
    expect(said).not.toContain('topic');
  });

  it.each([
    ['09:00:30', 'as_of:2025-07-20T09:00:30 or as_of:"2025-07-20 09:00:30"'],
    ['09:00Z', 'as_of:2025-07-20T09:00Z or as_of:"2025-07-20 09:00Z"'],
    ['09:00 UTC', 'as_of:2025-07-20T09:00Z or as_of:"2025-07-20 09:00 UTC"'],
    ['09:00 +03:00', 'as_of:2025-07-20T09:00+03:00 or as_of:"2025-07-20 09:00 +03:00"'],
    ['09:00 Asia/Damascus', 'as_of:"2025-07-20 09:00 Asia/Damascus"'],
  ])('WHEN the time is %s THEN the forms offered keep its seconds and its clock', async (time, forms) => {
    expect(await reply(`/timeline as_of:2025-07-20 ${time}`)).toContain(`${time} is a time of day, typed apart from its day: write as_of as one value, ${forms}.`);
  });

  it('WHEN either form offered is typed THEN the past view is shown at that time', async () => {
    for (const typed of ['/timeline as_of:2025-07-20T09:00', '/timeline as_of:"2025-07-20 09:00"']) {
      const shown = await view(typed);
      expect(shown.tone, viewText(shown)).not.toBe('error');
      expect(shown.title).toBe('Timeline — as of 20 Jul 2025 09:00 (UTC)');
    }
  });

  it('WHEN the time is no time of day (25:00) THEN the reply says why', async () => {
    expect(await reply('/timeline as_of:2025-07-20 25:00')).toContain('There is no hour 25: hours run from 00 to 23.');
  });

  it('WHEN a topic word comes first THEN the time is still what is refused', async () => {
    expect(await reply('/timeline syria-israel as_of:2025-07-20 09:00')).toContain('write as_of as one value, as_of:2025-07-20T09:00');
  });

  it('WHEN /entry show and /entry diff are asked so THEN their date options are named', async () => {
    expect(await reply('/entry show 3 as_of:2025-07-20 09:00')).toContain('as_of:2025-07-20T09:00 or as_of:"2025-07-20 09:00"');
    expect(await reply('/entry diff 3 from:2025-07-01 10:00')).toContain('write from as one value, from:2025-07-01T10:00 or from:"2025-07-01 10:00"');
  });
});

describe('GIVEN an option that takes a day only, typed with a time', () => {
  it('WHEN /timeline since:2025-07-01 12:00 THEN the reply says since takes a day only, not that there is no topic 12:00', async () => {
    const said = await reply('/timeline since:2025-07-01 12:00');
    expect(said).toContain('12:00 is a time of day, typed apart from its day: since takes a day only, so write since:2025-07-01 without the time.');
    expect(said).not.toContain('There is no topic');
  });

  it('WHEN /entry edit date:2025-07-20 09:00 THEN the entry is not changed and the reply says date takes a day only', async () => {
    expect(await reply('/entry edit 3 date:2025-07-20 09:00')).toContain('date takes a day only, so write date:2025-07-20 without the time.');
  });

  it.each(['2025-07-01T12:00', '"2025-07-01 12:00"'])('WHEN since:%s is typed as one value THEN the refusal says it in the same words as for a time typed apart', async (typed) => {
    expect(await reply(`/timeline since:${typed}`)).toContain('since takes a day only, so write since:2025-07-01 without the time.');
  });

  it('WHEN the day was typed as shown (since:"1 Jul 2025" 12:00) THEN the value offered is one that can be typed as it stands', async () => {
    expect(await reply('/timeline since:"1 Jul 2025" 12:00')).toContain('so write since:2025-07-01 without the time.');
  });
});

describe('GIVEN /entry add without a title, its date typed with a time apart', () => {
  const entries = () => (app.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;

  it.each(['09:00', '09:00 UTC', '9:00+03:00'])('WHEN the time is %s THEN no entry titled with the time is added, and the reply says date takes a day only', async (time) => {
    const before = entries();
    const said = await reply(`/entry add date:2025-07-20 ${time} type:statement topic:syria-israel`);
    expect(said).toMatch(REFUSAL_TITLE);
    expect(said).toContain(`${time} is a time of day, typed apart from its day: date takes a day only, so write date:2025-07-20 without the time.`);
    expect(entries()).toBe(before);
  });

  it('WHEN the time was meant as the title THEN the reply says how to give it as the title', async () => {
    expect(await reply('/entry add 09:00 date:2025-07-20 type:statement topic:syria-israel')).toContain('If 09:00 is meant as the title, write it in its option: title:"09:00".');
  });
});

describe('GIVEN a time typed apart from its day as a day and time is typed', () => {
  it('WHEN its offset has a typographic minus (09:00−03:00) THEN it is read as the time of as_of, as as_of:"2025-07-20 09:00−03:00" is', async () => {
    expect(await reply('/timeline as_of:2025-07-20 09:00−03:00')).toContain('write as_of as one value, as_of:2025-07-20T09:00-03:00 or as_of:"2025-07-20 09:00-03:00".');
    expect((await view('/timeline as_of:"2025-07-20 09:00−03:00"')).tone).not.toBe('error');
  });
});

describe('GIVEN words that are no time typed apart from a day', () => {
  it('WHEN a topic is typed as a word THEN it is still the topic', async () => {
    const shown = await view('/timeline syria-israel');
    expect(shown.title).toBe('Timeline — topic syria-israel');
    const past = await view('/timeline syria-israel as_of:2025-07-20');
    expect(past.title).toBe('Timeline — topic syria-israel — as of the end of 20 Jul 2025 (UTC)');
  });

  it("WHEN an entry's title typed as words holds a time THEN it is the title's, not refused as a time", async () => {
    const added = await view('/entry add Talks at 09:00 date:2025-07-20 type:talks topic:syria-israel');
    expect(added.tone, viewText(added)).toBe('success');
    expect(await reply('/search Talks at 09:00')).toContain('Talks at 09:00');
  });
});
