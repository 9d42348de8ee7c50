// GIVEN a topic typed as a phone or a word processor writes it — a long dash for `-`
// (`syria–israel`, `syria—israel`), a flag or spaces around it, quotes — WHEN a command reads it
// THEN it is the topic meant, as autocomplete offers it; a new topic an entry brings is stored so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { typedTopic } from '../../src/core/typed-topic.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };

let app: TestApp;
beforeAll(() => {
  app = createTestApp('');
});
afterAll(() => app.dispose());

const reply = async (line: string) => viewText(await app.dispatcher.runText(line, operator));
const title = async (line: string) => (await reply(line)).split('\n')[0];

describe('GIVEN the topic syria-israel', () => {
  it.each(['syria–israel', 'syria—israel', '"🇸🇾 syria-israel"', '“Syria–Israel”'])('WHEN /timeline is given topic:%s THEN it shows that topic', async (typed) => {
    expect(await title(`/timeline topic:${typed}`)).toBe('Timeline — topic syria-israel');
  });

  it('WHEN a topic is typed with an en dash in /trend and /watch THEN it is that topic too', async () => {
    expect(await reply('/trend show topic:syria–israel')).not.toContain('There is no topic');
    expect(await reply('/watch add topic:syria—israel')).toContain('topic syria-israel');
  });

  it('WHEN a topic that does not exist is typed with a long dash THEN the refusal names it with `-`', async () => {
    const refused = await reply('/timeline topic:syria–lebanon');
    expect(refused).toContain('There is no topic `syria-lebanon` (option `topic`).');
    expect(refused).toContain('Topics: syria-israel.');
  });
});

describe('GIVEN /entry add with a new topic typed with a long dash and a flag', () => {
  it('THEN the entry is stored under the topic with `-`, and the existing topic is unchanged', async () => {
    const added = await app.dispatcher.runText('/entry add title:"Border crossing reopens" date:2025-07 type:other topic:"🇱🇧 lebanon–israel" outlet:X', operator);
    expect(added.tone, viewText(added)).toBe('success');
    const id = Number(/#(\d+)/.exec(viewText(added))![1]);
    expect(await reply(`/entry show id:${id}`)).toMatch(/Topic\s+lebanon-israel/);
    expect(await title('/timeline topic:lebanon-israel')).toBe('Timeline — topic lebanon-israel');
    expect(await reply('/timeline topic:nothing')).toContain('Topics: lebanon-israel, syria-israel.');
  });
});

describe('GIVEN a topic as typed', () => {
  it.each([
    ['syria‐israel', 'syria-israel'],
    ['syria−israel', 'syria-israel'],
    ['  syria-israel ⚔️', 'syria-israel'],
    ['👨‍👩‍👧 gaza', 'gaza'],
    ['covid-19', 'covid-19'],
  ])('THEN %s reads as %s', (typed, topic) => {
    expect(typedTopic(typed)).toBe(topic);
  });
});
