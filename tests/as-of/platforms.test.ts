// Past views on Discord and Slack: the real discord.js client and the real Bolt app, against the
// fake platforms, on the seed dossier edited at known (fake) times. What the past view says is
// the core's (tests/as-of/past-views.test.ts); here each platform shows it and pages it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import type { TestApp } from '../support/test-app.js';
import { startHarness as startDiscord, type Answer, type Harness as DiscordHarness } from '../discord/support/harness.js';
import { visibleText } from '../discord/support/markdown-text.js';
import { startHarness as startSlack, shownText, type Harness as SlackHarness } from '../slack/harness.js';
import { visibleText as slackVisible } from '../slack/mrkdwn-text.js';

const OLD_TITLE = 'Diplomat: Barrack to facilitate al-Shaibani–Dermer talks';
const NEW_TITLE = 'Barrack to host al-Shaibani–Dermer talks';
const editor: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'c1' };

/** The seed dossier on 1 Jul, then #13 retitled on 3 Jul and #3 removed on 5 Jul; asked on 20 Jul. */
async function editDossier(app: TestApp, setClock: (at: string) => void): Promise<void> {
  for (const [at, line] of [
    ['2025-07-03T12:00:00Z', `/entry edit id:13 title:"${NEW_TITLE}" confidence:confirmed`],
    ['2025-07-05T20:00:00Z', '/entry remove id:3 reason:"duplicate of #8"'],
  ] as const) {
    setClock(at);
    expect((await app.dispatcher.runText(line, editor)).tone).toBe('success');
  }
  setClock('2025-07-20T12:00:00Z');
}

function clockAt(start: string) {
  let clock = new Date(start);
  return { now: () => clock, set: (at: string) => (clock = new Date(at)) };
}

describe('GIVEN the dossier edited on known days, on Discord', () => {
  let h: DiscordHarness;
  const clock = clockAt('2025-07-01T09:00:00Z');
  beforeAll(async () => {
    h = await startDiscord({ admins: 'memory:ana', appNow: clock.now });
    await editDossier(h.app, clock.set);
  });
  afterAll(async () => {
    await h?.close();
  });
  const embedText = (answer: Answer) => {
    const embed = answer.body.embeds![0]!;
    return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].map((t) => visibleText(t ?? '')).join('\n');
  };

  it('WHEN /timeline as_of: is asked THEN the embed shows the dossier of that day and says it is a past view', async () => {
    const answer = await h.slash('timeline', { as_of: '2025-07-02', limit: 25 });
    expect(answer.ephemeral).toBe(false);
    const text = embedText(answer);
    expect(text).toContain('as of the end of 2 Jul 2025 (UTC)');
    expect(text).toContain('A past view');
    expect(text).toContain(`#13 ${OLD_TITLE}`);
    expect(text).toContain('#3 1974 disengagement agreement');
    const later = embedText(await h.slash('timeline', { as_of: '2025-07-06', limit: 25 }));
    expect(later).toContain(`#13 ${NEW_TITLE}`);
    expect(later).not.toContain('#3 1974');
  });

  it('WHEN /entry show as_of: is asked THEN the entry has its fields of then', async () => {
    const text = embedText(await h.slash('entry', { id: 13, as_of: '2025-07-02' }, { subcommand: 'show' }));
    expect(text).toContain(`#13 ${OLD_TITLE} — as of the end of 2 Jul 2025 (UTC)`);
    expect(text).toContain('reported');
    expect(text).not.toContain(NEW_TITLE);
  });

  it('WHEN the day is in the future THEN the refusal is private and says why', async () => {
    const answer = await h.slash('timeline', { as_of: '2025-08-01' });
    expect(answer.ephemeral).toBe(true);
    expect(embedText(answer)).toMatch(/future|not over|after/i);
  });
});

describe('GIVEN the dossier edited on known days, on Slack', () => {
  let h: SlackHarness;
  const clock = clockAt('2025-07-01T09:00:00Z');
  beforeAll(async () => {
    h = await startSlack({ admins: 'memory:ana', appNow: clock.now });
    await editDossier(h.app, clock.set);
  });
  afterAll(async () => {
    await h?.close();
  });
  const shown = async (line: string) => slackVisible(shownText(await h.command(line)));

  it('WHEN /timeline as_of: is asked THEN the message shows the dossier of that day and says it is a past view', async () => {
    const early = await shown('/timeline as_of:2025-07-02 limit:25');
    expect(early).toContain('as of the end of 2 Jul 2025 (UTC)');
    expect(early).toContain('A past view');
    expect(early).toContain(`*#13* *${OLD_TITLE}*`);
    expect(early).toContain('*#3* *1974 disengagement agreement');
    const later = await shown('/timeline as_of:2025-07-06 limit:25');
    expect(later).toContain(`*#13* *${NEW_TITLE}*`);
    expect(later).not.toContain('*#3* *1974');
  });

  it('WHEN /entry diff is asked THEN each changed field shows what it was and what it became', async () => {
    const diff = await shown('/entry diff id:13 from:2025-07-02');
    expect(diff).toContain(OLD_TITLE);
    expect(diff).toContain(NEW_TITLE);
    expect(diff).toMatch(/reported\s*→\s*confirmed/);
  });
});
