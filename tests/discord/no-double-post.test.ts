// GIVEN a digest channel on the fake Discord, WHEN Discord creates a message but its answer never
// comes within discord.js's REST timeout (lowered here from 15 s), THEN discord.js's resend
// carries the same enforced nonce, Discord answers it with the message it created, the channel
// holds it once, and the delivery log says the answer came late. Every message Sitrep creates
// carries a nonce of its post: the same when the scheduler retries the post, another for the next.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import type { Caller } from '../../src/core/caller.js';
import { FakeDiscord, type CapturedRequest } from '../fakes/discord-fake.js';
import { Harness } from '../digest/support/harness.js';
import { problemsIn } from './support/openapi.js';

/** Long enough that the fake's ordinary answers are never late, short enough for a test. */
const REST_TIMEOUT_MS = 1_000;
const ADMIN = '1001';

let fake: FakeDiscord;
let h: Harness;
let adapter: RunningAdapter;
let editor: Caller;

beforeEach(async () => {
  fake = await FakeDiscord.start();
  h = new Harness({ start: '2026-07-06T05:00:00Z', admins: `discord:${ADMIN}`, noFakePoster: true });
  h.time.settle = () => h.app.digests.deliverer.idle();
  const config = { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl };
  adapter = await startDiscordAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { restTimeoutMs: REST_TIMEOUT_MS });
  h.app.digests.posters.register(adapter.poster);
  editor = { platform: 'discord', userId: ADMIN, workspaceId: fake.guild.id, channelId: fake.guild.channelId };
  await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', editor);
});
afterEach(async () => {
  expect(problemsIn(fake.requests)).toEqual([]);
  await adapter.stop();
  await h.dispose();
  await fake.close();
  h.removeStore();
});

const channel = () => fake.guild.channelId;
/** Message creates sent to the channel, the subscribe's confirmation first. */
const creates = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel()}/messages`);
const nonceOf = (r: CapturedRequest) => (r.body as { nonce?: string }).nonce;
const inChannel = () => [...fake.rest.messages.values()].filter((m) => m.channel_id === channel());
const subscription = () => h.app.digests.store.subscriptions.byChannel({ platform: 'discord', workspaceId: fake.guild.id, channelId: channel() })!;
const latestDelivery = () => h.app.digests.store.deliveries.latest(subscription().id)!;

describe('GIVEN Discord creates the digest but answers only after the REST timeout', () => {
  it('THEN the channel holds it once, and the delivery log records the late answer', async () => {
    h.addEntry({ title: 'Envoys meet in Baku' });
    fake.answerNever(channel());
    const reply = await h.runText('/digest send-now', editor);

    expect(reply).toContain('Posted in 1 message');
    const [first, resend] = creates().slice(1);
    expect(first!.unanswered).toBe(true);
    expect(creates()).toHaveLength(3);
    expect(nonceOf(resend!)).toBe(nonceOf(first!));
    expect(inChannel()).toHaveLength(2); // the confirmation and the digest, once
    const delivery = latestDelivery();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(delivery.messageRefs.flat()).toHaveLength(1);
    expect(delivery.notes).toEqual([
      `Part 1 of 1: message 1 of 1: its first try got no answer within 1 s; discord.js sent it again with the same nonce (${nonceOf(first!)}), and Discord answered with message ${delivery.messageRefs[0]![0]}, posted once`,
    ]);
  });
});

describe('GIVEN the posts Sitrep creates', () => {
  it('THEN each message carries an enforced nonce of its own', async () => {
    for (let i = 0; i < 16; i++) h.addEntry({ title: `Report ${i} ${'*_'.repeat(85)}` });
    await h.runText('/digest send-now', editor);
    const sent = creates();
    expect(sent.length).toBeGreaterThan(2);
    for (const request of sent) expect(request.body).toMatchObject({ nonce: expect.any(String), enforce_nonce: true });
    expect(new Set(sent.map(nonceOf)).size).toBe(sent.length);
    expect(latestDelivery().notes).toEqual([]);
  });

  it('WHEN the scheduler retries a post THEN it sends the same nonce, and the next digest another', async () => {
    h.startScheduler();
    h.addEntry({ title: 'Rate limited on Discord' });
    fake.failChannel(channel(), { status: 429, times: 1, headers: { 'retry-after': '30' }, body: { message: 'You are being rate limited.', retry_after: 30, global: false } });
    await h.time.advanceTo('2026-07-06T06:00:10Z');
    await h.time.advanceTo('2026-07-06T06:02:00Z');
    h.addEntry({ title: 'The next day' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const [refused, retried, nextDay] = creates().slice(1);
    expect([refused, retried, nextDay].map((r) => r?.status)).toEqual([429, 200, 200]);
    expect(nonceOf(retried!)).toBe(nonceOf(refused!));
    expect(nonceOf(nextDay!)).not.toBe(nonceOf(retried!));
  });
});
