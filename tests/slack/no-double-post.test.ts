// GIVEN a digest channel on the fake Slack, WHEN the answer to chat.postMessage is lost (the
// connection resets after Slack received the post), THEN the retry first looks in the channel's
// history for the message's marker: a message that arrived is recorded, not sent again, and the
// delivery log says so; one that did not arrive is sent. Every message carries its post's marker
// in its metadata, the same on every attempt at the post.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { POST_MARKER_EVENT } from '../../src/adapters/slack/post-marker.js';
import type { Caller } from '../../src/core/caller.js';
import { Harness } from '../digest/support/harness.js';
import { FakeSlack, type ApiCall } from '../fakes/slack-api.js';

const CHANNEL = 'C0DIGEST';
const editor: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: CHANNEL };

let slack: FakeSlack;
let h: Harness;
let adapter: SlackAdapter;

beforeEach(async () => {
  h = new Harness({ start: '2026-07-06T05:00:00Z', admins: 'slack:U0ALICE', noFakePoster: true });
  h.time.settle = () => h.app.digests.deliverer.idle();
  slack = await FakeSlack.start({ now: () => h.time.now().getTime() });
  const config = { botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl };
  adapter = await startSlackAdapter({ config, dispatcher: h.app.dispatcher, logger: h.logger }, { host: '127.0.0.1' });
  h.app.digests.posters.register(adapter.poster);
  await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Europe/Paris', editor);
  h.addEntry({ title: 'Envoys meet in Baku' });
});
afterEach(async () => {
  await adapter.stop();
  await h.dispose();
  await slack.close();
  h.removeStore();
});

/** chat.postMessage calls after the subscribe's confirmation: the digest's. */
const digestPosts = () => slack.callsTo('chat.postMessage').slice(1);
const markerOf = (call: ApiCall) => call.args.metadata as { event_type: string; event_payload: { key: string; message: number } };
const latestDelivery = () => {
  const sub = h.app.digests.store.subscriptions.byChannel({ platform: 'slack', workspaceId: 'T0TEST', channelId: CHANNEL })!;
  return h.app.digests.store.deliveries.latest(sub.id)!;
};

/** Sends the digest now; its one post is cut off, and the retry (5 s later) runs. */
async function sendNowAndRetry(): Promise<string> {
  const reply = await h.runText('/digest send-now', editor);
  expect(latestDelivery()).toMatchObject({ status: 'retrying', attempts: 1 });
  await h.time.advanceTo('2026-07-06T05:00:10Z');
  return reply;
}

describe('GIVEN the answer to a digest post is lost', () => {
  it('WHEN Slack had posted it THEN the retry finds it by its marker and does not post it again', async () => {
    slack.cutOffNext('chat.postMessage', true);
    expect(await sendNowAndRetry()).toContain('Digest delayed');

    expect(digestPosts()).toHaveLength(1);
    const [lookup] = slack.callsTo('conversations.history');
    expect(lookup!.args).toMatchObject({ channel: CHANNEL, include_all_metadata: 'true' });
    expect(Number(lookup!.args.oldest)).toBeLessThan(Date.parse('2026-07-06T05:00:00Z') / 1000);
    const [digest] = slack.messagesIn(CHANNEL).slice(1);
    expect(slack.messagesIn(CHANNEL)).toHaveLength(2); // the confirmation and the digest, once
    const delivery = latestDelivery();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, messageRefs: [[digest!.ts]] });
    expect(delivery.notes).toEqual([
      `Part 1 of 1: message 1 of 1: the answer to an earlier attempt was lost, and the message was found in the channel (${digest!.ts}) by its marker, so it was not sent again`,
    ]);
  });

  it('WHEN Slack had not posted it THEN the retry finds nothing and posts it, with the same marker', async () => {
    slack.cutOffNext('chat.postMessage', false);
    await sendNowAndRetry();

    expect(slack.callsTo('conversations.history')).toHaveLength(1);
    const [lost, sent] = digestPosts();
    expect(markerOf(sent!)).toEqual(markerOf(lost!));
    expect(markerOf(sent!)).toEqual({ event_type: POST_MARKER_EVENT, event_payload: { key: expect.stringMatching(/^d/), message: 0 } });
    expect(slack.messagesIn(CHANNEL)).toHaveLength(2);
    expect(latestDelivery()).toMatchObject({ status: 'delivered', attempts: 2, notes: [] });
  });

  it('WHEN the history cannot be read (no history scope) THEN the retry posts it, and says why in the log', async () => {
    slack.replyTo('conversations.history', { body: { ok: false, error: 'missing_scope' } });
    slack.cutOffNext('chat.postMessage', false);
    await sendNowAndRetry();

    expect(digestPosts()).toHaveLength(2);
    expect(latestDelivery()).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(h.logger.lines.map((l) => l.message)).toContain('slack: could not look for a message an earlier attempt may have posted; sending it');
  });
});

describe('GIVEN posts that arrive', () => {
  it('THEN nothing is looked up, and each post marks its messages with a key of its own', async () => {
    await h.runText('/digest send-now', editor);
    h.addEntry({ title: 'Talks resume' });
    await h.time.advanceTo('2026-07-06T05:01:00Z');
    await h.runText('/digest send-now', editor);

    expect(slack.callsTo('conversations.history')).toHaveLength(0);
    const keys = slack.callsTo('chat.postMessage').map((call) => markerOf(call).event_payload.key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });
});
