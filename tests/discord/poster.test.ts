// GIVEN a digest view, WHEN the adapter's poster posts it to a channel, THEN it arrives as
// messages in order, and Discord's refusals become permanent or retryable delivery errors.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/poster.js';
import { span, type View } from '../../src/core/view.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { startHarness, type Embed, type Harness } from './support/harness.js';
import { visibleText, words } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

const digest = (lines: string[]): View => ({
  title: 'Daily digest — syria-israel',
  tone: 'normal',
  intro: [[span.plain('3 new entries since yesterday. @everyone')]],
  sections: lines.map((text, i) => ({ heading: [span.bold(`Entry ${i}`)], lines: [[span.plain(text)]] })),
  footer: [span.plain('Unsubscribe: '), span.command('digest unsubscribe')],
});
const postsTo = (channelId: string) => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
const failure = async (channelId: string) => h.adapter.poster.post(channelId, digest(['x'])).catch((error: unknown) => error);

describe('posting', () => {
  it('posts a short digest as one message without mentions and returns its id', async () => {
    const channel = snowflake();
    const ids = (await h.adapter.poster.post(channel, digest(['Talks in Paris']))).refs;
    const [request] = postsTo(channel);
    expect(h.adapter.poster.platform).toBe('discord');
    expect(ids).toHaveLength(1);
    expect(h.fake.rest.messages.get(ids[0]!)?.channel_id).toBe(channel);
    expect(request?.authorization).toBe(`Bot ${h.fake.token}`);
    const body = request?.body as { embeds: Embed[]; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]!.description).toBe('3 new entries since yesterday. @\u200beveryone');
  });

  it('splits a long digest over several messages, in order, losing nothing', async () => {
    const channel = snowflake();
    const lines = Array.from({ length: 40 }, (_, i) => `Item ${i}: ${'a long line of digest text '.repeat(20)}`);
    const ids = (await h.adapter.poster.post(channel, digest(lines))).refs;
    const requests = postsTo(channel);
    expect(ids.length).toBeGreaterThan(1);
    expect(requests).toHaveLength(ids.length);
    const embeds = requests.map((r) => (r.body as { embeds: Embed[] }).embeds[0]!);
    expect(embeds.map((e) => e.footer?.text)).toEqual(ids.map((_, i) => `Unsubscribe: /digest unsubscribe · Part ${i + 1} of ${ids.length}`));
    const text = visibleText(embeds.flatMap((e) => (e.fields ?? []).map((f) => f.value)).join(' '));
    expect(words(text)).toBe(words(lines.join(' ')));
  });
});

describe('failures', () => {
  it('403 (no access) is permanent', async () => {
    const channel = snowflake();
    h.fake.failChannel(channel, { status: 403, body: { code: 50001, message: 'Missing Access' } });
    const error = await failure(channel);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ kind: 'permanent', status: 403, code: 50001 });
    expect((error as Error).message).toBe('Discord refused the message: Missing Access (50001)');
  });

  it('404 (channel gone) is permanent', async () => {
    const channel = snowflake();
    h.fake.failChannel(channel, { status: 404, body: { code: 10003, message: 'Unknown Channel' } });
    expect(await failure(channel)).toMatchObject({ kind: 'permanent' });
  });

  it('a long 429 is retryable with Discord’s wait, without hammering the API', async () => {
    const channel = snowflake();
    h.fake.failChannel(channel, { status: 429, headers: { 'retry-after': '60' }, body: { message: 'You are being rate limited.', retry_after: 60, global: false } });
    const error = await failure(channel);
    expect(error).toMatchObject({ kind: 'retryable' });
    expect((error as DeliveryError).retryAfterMs).toBeGreaterThanOrEqual(60_000);
    expect(postsTo(channel)).toHaveLength(1);
  });

  it('a short 429 is waited out by discord.js, and the post goes through', async () => {
    const channel = snowflake();
    h.fake.failChannel(channel, { status: 429, times: 1, headers: { 'retry-after': '0.05' }, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false } });
    const ids = (await h.adapter.poster.post(channel, digest(['x']))).refs;
    expect(ids).toHaveLength(1);
    expect(postsTo(channel).map((r) => r.status)).toEqual([429, 200]);
  });

  it('500 is retryable once discord.js has retried it', async () => {
    const channel = snowflake();
    h.fake.failChannel(channel, { status: 500, body: { message: 'Internal Server Error', code: 0 } });
    expect(await failure(channel)).toMatchObject({ kind: 'retryable' });
    expect(postsTo(channel).map((r) => r.status)).toEqual([500, 500, 500, 500]);
  });
});
