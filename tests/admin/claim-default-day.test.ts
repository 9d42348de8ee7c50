// GIVEN a channel whose digests keep another time zone than UTC WHEN a claim is recorded without
// `date:` THEN it is dated today there, the day `today` means and up to which dates are accepted:
// never a day that a typed date would be refused as in the future, nor one before the event.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let clock: Date;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
beforeEach(() => {
  app = createTestApp('', () => clock);
});
afterEach(() => app.dispose());
const run = (line: string) => app.dispatcher.runText(line, operator);

describe('GIVEN a channel keeping Pacific/Pago_Pago (UTC−11), at 10:00 UTC on 5 December', () => {
  beforeEach(async () => {
    clock = new Date('2026-12-05T10:00:00Z');
    expect((await run('/digest subscribe schedule:"daily 08:00" timezone:Pacific/Pago_Pago')).tone).not.toBe('error');
  });

  it('WHEN a claim is recorded without a date THEN it is dated 4 December, today there', async () => {
    const view = await run('/entry claim id:17 actor:Israel stance:denies outlet:IDF');
    expect(view.tone, viewText(view)).toBe('success');
    expect(viewText(view)).toContain('Israel denies · 4 Dec 2026');
    expect(viewText(await run('/entry claim id:17 actor:Syria stance:confirms outlet:SANA date:2026-12-05'))).toContain('today is 4 Dec 2026 (Pacific/Pago_Pago)');
  });
});

describe('GIVEN a channel keeping Pacific/Kiritimati (UTC+14), at 12:00 UTC on 5 December', () => {
  beforeEach(async () => {
    clock = new Date('2026-12-05T12:00:00Z');
    expect((await run('/digest subscribe schedule:"daily 08:00" timezone:Pacific/Kiritimati')).tone).not.toBe('error');
  });

  it('WHEN an entry is dated 6 December there and a claim on it is recorded without a date THEN the claim is dated 6 December, not the day before the event', async () => {
    const added = await run('/entry add title:"Talks resume in Baku" date:2026-12-06 type:talks topic:syria-israel outlet:AFP');
    expect(added.tone, viewText(added)).toBe('success');
    const id = Number(/#(\d+)/.exec(viewText(added))![1]);
    expect(viewText(await run(`/entry claim id:${id} actor:Israel stance:confirms outlet:IDF`))).toContain('Israel confirms · 6 Dec 2026');
  });
});
