// GIVEN a scheduled digest whose card could not be drawn, posted on Discord with the card's alt
// text in its place and no file WHEN an entry it shows is corrected THEN the edited message shows
// no picture (no embed image naming an attachment the message does not have), still says the
// alt text in its place, and does not claim the picture counts the entries as first posted.
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { cleanupEachTest, discordDigests, settleAll } from '../digest/support/platform-digests.js';
import type { Embed } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const cleanup = cleanupEachTest();

const messageText = (embeds: readonly Embed[]) => visibleText(embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n'));

describe('GIVEN a scheduled digest whose card could not be drawn, on the fake Discord', () => {
  it('WHEN an entry it shows is corrected THEN the edit shows no picture and keeps the alt text said in its place', async () => {
    const { fake, h, channel, channelPosts } = await discordDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    vi.spyOn(h.app.services.charts.renderer, 'render').mockRejectedValue(new Error('the renderer stopped'));
    const admin: Caller = { platform: 'discord', userId: '1001', workspaceId: fake.guild.id, channelId: channel };
    await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', admin);
    const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported', eventType: 'statement' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const digest = channelPosts().at(-1)!;
    const posted = digest.body as { embeds: Embed[] };
    expect(posted.embeds.some((e) => e.image)).toBe(false);
    expect(digest.files ?? []).toEqual([]);
    const said = messageText(posted.embeds);
    expect(said).toContain('The picture could not be drawn: the renderer stopped');
    const alt = /^Bar chart.*$/m.exec(said)?.[0];
    expect(alt).toBeDefined();
    const messageId = digest.created!;
    expect(fake.rest.messages.get(messageId)!.attachments).toEqual([]);

    // A new entry's type changed: a picture would now count the new entries as first posted.
    await h.runText(`/entry edit id:${id} confidence:confirmed type:armed-clash`, admin);
    await h.time.advance(2 * 60_000);
    const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${messageId}`);
    expect(edits).toHaveLength(1);
    const edited = fake.rest.messages.get(messageId)! as { embeds: Embed[]; attachments: unknown[] };
    expect(edited.embeds.map((e) => e.image?.url).filter(Boolean)).toEqual([]);
    expect(edited.attachments).toEqual([]);
    const text = messageText(edited.embeds);
    expect(text).toContain('✏️ Corrected 6 Jul:');
    expect(text).toContain('The picture could not be drawn: the renderer stopped');
    expect(text).toContain(alt!);
    expect(text).not.toContain('The picture counts');
    expect(problemsIn(fake.requests)).toEqual([]);
  });
});
