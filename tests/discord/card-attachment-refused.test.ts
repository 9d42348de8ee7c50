// GIVEN a scheduled digest whose card is drawn but whose attachment Discord refuses (413, over the
// channel's upload limit) WHEN it is posted THEN it goes out without the picture, saying why and
// giving the card's alt text in its place, as on Slack and as a card not drawn does, instead of
// the digest failing for good and its subscription pausing; the delivery log says it went
// without; and a correction's edit keeps saying so and points at no attachment.
import { describe, expect, it } from 'vitest';
import { cleanupEachTest } from '../digest/support/platform-digests.js';
import { embedsText, expectCorrectionWithoutPicture, postedDiscordCard } from '../support/discord-digest-card.js';
import { DRAWING } from '../support/drawing.js';
import type { Embed } from './support/harness.js';

const cleanup = cleanupEachTest();

const SAID = 'The picture could not be shown: Discord refused the attachment: Request entity too large (40005)';

describe('GIVEN Discord refuses the card’s attachment as too large, on the fake Discord', () => {
  it('WHEN the digest is posted and an entry it shows is corrected THEN both say the picture was left out and why, with its alt text', DRAWING, async () => {
    const posted = await postedDiscordCard(cleanup, ({ fake, channel }) => fake.refuseFiles(channel));
    const { fake, h, channel, channelPosts } = posted;

    const [refused, digest] = channelPosts().slice(-2);
    expect(refused!.status).toBe(413);
    expect(refused!.files?.length).toBe(1);
    expect(digest!.status).toBe(200);
    expect(digest!.files ?? []).toEqual([]);
    const body = digest!.body as { embeds: Embed[] };
    expect(body.embeds.some((e) => e.image)).toBe(false);
    const said = embedsText(body.embeds);
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

    await expectCorrectionWithoutPicture(posted, messageId, SAID, alt!);
  });
});
