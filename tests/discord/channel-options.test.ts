// GIVEN an admin who picks a channel from Discord's `#` menu for an option that names a channel
// (Discord sends `<#123>` in the value), WHEN the command runs, THEN it acts on that channel, by
// its id, as /digest list names it; in other text options a picked channel still reads as the
// name the user saw.
import { describe, expect, it } from 'vitest';
import { rawOptions, slashCommand, snowflake } from '../fakes/discord-payloads.js';
import { harnessForFile, type Answer, type Embed, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';

const adminRole = snowflake();
let h: Harness;
harnessForFile({ admins: `discord-role:${adminRole}`, userRoles: [adminRole] }, (started) => {
  h = started;
  started.app.digests.posters.register(started.adapter.poster);
});

const channel = () => h.fake.guild.channelId;
const said = (answer: Answer) => answer.body.embeds!.map((e: Embed) => visibleText([e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'))).join('\n');
const digestHere = () => h.app.services.digests.find({ platform: 'discord', workspaceId: h.fake.guild.id, channelId: channel() });

/** /digest unsubscribe run from another channel of the same server, `#desk`. */
function unsubscribeFromElsewhere(value: string) {
  const elsewhere = snowflake();
  const interaction = slashCommand(h.fake.appId, h.fake.guild, h.user, 'digest', rawOptions({ channel: value }, 'unsubscribe'));
  interaction.payload.channel_id = elsewhere;
  interaction.payload.channel = { id: elsewhere, type: 0, guild_id: h.fake.guild.id, name: 'desk', parent_id: null, flags: 0 };
  return h.deliver(interaction);
}

describe('/digest unsubscribe channel: picked from the # menu', () => {
  it('WHEN run from another channel THEN the picked channel’s digest stops, named by its id', async () => {
    expect(said(await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' }))).toContain('Sitrep posted a confirmation in this channel');
    expect(digestHere()).toBeDefined();

    const stopped = await unsubscribeFromElsewhere(`<#${channel()}>`);
    expect(said(stopped)).toContain(`Channel ${channel()} will receive no more digests.`);
    expect(digestHere()).toBeUndefined();
  });

  it('WHEN the channel picked is the one it runs in THEN this channel’s digest stops', async () => {
    await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' });
    const stopped = await h.slash('digest', { channel: `<#${channel()}>` }, { subcommand: 'unsubscribe' });
    expect(said(stopped)).toContain('This channel will receive no more digests.');
    expect(digestHere()).toBeUndefined();
  });

  it('WHEN the picked channel has no digest THEN the refusal names it by id and says how to name a channel, and nothing changes', async () => {
    await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' });
    const other = snowflake();
    const refused = await h.slash('digest', { channel: `<#${other}>` }, { subcommand: 'unsubscribe' });
    expect(refused.ephemeral).toBe(true);
    expect(said(refused)).toContain(`Channel ${other} has no digest to stop in this workspace.`);
    expect(said(refused)).toContain('Pick the channel with # as you type, or give the id /digest list shows for it.');
    expect(digestHere()).toBeDefined();
  });

  it('THEN help shows the option with an example both platforms read alike', async () => {
    expect(said(await h.slash('help'))).toContain('/digest unsubscribe [channel:#newsroom-digest]');
    expect(said(await h.slash('help', { command: 'digest' }))).toContain('channel — Another channel: pick it with #, or give the id /digest list shows');
  });
});

describe('a channel picked in a text option that names no channel', () => {
  it('reads as the name the user saw', async () => {
    const answer = await h.slash('search', { query: `<#${channel()}> briefing` });
    expect(said(answer)).toContain('#general briefing');
    expect(said(answer)).not.toContain(channel());
  });
});

describe('/digest list', () => {
  it('WHEN a channel has a digest THEN the list names the channel as Discord shows it (by name, from its id) besides the id', async () => {
    await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' });
    const listed = await h.slash('digest', {}, { subcommand: 'list' });
    const field = listed.body.embeds![0]!.fields!.find((f) => f.name.includes(channel()))!;
    expect(visibleText(field.name)).toContain(`Channel ${channel()} (this channel)`);
    expect(field.value).toContain(`<#${channel()}>`);
    expect(visibleText(field.value)).toContain(`Posts in: <#${channel()}>`);
  });
});
