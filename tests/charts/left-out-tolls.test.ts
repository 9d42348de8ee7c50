// GIVEN entries of a topic dated to the day, and one dated only to the month with a large toll,
// WHEN /chart timeline draws weeks, THEN the note and the alt text (the picture's description on
// every platform) say which entry is left out and how many people it reports killed, as the
// chart's line of fatalities does not hold them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';

import { createTestApp, type TestApp } from '../support/test-app.js';
import { DRAWING } from '../support/drawing.js';
import { introLines } from '../support/view-text.js';

let app: TestApp;
const admin: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1', displayName: 'Ana' };
const run = (line: string) => app.dispatcher.runText(line, admin);
const ADD = 'topic:south-syria outlet:OCHA summary:"x"';

beforeAll(async () => {
  app = createTestApp('memory:ana', () => new Date('2025-08-12T09:00:00Z'));
  for (const line of [
    `/entry add title:"Clashes in Sweida city" date:2025-07-28 type:armed-clash places:Sweida fatalities:12-45-45 fatalities_source:SOHR ${ADD}`,
    `/entry add title:"Shelling of Daraa countryside" date:2025-07-30 type:shelling places:Daraa fatalities:20-30-40 fatalities_source:Reuters ${ADD}`,
    `/entry add title:"Clashes across Sweida province in July" date:2025-07 type:armed-clash places:"Sweida province" fatalities:100-150-200 fatalities_source:OCHA ${ADD}`,
  ]) {
    const view = await run(line);
    expect(view.tone, introLines(view).join('\n')).toBe('success');
  }
});
afterAll(() => app?.dispose());

describe('/chart timeline leaving out an entry dated only to the month', DRAWING, () => {
  it('names the entry and its toll in the note and in the alt text', async () => {
    const view = await run('/chart timeline topic:south-syria by:week');
    const said = '1 entry dated Jul 2025, with 150 (100 to 200) reported killed, is not on this chart';
    expect(introLines(view)).toContain(`${said} (by:month shows those dated to a month).`);
    expect(view.image?.alt).toContain('a line of fatalities (best estimates), 75 in all');
    expect(view.image?.alt).toMatch(new RegExp(`\\. ${said.replace(/[()]/g, '\\$&')}\\.$`));
  });

  it('adds up the tolls of several entries it leaves out, and says how many of them give one', async () => {
    await run(`/entry add title:"Raids on villages west of Sweida" date:2025-07 type:armed-clash places:Sweida fatalities:60 fatalities_source:SOHR ${ADD}`);
    await run(`/entry add title:"Displacement from Sweida" date:2025-07 type:other places:Sweida ${ADD}`);
    const view = await run('/chart timeline topic:south-syria by:week data:true');
    expect(introLines(view)).toContain('3 entries dated less precisely than a week, with 210 (160 to 260) reported killed in 2 of them, are not on this chart (by:month shows those dated to a month).');
    // The Data answer says it once, in the note; the picture's alt text closes with it.
    expect(introLines(view)[0]).not.toContain('not on this chart');
    const picture = await run('/chart timeline topic:south-syria by:week');
    expect(picture.image?.alt).toMatch(/\. 3 entries dated less precisely than a week, with 210 \(160 to 260\) reported killed in 2 of them, are not on this chart\.$/);
  });

  it('names the toll of an entry that starts before since and runs into it', async () => {
    const view = await run('/chart timeline topic:south-syria since:2025-07-29 by:week');
    expect(introLines(view)).toContain(
      '3 entries starting before 29 Jul 2025 and running into it, with 210 (160 to 260) reported killed in 2 of them, are not on this chart, which counts each entry in the week it starts; /timeline lists them.',
    );
  });
});
