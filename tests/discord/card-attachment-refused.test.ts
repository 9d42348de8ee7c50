// GIVEN a scheduled digest whose card is drawn but whose attachment Discord refuses (413, over the
// channel's upload limit) WHEN it is posted THEN it goes out without the picture, saying why and
// giving the card's alt text in its place, as on Slack and as a card not drawn does, instead of
// the digest failing for good and its subscription pausing; the delivery log says it went
// without; and a correction's edit keeps saying so and points at no attachment.
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { cleanupEachTest, discordDigests, settleAll } from '../digest/support/platform-digests.js';
import { DRAWING } from '../support/drawing.js';
import type { Embed } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const cleanup = cleanupEachTest();

const messageText = (embeds: readonly Embed[]) => visibleText(embeds.map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n')).join('\n'));
const SAID = 'The picture could not be shown: Discord refused the attachment: Request entity too large (40005)';

describe('GIVEN Discord refuses the card’s attachment as too large, on the fake Discord', () => {
  it('WHEN the digest is posted and an entry it shows is corrected THEN both say the picture was left out and why, with its alt text', DRAWING, async () => {
    const { fake, h, channel, channelPosts } = await discordDigests(cleanup);
    settleAll(h);
    h.startScheduler();
    const admin: Caller = { platform: 'discord', userId: '1001', workspaceId: fake.guild.id, channelId: channel };
    await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', admin);
    fake.refuseFiles(channel);
    const id = h.addEntry({ title: 'Envoys meet in Baku', confidence: 'reported', eventType: 'statement' });
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const [refused, digest] = channelPosts().slice(-2);
    expect(refused!.status).toBe(413);
    expect(refused!.files?.length).toBe(1);
    expect(digest!.status).toBe(200);
    expect(digest!.files ?? []).toEqual([]);
    const posted = digest!.body as { embeds: Embed[] };
    expect(posted.embeds.some((e) => e.image)).toBe(false);
    const said = messageText(posted.embeds);
    expect(said).toContain(SAID);
    expect(said).toContain('Envoys meet in Baku');
    const alt = /^Bar chart.*$/m.exec(said)?.[0];
    expect(alt).toBeDefined();
    const messageId = digest!.created!;
    expect(fake.rest.messages.get(messageId)!.attachments).toEqual([]);

    const sub = h.app.digests.store.subscriptions.byChannel({ platform: 'discord', workspaceId: fake.guild.id, channelId: channel })!;
    expect(sub.paused).toBeUndefined();
    const delivery = h.app.digests.store.deliveries.latest(sub.id)!;
    expect(delivery).toMatchObject({ status: 'delivered', messageRefs: [[messageId]] });
    expect(delivery.notes).toEqual([`Part 1 of 1: posted without its picture. ${SAID}`]);

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
    expect(text).toContain(SAID);
    expect(text).toContain(alt!);
    expect(text).not.toContain('The picture counts');
    expect(problemsIn(fake.requests)).toEqual([]);
  });
});
