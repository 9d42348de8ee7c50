// GIVEN the real Slack app against the fake Slack and 12 candidates waiting WHEN an admin presses
// the Reject 12 button of their /review clear question, an ephemeral message (which Slack sends
// the press without) THEN the answer replaces that question in place, still for them alone, and
// nothing is posted to the channel; pressed on a message others see, the private answer comes as
// a new ephemeral message and leaves that message as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { buttonsOf, labelsOf, SECRET, shownText } from './harness.js';
import { REVIEW_CHANNEL, startReviewRig, type ReviewRig } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const CROSSINGS = Array.from({ length: 12 }, (_, i) => `Zel${String.fromCharCode(97 + i)}ovka`);

let rig: ReviewRig;
let app: App;

beforeAll(async () => {
  rig = await startReviewRig({ admin: ADMIN, name: 'clear-in-place' });
  app = rig.app;
  rig.feeds.serve(
    '/levant.xml',
    'Levant Wire',
    CROSSINGS.map((place, i) => ({ guid: `levant-${place}`, title: `Convoy turned back at the ${place} border crossing`, link: `https://levant.example/${place}`, published: `2025-07-${14 + (i % 4)}T08:00:00Z` })),
  );
  await rig.command('/review channel');
  await rig.command(`/sources add url:${rig.feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await rig.command('/sources check id:1');
});
afterAll(() => rig?.close());

const waiting = () => app.db.prepare("SELECT count(*) FROM review_candidates WHERE status = 'pending'").pluck().get() as number;
const channelPosts = () => rig.slack.callsTo('chat.postMessage').length + rig.slack.callsTo('chat.postEphemeral').length;

/** Presses `label` on an ephemeral answer, as Slack sends such a press: no message, only that it was ephemeral. */
async function pressEphemeral(answer: Record<string, unknown>, label: string, id: string): Promise<Record<string, unknown>> {
  const button = buttonsOf(answer).find((b) => b.text.text === label)!;
  const body = blockActionsBody({ actionId: button.action_id!, value: button.value!, responseUrl: rig.slack.responseUrl(id), userId: ADMIN, channelId: REVIEW_CHANNEL });
  expect((await postSigned(`http://127.0.0.1:${rig.adapter.port}/slack/events`, body, { secret: SECRET })).status).toBe(200);
  return rig.answerTo(id);
}

describe('GIVEN a /review clear question, ephemeral, on Slack', () => {
  it('WHEN its Reject 12 button is pressed THEN the answer replaces the question (replace_original, ephemeral), its button gone, and nothing is posted', async () => {
    const asked = await rig.command('/review clear before:2025-07-19 reason:"stale backlog"');
    expect(asked.response_type).toBe('ephemeral');
    expect(labelsOf(asked)).toContain('Reject 12');
    const posts = channelPosts();

    const answer = await pressEphemeral(asked, 'Reject 12', 'press-ephemeral');
    expect(shownText(answer)).toMatch(/Rejected 12 candidates/);
    expect(shownText(answer)).toContain('stale backlog');
    expect(answer.replace_original).toBe(true);
    expect(answer.response_type).toBe('ephemeral');
    expect(labelsOf(answer)).toEqual([]);
    expect(rig.slack.responses.items.filter((r) => r.id === 'press-ephemeral')).toHaveLength(1);
    expect(channelPosts()).toBe(posts);
    expect(waiting()).toBe(0);
  });

  it('WHEN the same button is pressed on a message the channel sees THEN the answer is a new ephemeral message, and that message stays as it was', async () => {
    await rig.command('/review reopen ids:1-200');
    expect(waiting()).toBe(12);
    const asked = await rig.command('/review clear before:2025-07-19');

    const answer = await rig.answerTo(await rig.press({ ts: '1752900000.000200', blocks: asked.blocks as never }, 'Reject 12'));
    expect(shownText(answer)).toMatch(/Rejected 12 candidates/);
    expect(answer.replace_original).toBe(false);
    expect(answer.response_type).toBe('ephemeral');
  });
});
