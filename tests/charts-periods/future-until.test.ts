// GIVEN today 5 Dec 2026, WHEN a chart is asked until a later day, THEN it counts up to today, as
// README says, and a note says so: the title names today, where the figures stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';

import { createTestApp, type TestApp } from '../support/test-app.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
const today = new Date('2026-12-05T12:00:00Z');
const desk: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, desk);
const NOTE = 'until 1 Jan 2099 is after today (5 Dec 2026 in UTC): entries are counted up to today.';

beforeAll(async () => {
  app = createTestApp('memory:ana', () => today);
  expect((await run('/entry add title:"Strike A" date:2026-11-30 type:air-strike topic:syria-israel places:Damascus')).tone).toBe('success');
});
afterAll(() => app?.dispose());

describe('GIVEN a chart asked until a day after today', () => {
  it('WHEN /chart timeline until:2099-01-01 runs THEN a note says it counts up to today, and no period after today is described', async () => {
    const view = await run('/chart timeline topic:syria-israel until:2099-01-01 data:true');
    expect(introLines(view)).toContain(NOTE);
    expect(introLines(view)[0]).toContain('through the week starting 30 Nov 2026');
    expect(introLines(view)[0]).not.toContain('2099');
  });

  it('WHEN /chart map until:2099-01-01 runs THEN the same note says until was cut at today', async () => {
    const view = await run('/chart map topic:syria-israel until:2099-01-01 data:true');
    expect(view.title).toContain('to 5 Dec 2026');
    expect(introLines(view)).toContain(NOTE);
  });

  it('WHEN until is this month, not over yet THEN the title keeps it and no note is added', async () => {
    const view = await run('/chart timeline topic:syria-israel until:2026-12 data:true');
    expect(view.title).toContain('until Dec 2026');
    expect(introLines(view).join('\n')).not.toContain('is after today');
  });
});
