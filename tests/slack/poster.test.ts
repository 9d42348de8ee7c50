// GIVEN a digest view, WHEN the Slack poster sends it through chat.postMessage on the fake Slack,
// THEN it arrives in order within limits, and failures say whether trying again can help.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BLOCKS_PER_MESSAGE } from '../../src/adapters/slack/limits.js';
import { SlackPoster } from '../../src/adapters/slack/poster.js';
import { DeliveryError } from '../../src/core/poster.js';
import { plainLine, span, type View } from '../../src/core/view.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { recordingLogger } from '../support/test-app.js';

let slack: FakeSlack;
let poster: SlackPoster;

beforeAll(async () => {
  slack = await FakeSlack.start();
  poster = SlackPoster.create({ botToken: 'xoxb-digest', port: 0, apiUrl: slack.apiUrl }, recordingLogger());
});
afterAll(async () => {
  await slack?.close();
});
beforeEach(() => {
  slack.replyTo('chat.postMessage', (args) => ({ body: { ok: true, channel: args.channel, ts: `1700000000.${String(slack.callsTo('chat.postMessage').length).padStart(6, '0')}` } }));
});

const digest = (sections: View['sections']): View => ({ title: 'Daily digest — syria-israel', tone: 'normal', intro: [plainLine('3 new entries')], sections, footer: plainLine('<!channel> footer') });

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('success', () => {
  it('posts one message with blocks and a fallback text, and returns its ts', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const ts = (await poster.post('C0DIGEST', digest([{ heading: [span.bold('#5 Entry')], lines: [plainLine('Dec 2024 · Incursion')] }]))).refs;
    const [call] = slack.callsTo('chat.postMessage').slice(before);
    expect(ts).toEqual([`1700000000.${String(before + 1).padStart(6, '0')}`]);
    expect(call!.headers.authorization).toBe('Bearer xoxb-digest');
    expect(call!.args).toMatchObject({ channel: 'C0DIGEST', unfurl_links: 'false', text: expect.stringContaining('Daily digest') });
    expect(JSON.stringify(call!.args.blocks)).toContain('*#5 Entry*');
    expect(JSON.stringify(call!.args.blocks)).toContain('&lt;!channel&gt; footer');
  });

  it('splits a long digest into several messages, in order, each within 50 blocks', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const sections = Array.from({ length: 120 }, (_, i) => ({ heading: [span.bold(`Entry ${i}`)], lines: [plainLine('z'.repeat(200))] }));
    const ts = (await poster.post('C0DIGEST', digest(sections))).refs;
    const calls = slack.callsTo('chat.postMessage').slice(before);
    expect(calls.length).toBeGreaterThan(1);
    expect(ts).toHaveLength(calls.length);
    const order: number[] = [];
    for (const call of calls) {
      const blocks = call.args.blocks as { type: string; text?: { text: string } }[];
      expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
      expect(blocks.some((b) => b.type === 'actions')).toBe(false);
      for (const b of blocks) {
        const match = /^\*Entry (\d+)\*/.exec(b.text?.text ?? '');
        if (match) order.push(Number(match[1]));
      }
    }
    expect(order).toEqual(sections.map((_, i) => i));
    expect(JSON.stringify(calls.at(-1)!.args.blocks)).toContain(`Part ${calls.length} of ${calls.length}`);
  });
});

describe('failures', () => {
  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('%s is permanent', async (error) => {
    slack.replyTo('chat.postMessage', { body: { ok: false, error } });
    const failure = await failureOf(poster.post('C0GONE', digest([])));
    expect(failure.kind).toBe('permanent');
    expect(failure.message).toContain(error);
  });

  it('ratelimited (as a platform error) is retryable', async () => {
    slack.replyTo('chat.postMessage', { body: { ok: false, error: 'ratelimited' } });
    expect((await failureOf(poster.post('C0BUSY', digest([])))).kind).toBe('retryable');
  });

  it('HTTP 429 is retryable at once, with Retry-After, instead of the client pausing its queue', async () => {
    slack.replyTo('chat.postMessage', { status: 429, headers: { 'retry-after': '7' }, body: { ok: false, error: 'ratelimited' } });
    const started = Date.now();
    const failure = await failureOf(poster.post('C0BUSY', digest([])));
    expect(failure.kind).toBe('retryable');
    expect(failure.retryAfterMs).toBe(7000);
    // Waiting for Retry-After inside the client would take the 7 s it asks for.
    expect(Date.now() - started).toBeLessThan(7000);
  });

  it.each([500, 503])('HTTP %i is retryable and not retried inside the client', async (status) => {
    const before = slack.callsTo('chat.postMessage').length;
    slack.replyTo('chat.postMessage', { status, body: { ok: false } });
    expect((await failureOf(poster.post('C0DIGEST', digest([])))).kind).toBe('retryable');
    expect(slack.callsTo('chat.postMessage').length - before).toBe(1);
  });

  it('an unreachable Slack is retryable', async () => {
    const offline = SlackPoster.create({ botToken: 'xoxb-digest', port: 0, apiUrl: 'http://127.0.0.1:9/api/' }, recordingLogger());
    expect((await failureOf(offline.post('C0DIGEST', digest([])))).kind).toBe('retryable');
  });

  it('a failure after the first messages stops there and reports the failure', async () => {
    let n = 0;
    slack.replyTo('chat.postMessage', () => (++n === 2 ? { body: { ok: false, error: 'is_archived' } } : { body: { ok: true, ts: `1.${n}` } }));
    const sections = Array.from({ length: 120 }, (_, i) => ({ heading: [span.bold(`Entry ${i}`)], lines: [plainLine('z'.repeat(200))] }));
    expect((await failureOf(poster.post('C0DIGEST', digest(sections)))).kind).toBe('permanent');
    expect(n).toBe(2);
  });
});
