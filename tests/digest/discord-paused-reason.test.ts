// A Discord channel's digest refused for good: /digest list gives the pause reason in the words
// Slack's are given in (what Discord refused, its words and its code), not which message and
// channel id were being posted, which the log keeps; the help is still worded for that refusal.
import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { discordDigests, type Cleanup } from './support/platform-digests.js';

const cleanup: Cleanup = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});

const discordAdmin = (guild: string, channelId: string): Caller => ({ platform: 'discord', userId: '1001', workspaceId: guild, channelId });

async function pausedBy(refusal: { status: number; body: { code: number; message: string } }) {
  const { fake, h, channel } = await discordDigests(cleanup);
  h.time.settle = () => h.app.digests.deliverer.idle();
  h.startScheduler();
  const admin = discordAdmin(fake.guild.id, channel);
  expect(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris card:false', admin)).toContain('Sitrep posted a confirmation');
  h.addEntry({ title: 'Envoys meet in Baku' });
  fake.failChannel(channel, refusal);
  await h.time.advanceTo('2026-07-06T06:01:00Z');
  return { h, channel, listed: await h.runText('/digest list', admin) };
}

describe('GIVEN a Discord digest refused for good', () => {
  it('WHEN the bot lacks permissions (403, 50013) THEN /digest list says Discord refused the message, why, and what to give the bot', async () => {
    const { h, channel, listed } = await pausedBy({ status: 403, body: { code: 50013, message: 'Missing Permissions' } });
    expect(listed).toContain('Paused: Discord refused the message: Missing Permissions (50013)');
    expect(listed).not.toContain('posting message');
    expect(listed).not.toContain('to channel');
    expect(listed).toContain('Give the bot View Channel, Send Messages and Embed Links in this channel');
    const logged = h.logger.lines.find((line) => line.message === 'Discord did not take a request');
    expect(logged?.context).toMatchObject({ request: `posting message 1 of 1 to channel ${channel}`, status: 403 });
  });

  it('WHEN the channel is gone (404, 10003) THEN /digest list says so and offers another channel, not permissions', async () => {
    const { listed } = await pausedBy({ status: 404, body: { code: 10003, message: 'Unknown Channel' } });
    expect(listed).toContain('Paused: Discord refused the message: Unknown Channel (10003)');
    expect(listed).toContain('Discord no longer knows this channel');
    expect(listed).not.toContain('Give the bot');
  });
});
