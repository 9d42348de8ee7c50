// GIVEN the /entry add modal in Slack WHEN a submission is refused for several fields at once THEN
// each message is under the input it concerns (the date's under Date, the end's under End, an
// unknown actor's under Actors), none under another's; nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { startHarness, type Harness } from './harness.js';

const ADMIN = 'U0ADMIN';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ admins: `slack:${ADMIN}`, appNow: () => new Date('2026-06-15T12:00:00Z') });
});
afterAll(() => h.close());

const talks = { title: 'Talks resume', type: 'talks', topic: 'syria-israel' };

async function refused(values: Record<string, string>): Promise<Record<string, string>> {
  const view = await h.openForm('/entry add', { userId: ADMIN });
  const before = storeFingerprint(h.app.db);
  const answer = await h.submitForm(view, values, { userId: ADMIN });
  expect(answer.body?.response_action).toBe('errors');
  expect(storeFingerprint(h.app.db)).toBe(before);
  return answer.body!.errors!;
}

describe('GIVEN the /entry add modal', () => {
  it('WHEN the date and the end are both unreadable THEN the date’s message is under Date and the end’s under End', async () => {
    const errors = await refused({ ...talks, date: '2026-13-01', end: 'soon' });
    expect(Object.keys(errors).sort()).toEqual(['date', 'end']);
    expect(errors.date).toContain('`2026-13-01`');
    expect(errors.date).toContain('There is no month 13');
    expect(errors.date).not.toContain('`soon`');
    expect(errors.end).toContain('Option `end`');
    expect(errors.end).toContain('`soon`');
    expect(errors.end).not.toContain('month 13');
  });

  it('WHEN an actor is unknown and the date is in the future THEN the actor’s message is under Actors and the date’s under Date', async () => {
    const errors = await refused({ ...talks, date: '2026-07-01', actors: 'Nobody:participant' });
    expect(Object.keys(errors).sort()).toEqual(['actors', 'date']);
    expect(errors.actors).toContain('No actor is called `Nobody` (option `actors`).');
    expect(errors.actors).not.toContain('future');
    expect(errors.date).toContain('Option `date` is in the future');
    expect(errors.date).not.toContain('Nobody');
  });
});
