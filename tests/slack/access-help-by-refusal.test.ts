// GIVEN the real Slack app against the fake Slack WHEN /review channel's confirmation is refused
// THEN the fix the reply gives is Slack's for that refusal: an archived channel is unarchived
// first; a channel Slack does not show the app is deleted or private without it; any other
// refusal gets the whole list. `/invite @Sitrep` is written as a command to copy, and Slack is
// named as the proper noun it is.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../fakes/slack-api.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { shownText } from './harness.js';
import { visibleText } from './mrkdwn-text.js';
import { REVIEW_CHANNEL, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const ELSEWHERE = 'G0PRIVELSE';
let rig: ReviewRig;
let slack: FakeSlack;
type Body = Record<string, unknown>;

const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));

/** The reply to /review channel in ELSEWHERE, its confirmation refused with Slack's `error`; nothing is recorded. */
async function refusedWith(error: string): Promise<string> {
  slack.replyTo('chat.postMessage', { body: { ok: false, error } });
  const before = storeFingerprint(rig.app.db);
  const reply = seen(await rig.command('/review channel', { channelId: ELSEWHERE }));
  expect(storeFingerprint(rig.app.db)).toBe(before);
  return reply;
}

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'access-help' });
  ({ slack } = rig);
});
afterEach(() => slack.clearReply('chat.postMessage'));
afterAll(() => rig?.close());

describe('GIVEN Slack refusing the confirmation of /review channel', () => {
  it('WHEN the channel is archived THEN the reply says to unarchive it first, invite the app if needed, then run the command again', async () => {
    const reply = await refusedWith('is_archived');
    expect(reply).toContain('(Slack refused the message: is_archived), so it was not made the review channel: Slack has no review channel yet.');
    expect(reply).toContain(
      'This channel is archived, so Slack takes no posts in it: unarchive it first, invite the app with `/invite @Sitrep` if it is not in the channel, then run `/review channel` again.',
    );
  });

  it('WHEN Slack does not know the channel THEN the reply says it was deleted or is private without the app, and how to go on', async () => {
    const reply = await refusedWith('channel_not_found');
    expect(reply).toContain(
      'Slack does not show this channel to Sitrep: it was deleted, or it is a private channel the app was not invited to. In a private channel, invite the app with `/invite @Sitrep`, then run `/review channel` again; else run `/review channel` in another channel.',
    );
    expect(reply).not.toContain('archived');
  });

  it('WHEN Slack refuses for another reason THEN the reply gives every fix, with /invite @Sitrep to copy', async () => {
    const reply = await refusedWith('restricted_action');
    expect(reply).toContain('Invite the app to this channel with `/invite @Sitrep` (an archived channel must be unarchived first; in a direct message Sitrep can only post in its own), then run `/review channel` again.');
  });

  it('WHEN Slack has a review channel already THEN the refusal says the one on Slack stays, and /review list names it on Slack', async () => {
    const set = seen(await rig.command('/review channel'));
    expect(set).toContain('(one review channel per platform: this replaces any other on Slack).');
    const reply = await refusedWith('not_in_channel');
    expect(reply).toContain(`so it was not made the review channel: the review channel on Slack stays <#${REVIEW_CHANNEL}> (channel ${REVIEW_CHANNEL}).`);
    expect(reply).toContain('Invite the app to this channel with `/invite @Sitrep`, then run `/review channel` again.');
    expect(seen(await rig.command('/review list'))).toContain(`<#${REVIEW_CHANNEL}> (channel ${REVIEW_CHANNEL}, this channel) on Slack.`);
  });
});
