// GIVEN a review channel on Discord (the real discord.js client against the fake Discord) WHEN an
// admin runs /review channel in a channel where Discord refuses Sitrep's posts (403 Missing
// Permissions) THEN the refusal names the review channel that stays as the reply setting it would:
// a channel mention Discord shows by name, beside its id, not a bare id.
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { embedText } from '../digest/support/platform-digests.js';
import type { Harness } from '../discord/support/harness.js';
import { seededDiscordApp } from '../support/seeded-discord-app.js';
import { NOW } from './support/stories.js';

const desk = snowflake();
let app: App;
let h: Harness;
seededDiscordApp('sitrep-refused-names-', (run) => ({ app, h } = run));

describe('GIVEN a review channel on Discord', () => {
  it('WHEN /review channel is refused in another channel THEN the reply names the review channel that stays by mention and id', async () => {
    const set = await app.services.review.setChannel({ platform: 'discord', workspaceId: h.fake.guild.id, channelId: desk, context: '' }, { by: 'discord:1', at: NOW }, 'ana');
    expect(set.status).toBe('set');
    h.fake.failChannel(h.fake.guild.channelId, { status: 403, body: { code: 50013, message: 'Missing Permissions' } });
    const answer = await h.slash('review', {}, { subcommand: 'channel' });
    const said = answer.body.embeds!.map(embedText).join('\n');
    expect(said).toContain(`so it was not made the review channel: the review channel on Discord stays <#${desk}> (channel ${desk}).`);
    expect(said).not.toContain(`stays channel ${desk}`);
  });
});
