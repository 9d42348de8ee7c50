// GIVEN the real discord.js client behind the fake gateway, WHEN an INTERACTION_CREATE arrives in
// a shape discord.js cannot build an interaction from (each of these ended the process before),
// THEN it is logged with its id and dropped, and the bot goes on answering commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autocomplete, buttonPress, modalSubmit, slashCommand, snowflake, type InteractionEnvelope } from '../fakes/discord-payloads.js';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

type Payload = Record<string, any>;
type Build = (h: Harness) => InteractionEnvelope;
const command: Build = (h) => slashCommand(h.fake.appId, h.fake.guild, h.user, 'timeline', []);
const press: Build = (h) => buttonPress(h.fake.appId, h.fake.guild, h.user, 's1:x', { id: snowflake(), channel_id: h.fake.guild.channelId });
const submit: Build = (h) => modalSubmit(h.fake.appId, h.fake.guild, h.user, 'form', { title: 'x' });
const suggest: Build = (h) => autocomplete(h.fake.appId, h.fake.guild, h.user, 'actor', [{ name: 'name', type: 3, value: 'Ba', focused: true }]);

/** [what is wrong, the interaction it is wrong in, how to make it so]. */
const SHAPES: [string, Build, (p: Payload) => void][] = [
  ['no data (a command)', command, (p) => delete p.data],
  ['data that is null', command, (p) => (p.data = null)],
  ['options that are not a list', command, (p) => (p.data.options = { limit: 5 })],
  ['subcommand options that are not a list', command, (p) => (p.data.options = [{ name: 'list', type: 1, options: 5 }])],
  ['an option that is null', command, (p) => (p.data.options = [null])],
  ['neither user nor member', command, (p) => delete p.member],
  ['a member without a user', command, (p) => (p.member = { roles: [], permissions: '0' })],
  ['a user that is not an object', command, (p) => ((p.user = 'someone'), delete p.member)],
  ['member permissions that are not a number', command, (p) => (p.member.permissions = 'all')],
  ['a channel that is not an object', command, (p) => (p.channel = 5)],
  ['no entitlements', command, (p) => delete p.entitlements],
  ['no data (a button press)', press, (p) => delete p.data],
  ['no message (a button press)', press, (p) => delete p.message],
  ['no components (a modal submission)', submit, (p) => delete p.data.components],
  ['components that are not a list (a modal submission)', submit, (p) => (p.data.components = {})],
  ['options that are not a list (autocomplete)', suggest, (p) => (p.data.options = { name: 'Ba' })],
];

const dropped = () => h.app.logger.lines.filter((l) => l.message === 'discord: dropped a gateway event it could not read');

describe('GIVEN gateway events discord.js cannot read', () => {
  it.each(SHAPES)('WHEN an interaction arrives with %s THEN it is logged with its id and dropped', async (_what, build, spoil) => {
    const envelope = build(h);
    spoil(envelope.payload);
    h.fake.gateway.dispatch('INTERACTION_CREATE', envelope.payload);
    await expect.poll(() => dropped().map((l) => l.context)).toContainEqual(expect.objectContaining({ event: 'INTERACTION_CREATE', id: envelope.id }));
  });

  it('WHEN the payload is null THEN it is logged with its event and dropped', async () => {
    const before = dropped().length;
    h.fake.gateway.dispatch('INTERACTION_CREATE', null);
    await expect.poll(() => dropped().length).toBe(before + 1);
    expect(dropped().at(-1)!.context).toMatchObject({ event: 'INTERACTION_CREATE', sequence: expect.any(Number) });
  });

  it('THEN the bot still answers a command', async () => {
    const answer = await h.slash('timeline', { limit: 1 });
    expect(answer.body.embeds![0]!.title).toBe('Timeline');
    expect(h.fake.gateway.connections).toBe(1);
  });
});
