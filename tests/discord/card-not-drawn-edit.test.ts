// GIVEN a scheduled digest whose card could not be drawn, posted on Discord with the card's alt
// text in its place and no file WHEN an entry it shows is corrected THEN the edited message shows
// no picture (no embed image naming an attachment the message does not have), still says the
// alt text in its place, and does not claim the picture counts the entries as first posted.
import { describe, expect, it, vi } from 'vitest';
import { cleanupEachTest } from '../digest/support/platform-digests.js';
import { embedsText, expectCorrectionWithoutPicture, postedDiscordCard } from '../support/discord-digest-card.js';
import type { Embed } from './support/harness.js';

const cleanup = cleanupEachTest();

const SAID = 'The picture could not be drawn: the renderer stopped';

describe('GIVEN a scheduled digest whose card could not be drawn, on the fake Discord', () => {
  it('WHEN an entry it shows is corrected THEN the edit shows no picture and keeps the alt text said in its place', async () => {
    const posted = await postedDiscordCard(cleanup, ({ h }) => vi.spyOn(h.app.services.charts.renderer, 'render').mockRejectedValue(new Error('the renderer stopped')));
    const { fake, channelPosts } = posted;

    const digest = channelPosts().at(-1)!;
    const body = digest.body as { embeds: Embed[] };
    expect(body.embeds.some((e) => e.image)).toBe(false);
    expect(digest.files ?? []).toEqual([]);
    const said = embedsText(body.embeds);
    expect(said).toContain(SAID);
    const alt = /^Bar chart.*$/m.exec(said)?.[0];
    expect(alt).toBeDefined();
    const messageId = digest.created!;
    expect(fake.rest.messages.get(messageId)!.attachments).toEqual([]);

    await expectCorrectionWithoutPicture(posted, messageId, SAID, alt!);
  });
});
