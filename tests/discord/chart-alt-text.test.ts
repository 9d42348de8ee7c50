// GIVEN weekly trend calls on four topics with long names, entries of every event type and entries
// dated only to a month, WHEN a user asks for the weekly chart of every topic on Discord, THEN the
// attachment's description (the picture's alt text) is within Discord's 1,024 characters, cut at a
// word where it has to be, and still closes with the entries the picture leaves out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { lineToPlainText } from '../../src/core/view.js';
import { EVENT_TYPE_IDS } from '../../src/core/vocabulary.js';
import { DRAWING } from '../support/drawing.js';
import { startHarness, type Harness } from './support/harness.js';

const TODAY = new Date('2025-07-27T12:00:00Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;
const operator: Caller = { platform: 'console', userId: 'operator', localOperator: true };
// Topic names near as long as a topic may be (60 characters).
const TOPICS = ['north', 'south', 'coast', 'hills'].map((region) => `${region}-border-ceasefire-monitoring-and-verification-talks-25`);

let h: Harness;
let clock = TODAY;

beforeAll(async () => {
  h = await startHarness({ appNow: () => clock });
  const run = async (line: string) => {
    const done = await h.app.dispatcher.runText(line, operator);
    expect(done.tone, (done.intro ?? []).map(lineToPlainText).join(' ')).toBe('success');
  };
  for (const [i, type] of EVENT_TYPE_IDS.entries()) await run(`/entry add title:"Event ${i}" date:2025-07-${String(7 + i).padStart(2, '0')} type:${type} topic:${TOPICS[i % TOPICS.length]}`);
  await run(`/entry add title:"Sometime in June" date:2025-06 type:statement topic:${TOPICS[0]}`);
  for (let week = 0; week < 26; week++) {
    clock = new Date(Date.parse('2025-01-06T09:00:00Z') + week * WEEK_MS);
    for (const topic of TOPICS) await run(`/trend set topic:${topic} direction:${week % 2 === 0 ? 'improved' : 'deteriorated'}${week === 25 ? ' alert:risk' : ''} note:"Weekly call"`);
  }
  clock = TODAY;
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('a long alt text on Discord', DRAWING, () => {
  it('ends at a word within 1,024 characters and keeps the sentence on what the picture leaves out', async () => {
    const answer = await h.slash('chart', { by: 'week', since: '2025-01' }, { subcommand: 'timeline' });
    const description = (answer.body as { attachments?: { description: string }[] }).attachments![0]!.description;
    expect(description.length).toBeLessThanOrEqual(1024);
    expect(description).toMatch(/… \d+ entries dated less precisely than a week.* are not on this chart\.$/);
    // Cut after a whole word of the full description, which the Data answer gives.
    const full = lineToPlainText((await h.app.dispatcher.runText('/chart timeline by:week since:2025-01 data:true', operator)).intro![0]!);
    const kept = description.slice(0, description.indexOf('…'));
    expect(full.startsWith(kept)).toBe(true);
    expect(full[kept.length]).toBe(' ');
  });
});
