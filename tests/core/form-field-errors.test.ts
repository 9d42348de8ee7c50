// GIVEN the /entry add form on a platform with room for all its fields WHEN a submission is
// refused for several fields at once THEN each message is under the field it concerns (the date's
// under Date, the end's under End, an unknown actor's under Actors), never another field's; what
// concerns no field of the form is apart, for the whole form; and nothing is written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let platform: MemoryPlatform;
beforeEach(() => {
  app = createTestApp('memory:ana', () => new Date('2026-06-15T12:00:00Z'));
  // Slack's room: every field of /entry add in one form.
  platform = new MemoryPlatform(app.dispatcher, app.logger, undefined, { maxFields: 50 });
});
afterEach(() => app.dispose());

const talks = { title: 'Talks resume', type: 'talks', topic: 'syria-israel' };

async function refused(values: Record<string, string>) {
  const form = (await platform.command('/entry add', 'ana')).form!;
  const before = storeFingerprint(app.db);
  const message = await platform.submit(form, values, 'ana');
  expect(message.fieldError, message.text).toBeDefined();
  expect(storeFingerprint(app.db)).toBe(before);
  return message;
}

describe('GIVEN the /entry add form with every field', () => {
  it('WHEN the date and the end are both unreadable THEN the date’s message is under Date and the end’s under End', async () => {
    const message = await refused({ ...talks, date: '2026-13-01', end: 'soon' });
    expect(Object.keys(message.fieldErrors!).sort()).toEqual(['date', 'end']);
    expect(message.fieldErrors!.date).toContain('Option `date` of `/entry add` must be a date like 2025, 2025-07 or 2025-07-12 — got `2026-13-01`.');
    expect(message.fieldErrors!.date).toContain('There is no month 13');
    expect(message.fieldErrors!.date).not.toContain('`end`');
    expect(message.fieldErrors!.end).toContain('Option `end` of `/entry add` must be a date');
    expect(message.fieldErrors!.end).toContain('`soon`');
    expect(message.fieldErrors!.end).not.toContain('month 13');
    expect(message.generalError).toBeUndefined();
    // The refusal as a whole still says both, for a platform that shows it as a message.
    expect(message.text).toContain('`2026-13-01`');
    expect(message.text).toContain('`soon`');
  });

  it('WHEN an actor is unknown and the date is in the future THEN the actor’s message is under Actors and the date’s under Date', async () => {
    const message = await refused({ ...talks, date: '2026-07-01', actors: 'Nobody:participant' });
    expect(Object.keys(message.fieldErrors!).sort()).toEqual(['actors', 'date']);
    expect(message.fieldErrors!.actors).toContain('No actor is called `Nobody` (option `actors`).');
    expect(message.fieldErrors!.actors).toContain('create it first');
    expect(message.fieldErrors!.actors).not.toContain('future');
    expect(message.fieldErrors!.date).toContain('Option `date` is in the future — got `1 Jul 2026`; today is 15 Jun 2026 (UTC).');
    expect(message.fieldErrors!.date).toContain('Date an entry by the day it happened');
    expect(message.fieldErrors!.date).not.toContain('Nobody');
  });

  it('WHEN one field is wrong THEN its message is under it alone, as before', async () => {
    const message = await refused({ ...talks, date: 'soon' });
    expect(message.fieldError?.field).toBe('date');
    expect(Object.keys(message.fieldErrors!)).toEqual(['date']);
    expect(message.generalError).toBeUndefined();
  });
});

describe('GIVEN a form on a platform with room for five fields', () => {
  it('WHEN a refusal concerns an option the form does not show THEN it is said for the whole form, under no field', async () => {
    const narrow = new MemoryPlatform(app.dispatcher, app.logger, undefined, { maxFields: 5 });
    // `/entry add` with its required options given and no summary opens the form: `end` is not among its five fields.
    const form = (await narrow.command('/entry add title:Talks date:2026-05 type:talks topic:syria-israel end:2026-04', 'ana')).form!;
    expect(form.fields.map((f) => f.name)).not.toContain('end');
    const message = await narrow.submit(form, { ...Object.fromEntries(form.fields.map((f) => [f.name, f.value ?? ''])), summary: 'Officials met.' }, 'ana');
    expect(message.fieldErrors).toEqual({});
    expect(message.generalError).toContain('Option `end` (2026-04) is before the date (2026-05).');
    expect(message.generalError).toContain('`end` came with the command, not the form');
  });
});
