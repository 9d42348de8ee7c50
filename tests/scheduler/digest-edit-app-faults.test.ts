// GIVEN a digest posted through the real Slack poster to the fake Slack WHEN its entry is corrected
// while chat.update refuses Sitrep itself (invalid_auth: a token Slack no longer takes) THEN the
// edit is read as chat.postMessage's refusals are, as the operator's to fix: it is not given up but
// waits, the operator is told once, and once Slack takes edits again the message shows the correction.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { cleanupEachTest, settleAll, slackDigests } from '../digest/support/platform-digests.js';

const cleanup = cleanupEachTest();
const admin: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0CHAN' };
const MINUTE = 60_000;

describe('GIVEN a digest posted on the fake Slack', () => {
  it('WHEN chat.update answers invalid_auth as a correction is shown THEN the edit waits for the operator, who is told once, and is made once Slack takes it', async () => {
    const { slack, h, command } = await slackDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    expect(await command('subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false')).toContain('Digest subscribed');
    const id = h.addEntry({ title: 'Talks resume', confidence: 'reported' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const digest = slack.messagesIn('C0CHAN').at(-1)!;
    const shown = () => JSON.stringify(slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!.blocks);
    const warned = (words: string) => h.logger.lines.filter((line) => line.level === 'warn' && line.message.includes(words));

    slack.replyTo('chat.update', { body: { ok: false, error: 'invalid_auth' } });
    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(10 * MINUTE);
    expect(slack.callsTo('chat.update').length).toBeGreaterThan(1);
    expect(shown()).not.toMatch(/Corrected 6 Jul/);
    expect(warned('a correction could not be shown')).toEqual([]);
    const told = warned('slack corrections of posted messages wait, none given up');
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('Slack refused the message: invalid_auth — Slack no longer accepts the bot token: reinstall the app to the workspace');

    slack.clearReply('chat.update');
    await h.time.advance(20 * MINUTE);
    expect(shown()).toMatch(/Corrected 6 Jul:_? confidence reported → confirmed/);
    expect(h.logger.lines.some((line) => line.message.includes('slack corrections of posted messages go out again'))).toBe(true);
  });
});
