// GIVEN a date typed without its year, on the night of New Year's Eve THEN the refusal's example
// is dated in the year it is on the channel's clock (its digest's zone, else the bot's, UTC): an
// hour and a half into 1 January in Damascus, while UTC is still on 31 December.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

/** 22:30 UTC on 31 December 2031: 01:30 on 1 January 2032 in Damascus (UTC+3). */
const NEW_YEARS_EVE = new Date('2031-12-31T22:30:00Z');
const DAMASCUS: Caller = { platform: 'discord', userId: '1001', workspaceId: 'g1', channelId: 'damascus-desk', displayName: 'ana' };
const ON_UTC: Caller = { ...DAMASCUS, channelId: 'utc-desk' };

let app: TestApp;
beforeAll(async () => {
  app = createTestApp('discord:1001', () => NEW_YEARS_EVE);
  const subscribed = await app.dispatcher.runText('/digest subscribe schedule:"daily 08:00" timezone:Asia/Damascus', DAMASCUS);
  expect(subscribed.tone, viewText(subscribed)).toBe('success');
});
afterAll(() => app.dispose());

const reply = async (text: string, caller: Caller) => viewText(await app.dispatcher.runText(text, caller));

describe('GIVEN a channel whose digest is read in Damascus, where it is 1 January 2032 already', () => {
  it('WHEN since:"July 12" has no year THEN the example adds 2032', async () => {
    expect(await reply('/timeline since:"July 12"', DAMASCUS)).toContain('A date needs its year: add it, e.g. since:"12 July 2032".');
  });

  it('WHEN since:July is typed alone THEN the example month is in 2032', async () => {
    expect(await reply('/timeline since:July', DAMASCUS)).toContain('A month needs its year: add it, e.g. since:"July 2032" or since:2032-07.');
  });
});

describe('GIVEN a channel without a digest, on the bot’s clock (UTC), where it is still 31 December 2031', () => {
  it('WHEN since:"July 12" has no year THEN the example adds 2031', async () => {
    expect(await reply('/timeline since:"July 12"', ON_UTC)).toContain('A date needs its year: add it, e.g. since:"12 July 2031".');
  });

  it('WHEN since:July is typed alone THEN the example month is in 2031', async () => {
    expect(await reply('/timeline since:July', ON_UTC)).toContain('A month needs its year: add it, e.g. since:"July 2031" or since:2031-07.');
  });
});
