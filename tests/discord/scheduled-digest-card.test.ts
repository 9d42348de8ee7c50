// GIVEN a daily digest with its card subscribed in a Discord channel WHEN the scheduler posts it
// THEN its message opens with the card, the entries after it, one file attached; WHEN an entry in
// it is corrected THEN the edited message still shows the card first, and keeps its one file.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { cleanupEachTest, discordDigests, settleAll } from '../digest/support/platform-digests.js';
import { DRAWING } from '../support/drawing.js';
import type { Embed } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const cleanup = cleanupEachTest();

const fieldsText = (embed: Embed | undefined) => visibleText((embed?.fields ?? []).map((f) => `${f.name}\n${f.value}`).join('\n'));

describe('GIVEN a scheduled digest with its card on the fake Discord', () => {
  it('WHEN posted THEN the card comes before the entries; WHEN corrected THEN the edit keeps it first, with no second file', DRAWING, async () => {
    const { fake, h, channel, channelPosts } = await discordDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    const admin: Caller = { platform: 'discord', userId: '1001', workspaceId: fake.guild.id, channelId: channel };
    await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', admin);
    const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const digest = channelPosts().at(-1)!;
    const body = digest.body as { embeds: Embed[]; attachments: { description: string }[] };
    const [card, entries, ...more] = body.embeds;
    expect(more).toEqual([]);
    expect(card!.title).toMatch(/digest/i);
    expect(card!.image?.url).toBe('attachment://card.png');
    expect(card!.fields).toBeUndefined();
    expect(entries!.image).toBeUndefined();
    expect(fieldsText(entries)).toContain('Envoys meet in Baku');
    expect(digest.files?.map((f) => f.name)).toEqual(['card.png']);
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]!.description).toMatch(/^Bar chart/);
    const messageId = digest.created!;
    const attachments = fake.rest.messages.get(messageId)!.attachments;
    expect(attachments).toHaveLength(1);

    await h.runText(`/entry edit id:${id} confidence:confirmed`, admin);
    await h.time.advance(2 * 60_000);
    const edits = fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${channel}/messages/${messageId}`);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.body).not.toHaveProperty('attachments');
    expect(edits[0]!.files ?? []).toEqual([]);
    const edited = fake.rest.messages.get(messageId)! as { embeds: Embed[]; attachments: unknown };
    expect(edited.embeds[0]!.image?.url).toBe('attachment://card.png');
    expect(edited.embeds[0]!.fields).toBeUndefined();
    expect(fieldsText(edited.embeds[1])).toContain('✏️ Corrected 6 Jul: confidence reported → confirmed');
    expect(edited.attachments).toEqual(attachments);
    expect(problemsIn(fake.requests)).toEqual([]);
  });
});
