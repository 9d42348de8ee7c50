// /digest subscribe where Discord refuses the bot's token (401) as it posts the confirmation,
// through discord.js against the fake Discord: the reply says to reset the token, not to change the
// channel's permissions, and the digest is set up, unpaused, to wait for the operator.
import { afterEach, describe, expect, it } from 'vitest';
import { snowflake } from '../fakes/discord-payloads.js';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

const adminRole = snowflake();
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const said = (answer: Answer) => answer.body.embeds!.map((e) => visibleText([e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'))).join('\n');

describe('GIVEN a Discord channel with no digest', () => {
  it('WHEN Discord answers 401 to the confirmation THEN the reply says to reset the bot token, not to grant permissions, and the digest is set up unpaused', async () => {
    h = await startHarness({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] });
    h.app.digests.posters.register(h.adapter.poster);
    h.fake.failChannel(h.fake.guild.channelId, { status: 401, body: { code: 0, message: '401: Unauthorized' }, times: 1 });

    const reply = said(await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' }));
    expect(reply).toContain('Digest subscribed');
    expect(reply).toContain('Sitrep could not post its confirmation in this channel (Discord refused the message: 401: Unauthorized (0)): the platform refused Sitrep itself, not this channel');
    expect(reply).toContain('waits for the operator to fix the app — Discord no longer accepts the bot token: reset it in the Developer Portal (Bot → Reset Token), set DISCORD_TOKEN to the new one and restart Sitrep.');
    expect(reply).not.toContain('Send Messages');
    expect(reply).not.toContain('Permissions');
    expect(reply).not.toContain('no digest was set up');

    const channel = { platform: 'discord', workspaceId: h.fake.guild.id, channelId: h.fake.guild.channelId } as const;
    expect(h.app.digests.store.subscriptions.byChannel(channel)?.paused).toBeUndefined();
  });
});
