// GIVEN a scheduled digest whose card could not be drawn, posted on Slack with the card's alt
// text in its place WHEN an entry it shows is corrected THEN the updated message shows no picture
// and still says the alt text in its place, and does not claim the picture counts the entries as
// first posted.
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { cleanupEachTest, settleAll, slackDigests } from './support/platform-digests.js';

const cleanup = cleanupEachTest();

interface Block {
  type: string;
}

/** Every text a message's blocks hold, one a line. */
function blockTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(blockTexts);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === 'text' && typeof inner === 'string' ? [inner] : blockTexts(inner)));
}

describe('GIVEN a scheduled digest whose card could not be drawn, on the fake Slack', () => {
  it('WHEN an entry it shows is corrected THEN the update shows no picture and keeps the alt text said in its place', async () => {
    const setup = await slackDigests(cleanup);
    const { slack, h } = setup;
    settleAll(h);
    h.startScheduler();
    vi.spyOn(h.app.services.charts.renderer, 'render').mockRejectedValue(new Error('the renderer stopped'));
    expect(await setup.command('subscribe schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
    const admin: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0CHAN' };
    const id = h.addEntry({ title: 'Talks resume', confidence: 'reported', eventType: 'statement' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const digest = slack.messagesIn('C0CHAN').at(-1)!;
    expect((digest.blocks as Block[]).filter((b) => b.type === 'image')).toEqual([]);
    const posted = blockTexts(digest.blocks).join('\n');
    expect(posted).toContain('The picture could not be drawn: the renderer stopped');
    const alt = /Bar chart[^\n]*/.exec(posted)?.[0];
    expect(alt).toBeDefined();

    // A new entry's type changed: a picture would now count the new entries as first posted.
    await h.runText(`/entry edit id:${id} confidence:confirmed type:armed-clash`, admin);
    await h.time.advance(2 * 60_000);
    expect(slack.callsTo('chat.update').map((c) => c.args.ts)).toEqual([digest.ts]);
    const updated = slack.messagesIn('C0CHAN').find((m) => m.ts === digest.ts)!;
    expect((updated.blocks as Block[]).filter((b) => b.type === 'image')).toEqual([]);
    const text = blockTexts(updated.blocks).join('\n');
    expect(text).toMatch(/Corrected 6 Jul:/);
    expect(text).toContain('The picture could not be drawn: the renderer stopped');
    expect(text).toContain(alt!);
    expect(text).not.toContain('The picture counts');
  });
});
