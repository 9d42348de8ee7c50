// GIVEN a form a card's button opened on Slack (Edit, Attach to entry) WHEN it is submitted once
// Sitrep no longer holds it (here, a restart) THEN the modal stays open with, under its first
// field, the candidate it was for and to press the button again (on the card or on a fresh one
// from /review show), not to run a command nobody typed; and that what was typed is still in the
// form, not "below".
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { FORM_TYPED_STILL_TEXT } from '../../src/core/interaction/texts.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { blockActionsBody, postSigned, viewSubmissionBody } from '../fakes/slack-requests.js';
import { openReviewStore, type ReviewStore } from '../sources-queue/support/review-store.js';
import { PARIS } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { buttonsOf, formState, SECRET, sendCommand } from './harness.js';
import { visibleText } from './mrkdwn-text.js';
import { cardIn, REVIEW_CHANNEL } from './review-rig.js';

const ADMIN = 'U0ADMIN';
let store: ReviewStore;
let slack: FakeSlack;
let adapter: SlackAdapter;

const start = () => startSlackAdapter({ config: { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl }, dispatcher: store.app.dispatcher, logger: store.logger }, { host: '127.0.0.1' });
const eventsUrl = () => `http://127.0.0.1:${adapter.port}/slack/events`;
const command = (text: string) => sendCommand(slack, adapter.port, text, { userId: ADMIN, channelId: REVIEW_CHANNEL });

beforeAll(async () => {
  store = await openReviewStore({ admins: `slack:${ADMIN}`, name: 'slack-button-form-expired' });
  store.feeds.serve('/levant.xml', 'Levant Wire', [PARIS]);
  slack = await FakeSlack.start();
  adapter = await start();
  store.app.digests.posters.register(adapter.poster);
  await command('/review channel');
  await command(`/sources add url:${store.feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await command('/sources check id:1');
});
afterAll(async () => {
  await adapter?.stop();
  await slack?.close();
  await store?.close();
});

/** Presses `label` on the card for PARIS as the admin, and returns the modal Slack was asked to open. */
async function openFrom(label: string, triggerId: string): Promise<types.ModalView> {
  const card = cardIn(slack, REVIEW_CHANNEL, PARIS.title);
  const button = buttonsOf(card).find((b) => b.text.text === label)!;
  const body = blockActionsBody({ actionId: button.action_id!, value: button.value!, responseUrl: slack.responseUrl(triggerId), userId: ADMIN, channelId: REVIEW_CHANNEL, messageTs: card.ts, triggerId });
  expect((await postSigned(eventsUrl(), body, { secret: SECRET })).status).toBe(200);
  const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
  return call!.args.view as types.ModalView;
}

describe('GIVEN a form opened from a card’s button, then a restart', () => {
  it.each([
    ['Edit', 'Edit #1', 'Approve'],
    ['Attach to entry', 'Attach #1 to entry', 'Attach'],
  ])('WHEN the %s form is submitted THEN the modal names the candidate and says to press the button again; what was typed is still in it', async (_form, label, verb) => {
    const modal = await openFrom(label, `trigger-${verb}`);
    const id = /#(\d+)$/.exec(modal.title.text)![1]!;
    const first = (modal.blocks as types.KnownBlock[]).find((b): b is types.InputBlock => b.type === 'input')!.block_id!;
    await adapter.stop();
    adapter = await start();
    store.app.digests.posters.register(adapter.poster);
    const before = storeFingerprint(store.app.db);
    const submitted = viewSubmissionBody({ view: modal as unknown as Record<string, unknown>, values: formState(modal, { [first]: '12' }), viewId: `V0${verb.toUpperCase()}`, userId: ADMIN });
    const res = await postSigned(eventsUrl(), submitted, { secret: SECRET });
    const answer = JSON.parse(await res.text()) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    const said = visibleText(Object.values(answer.errors).join(' '));
    expect(said).toContain(`This form (${verb} candidate #${id}) is no longer open`);
    expect(said).toContain(`Press the button that opened it again, on the card or on a fresh one from \`/review show id:${id}\`.`);
    expect(said).toContain(FORM_TYPED_STILL_TEXT);
    expect(said).not.toContain('Run the command again');
    expect(said).not.toContain('below');
    expect(storeFingerprint(store.app.db)).toBe(before);
  });
});
