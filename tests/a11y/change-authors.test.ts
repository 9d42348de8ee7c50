// GIVEN changes made from Discord and Slack by people with names, WHEN an admin compares an entry
// over days, takes a change back, edits over another admin's change, or anyone looks up a pinned
// place, THEN each author is said by name and platform ("alice (Slack)"), never by the platform's
// id a screen reader reads digit by digit; where two admins share a name, the other one's account
// is named so "not yours" does not read as wrong.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const MINUTE = 60_000;
const analyst: Caller = { platform: 'discord', userId: '1579270444018565125', workspaceId: 'G', displayName: 'analyst' };
const alice: Caller = { platform: 'slack', userId: 'U0ADMIN', workspaceId: 'T', displayName: 'alice' };
const otherAlice: Caller = { platform: 'slack', userId: 'U0OTHER', workspaceId: 'T', displayName: 'alice' };

let app: TestApp;
let clock: number;
const words = (text: string) => text.replace(/\s+/g, ' ');
const run = async (line: string, caller: Caller) => words(viewText(await app.dispatcher.runText(line, caller)));

beforeEach(() => {
  clock = Date.parse('2025-08-01T12:00:00Z');
  app = createTestApp('discord:1579270444018565125,slack:U0ADMIN,slack:U0OTHER', () => new Date(clock));
});
afterEach(() => app.dispose());

describe('GIVEN an entry added on Discord, then edited, removed and restored on Slack', () => {
  beforeEach(async () => {
    await run('/entry add title:"Strike near Quneitra" date:2025-07-30 type:air-strike topic:syria-israel places:Quneitra', analyst);
    clock = Date.parse('2025-08-02T10:00:00Z');
    await run('/entry edit id:18 confidence:confirmed', alice);
    clock = Date.parse('2025-08-03T10:00:00Z');
    await run('/entry remove id:18 reason:"checking"', alice);
    clock = Date.parse('2025-08-05T12:00:00Z');
  });

  it('WHEN an admin diffs it across the days THEN who removed it and who changed it last are named by name and platform', async () => {
    const diff = await run('/entry diff id:18 from:2025-08-01', analyst);
    expect(diff).toContain('Status: live → removed (by alice (Slack) at 2025-08-03 10:00 UTC: “checking”)');
    expect(diff).toContain('2 revisions in between; last by alice (Slack) at 2025-08-03 10:00 UTC.');
    expect(diff).not.toContain('U0ADMIN');
  });

  it('WHEN it is diffed from before it was added THEN who added it is named by name and platform', async () => {
    const diff = await run('/entry diff id:18 from:2025-07-31', alice);
    expect(diff).toContain('added at 2025-08-01 12:00 UTC by analyst (Discord)');
    expect(diff).not.toContain('1579270444018565125');
  });

  it('WHEN it was removed and restored in between THEN the lines in between name who did each', async () => {
    await run('/entry undo id:18', analyst);
    clock = Date.parse('2025-08-06T12:00:00Z');
    const diff = await run('/entry diff id:18 from:2025-08-02', alice);
    expect(diff).toContain('In between Removed by alice (Slack) at 2025-08-03 10:00 UTC: “checking” Restored by analyst (Discord) at 2025-08-05 12:00 UTC');
    expect(diff).not.toMatch(/1579270444018565125|U0ADMIN/);
  });
});

describe('GIVEN an admin on Slack who changed an entry two minutes ago', () => {
  beforeEach(async () => {
    await run('/entry edit id:12 confidence:disputed', alice);
    clock += 2 * MINUTE;
  });

  it('WHEN an admin on Discord undoes it THEN the reply names whose change went by name and platform', async () => {
    const said = await run('/entry undo id:12', analyst);
    expect(said).toMatch(/Took back r\d+ \(confidence\), by alice \(Slack\) at 2025-08-01 12:00 UTC\./);
    expect(said).toContain('That change was made by alice (Slack) 2 minutes ago, not by you; no change of yours to #12 stands.');
    expect(said).not.toContain('U0ADMIN');
  });

  it('WHEN an undo names an older change THEN the refusal names the latest change’s author by name and platform', async () => {
    const said = await run('/entry undo id:12 revision:1', analyst);
    expect(said).toMatch(/The latest is r\d+ \(confidence\), by alice \(Slack\) at 2025-08-01 12:00 UTC\./);
    expect(said).not.toContain('U0ADMIN');
  });

  it('WHEN another admin also named alice undoes it THEN the reply names the account, as the name alone would read as their own', async () => {
    const said = await run('/entry undo id:12', otherAlice);
    expect(said).toMatch(/Took back r\d+ \(confidence\), by alice \(Slack user U0ADMIN\) at 2025-08-01 12:00 UTC\./);
    expect(said).toContain('That change was made by alice (Slack user U0ADMIN) 2 minutes ago, not by you;');
  });
});

describe('GIVEN an admin on Slack who changed an entry’s title and date two minutes ago', () => {
  beforeEach(async () => {
    await run('/entry edit id:12 title:"Officials meet in Baku" date:2025-07-20', alice);
    clock += 2 * MINUTE;
  });

  it('WHEN an admin on Discord edits the title over it THEN the reply names whose change it replaces by name and platform', async () => {
    const said = await run('/entry edit id:12 title:"Envoys meet in Baku"', analyst);
    expect(said).toContain('This replaces the change alice (Slack) made 2 minutes ago (Title: “Syrian and Israeli officials meet in Baku” → “Officials meet in Baku”).');
    expect(said).not.toContain('U0ADMIN');
  });

  it('WHEN the Discord admin’s edit is refused because of that date THEN the refusal names who moved it by name and platform', async () => {
    const said = await run('/entry edit id:12 published:2025-07-15', analyst);
    expect(said).toContain('Date was changed by alice (Slack) at 2025-08-01 12:00 UTC, 2 minutes ago (“12 Jul 2025” → “20 Jul 2025”)');
    expect(said).not.toContain('U0ADMIN');
  });
});

describe('GIVEN a place pinned by an admin on Slack', () => {
  it('WHEN anyone looks it up with /place THEN it is said to be pinned by the name and platform', async () => {
    await run('/entry add title:"Patrol on Mount Hermon" date:2025-07-30 type:armed-clash topic:syria-israel places:"Mount Hermon" located:false', alice);
    await run('/places locate name:"Mount Hermon" at:"33.416, 35.857" in:Quneitra', alice);
    const place = await run('/place name:"Mount Hermon"', analyst);
    expect(place).toContain('pinned at 33.416, 35.857 in Quneitra, Syria by alice (Slack)');
    expect(place).not.toContain('U0ADMIN');
  });
});
