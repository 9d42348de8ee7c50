// GIVEN an entry an admin edited and then removed, WHEN anyone runs /entry show on its number,
// THEN it is shown as it was when removed, under a banner saying who removed it, when and why,
// with the /entry undo that brings it back, in a normal (not success) tone; editing it is still
// refused until it is restored, and once restored it shows as a live entry again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';

import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText, introLines } from '../support/view-text.js';

let app: TestApp;
let clock = new Date('2026-12-05T09:00:00Z');
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const member: Caller = { platform: 'slack', userId: 'U2', workspaceId: 'T', displayName: 'mo' };
const run = (line: string, who: Caller = admin) => app.dispatcher.runText(line, who);

beforeAll(async () => {
  app = createTestApp('slack:U1', () => clock);
  expect((await run('/entry add title:"Strike A" date:2026-11-30 type:air-strike topic:syria-israel places:Damascus actors:"Israel:initiator"')).tone).toBe('success');
  clock = new Date('2026-12-05T10:00:00Z');
  expect((await run('/entry edit id:18 confidence:confirmed')).tone).toBe('success');
  clock = new Date('2026-12-05T11:30:00Z');
  expect((await run('/entry remove id:18 reason:"dup of #12"')).tone).toBe('success');
  clock = new Date('2026-12-05T12:00:00Z');
});
afterAll(() => app?.dispose());

describe('/entry show of a removed entry', () => {
  it('shows the entry as it was when removed, under a banner naming who removed it, when and why, and the undo', async () => {
    const view = await run('/entry show id:18', member);
    expect(view.tone).toBe('normal');
    expect(view.title).toBe('#18 Strike A — removed');
    expect(introLines(view)[0]).toBe('Removed by ed (Slack) at 2026-12-05 11:30 UTC: “dup of #12”.');
    const text = viewText(view);
    expect(text).toContain('An admin can bring it back with `/entry undo id:18`.');
    expect(text).toMatch(/Date\s+30 Nov 2026/);
    expect(text).toMatch(/Confidence\s+confirmed/);
    expect(text).toMatch(/Places\s+Damascus/);
    expect(text).toContain('Israel — initiator');
    expect(text).toContain('3 revisions, the last its removal: `/entry history id:18`');
  });

  it('still refuses to edit it, and says there is no entry for a number never used', async () => {
    const edit = await run('/entry edit id:18 title:"Strike B"');
    expect(edit.tone).toBe('error');
    expect(viewText(edit)).toContain('/entry undo id:18');
    const none = await run('/entry show id:99');
    expect(none.tone).toBe('error');
    expect(viewText(none)).toContain('There is no entry #99.');
  });

  it('shows it as a live entry again, without the banner, once an admin undoes the removal', async () => {
    expect((await run('/entry undo id:18')).tone).toBe('success');
    const view = await run('/entry show id:18', member);
    expect(view.title).toBe('#18 Strike A');
    expect(viewText(view)).not.toContain('Removed by');
    expect(viewText(view)).toMatch(/Confidence\s+confirmed/);
  });
});
