// A time or time zone typed under the name calendars and cron tools give it (`tz:`, `at:`,
// `time:`) gets the option Sitrep calls it by; a command that sets no time says where times are set.
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const app = createTestApp();
afterAll(() => app.dispose());
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
/** A reply as a user reads it, commands and values without their code marks. */
const reply = async (text: string) => viewText(await app.dispatcher.runText(text, operator)).replaceAll('`', '');

describe('GIVEN /digest subscribe', () => {
  it.each([
    ['tz:Europe/Paris', 'tz', 'timezone:Europe/Paris'],
    ['timezone:Europe/Paris zone:UTC', 'zone', 'timezone:UTC'],
    ['time:"daily 08:00"', 'time', 'schedule:"daily 08:00"'],
    ['at:08:00', 'at', 'schedule:"daily 08:00"'],
    ['at:8:30', 'at', 'schedule:"daily 08:30"'],
  ])('WHEN %s is typed THEN the reply names the real option, with a value it takes', async (typed, name, meant) => {
    const said = await reply(`/digest subscribe ${typed}`);
    expect(said).toContain(`/digest subscribe has no option ${name}.\nDid you mean ${meant}?`);
  });
});

describe('GIVEN /watch, which sets no time', () => {
  it.each(['at:08:00', 'tz:UTC', 'time:08:00', 'timezone:Europe/Paris'])('WHEN /watch add actor:Dermer %s is typed THEN the reply says a digest sets times, and guesses no other option', async (typed) => {
    const said = await reply(`/watch add actor:Dermer ${typed}`);
    expect(said).toContain('/watch add sets no time or time zone. A summary at a set time is a digest: /digest subscribe schedule:"daily 08:00" timezone:Europe/Paris.');
    expect(said).not.toContain('Did you mean');
  });
});

describe('GIVEN /sources add', () => {
  it('WHEN interval:1h is typed THEN the reply names every:', async () => {
    expect(await reply('/sources add url:https://example.org/feed.xml topic:syria-israel interval:1h')).toContain('Did you mean every:1h?');
  });
});
