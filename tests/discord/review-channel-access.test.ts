// GIVEN discord.js against the fake Discord WHEN an admin runs /review channel in a channel the
// bot may not see (403 Missing Access) THEN Discord's refusal of the confirmation is the reply,
// saying which permissions to give the bot, and nothing is recorded; once Discord accepts it, the
// confirmation is in the channel and /review list names it.
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { seededDiscordApp } from '../support/seeded-discord-app.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import type { Embed, Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

let app: App;
let h: Harness;
seededDiscordApp('sitrep-review-access-', (run) => ({ app, h } = run));

const channel = () => h.fake.guild.channelId;
const embedText = (embed: Embed) => visibleText([embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].join('\n'));
const channelMessages = () => [...h.fake.rest.messages.values()].filter((m) => m.channel_id === channel() && m.interaction_metadata === undefined);

describe('GIVEN a channel the bot may not see', () => {
  it('WHEN an admin runs /review channel there THEN the reply gives Discord’s refusal and the permissions to give, and nothing is recorded', async () => {
    h.fake.failChannel(channel(), { status: 403, body: { code: 50001, message: 'Missing Access' }, times: 1 });
    const before = storeFingerprint(app.db);
    const refused = await h.slash('review', {}, { subcommand: 'channel' });
    const said = refused.body.embeds!.map(embedText).join('\n');
    expect(refused.ephemeral).toBe(true);
    expect(said).toMatch(/^Sitrep cannot post in this channel \(Discord refused the message: Missing Access \(50001\)\), so it was not made the review channel: Discord has no review channel yet\.$/m);
    // Review cards have no picture: Attach Files is for digests.
    expect(said).toContain('Give the bot View Channel, Send Messages and Embed Links in this channel');
    expect(said).toMatch(/then run `?\/review channel`? again\./);
    expect(storeFingerprint(app.db)).toBe(before);
    expect(channelMessages()).toEqual([]);

    // The permissions given: the confirmation lands, and the channel is the review channel.
    const set = await h.slash('review', {}, { subcommand: 'channel' });
    expect(set.body.embeds!.map(embedText).join('\n')).toContain('Sitrep posted a confirmation in this channel, so it can post cards here.');
    expect(channelMessages().map((m) => (m.embeds as Embed[])[0]?.title)).toEqual(['Review channel']);
    const listed = await h.slash('review', {}, { subcommand: 'list' });
    expect(listed.body.embeds!.map(embedText).join('\n')).toContain(`Cards are posted in the review channel: <#${channel()}> (channel ${channel()}, this channel) on Discord.`);
  });
});
