// GIVEN changes made from Discord and Slack by people with names, WHEN anyone reads an entry, its
// history or a trend call, THEN each change is said to be by the person's name and platform
// ("analyst (Discord)"), not by the platform's id, which a screen reader reads digit by digit;
// /entry history names the account behind each name once, for an admin tracing a change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const analyst: Caller = { platform: 'discord', userId: '1579270444018565125', workspaceId: 'G', displayName: 'analyst' };
const alice: Caller = { platform: 'slack', userId: 'U0ADMIN', workspaceId: 'T', displayName: 'alice' };
const unnamed: Caller = { platform: 'slack', userId: 'U0NONAME', workspaceId: 'T' };
const run = async (text: string, caller: Caller = analyst) => viewText(await app.dispatcher.runText(text, caller));

beforeEach(() => {
  app = createTestApp('discord:1579270444018565125,slack:U0ADMIN,slack:U0NONAME', () => new Date('2026-03-01T10:00:00Z'));
});
afterEach(() => app.dispose());

describe('GIVEN an entry added on Discord and edited on Slack', () => {
  beforeEach(async () => {
    await run('/entry add title:"Strike near Quneitra" date:2025-08-01 type:air-strike topic:syria-israel places:Quneitra');
    await run('/entry edit id:18 confidence:confirmed', alice);
  });

  it('WHEN anyone shows it THEN the footer says who edited it last by name and platform', async () => {
    const shown = await run('/entry show id:18');
    expect(shown).toContain('2 revisions · last edited by alice (Slack) at 2026-03-01 10:00 UTC');
    expect(shown).not.toContain('U0ADMIN');
  });

  it('WHEN anyone reads its history THEN each line names the person, and the accounts are listed once at the end', async () => {
    await run('/entry edit id:18 tags:border', unnamed);
    const history = await run('/entry history id:18');
    expect(history).toMatch(/create by analyst \(Discord\)\n/);
    expect(history).toMatch(/edit by alice \(Slack\) — confidence\n/);
    expect(history).toMatch(/edit by slack:U0NONAME — tags\n/);
    expect(history).toContain('Who made these changes\n    analyst (Discord) is Discord user 1579270444018565125.\n    alice (Slack) is Slack user U0ADMIN.');
    expect(history.match(/1579270444018565125/g)).toHaveLength(1);
  });

  it('WHEN it was removed THEN showing it names who removed it', async () => {
    await run('/entry remove id:18 reason:"duplicate"', alice);
    expect(await run('/entry show id:18')).toContain('Removed by alice (Slack) at 2026-03-01 10:00 UTC: “duplicate”.');
  });
});

describe('GIVEN a trend call made on Discord', () => {
  it('WHEN anyone reads /trend show THEN the call is by the name and platform, not the id', async () => {
    await run('/trend set topic:syria-israel direction:improved note:"Talks resume"');
    const shown = await run('/trend show topic:syria-israel', alice);
    expect(shown).toContain('Latest: improved — Talks resume (1 Mar 2026, analyst (Discord))');
  });
});
