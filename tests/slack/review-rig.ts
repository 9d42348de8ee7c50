// The review queue on Slack, as its tests run it: the review store (a local feed server and a
// seeded store) with the real Slack adapter against the fake Slack, and the adapter's poster for
// the review channel unless the test brings its own.
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import type { App } from '../../src/app.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { openReviewStore } from '../sources-queue/support/review-store.js';
import type { ScriptedFeeds, ScriptedItem } from '../sources-queue/support/scripted-feeds.js';
import type { types } from '@slack/bolt';
import { blockActionsBody, postSigned, viewSubmissionBody } from '../fakes/slack-requests.js';
import { buttonsOf, formStartValues, formState, SECRET, sendCommand, shownText } from './harness.js';

type Body = Record<string, unknown>;

/** A card as the test holds it: its ts, and its blocks as they were then. */
export type HeldCard = { ts: string; blocks: types.KnownBlock[] };

/** What Slack's answer to a form's submission says: nothing (the form closes), or errors under fields. */
export type FormAnswer = { response_action?: string; errors?: Record<string, string> } | undefined;

export interface ReviewRig {
  feeds: ScriptedFeeds;
  app: App;
  slack: FakeSlack;
  adapter: SlackAdapter;
  /** Sends a slash command, as the admin in the review channel unless told otherwise; returns what reached its response_url. */
  command(commandAndText: string, from?: { userId?: string; channelId?: string; waitMs?: number }): Promise<Body>;
  /**
   * Presses the button labelled `label` on a card as it was then (the admin by default); returns
   * the id of its response_url, whose answer `answerTo` waits for. `triggerId`: a button opening a form.
   */
  press(posted: HeldCard, label: string, by?: { userId?: string; channelId?: string; triggerId?: string }): Promise<string>;
  /** What reached the response_url of a press. */
  answerTo(pressId: string): Promise<Body>;
  /** Submits a form Slack was asked to open, with the values given by block id (the admin by default). */
  submit(modal: types.ModalView, values: Record<string, string>, viewId: string, userId?: string): Promise<FormAnswer>;
  close(): Promise<void>;
}

/** The channel the review rig's tests make the review channel. */
export const REVIEW_CHANNEL = 'C0REVIEW';

/**
 * `admin` is the one Slack admin; `name` names the store's directory; `now` is the app's clock
 * (NOW by default); `ownPoster` leaves the review channel's poster to the test to register.
 */
export async function startReviewRig(options: { admin: string; name: string; now?: () => Date; ownPoster?: boolean }): Promise<ReviewRig> {
  const store = await openReviewStore({ admins: `slack:${options.admin}`, name: options.name, ...(options.now ? { now: options.now } : {}) });
  const { app, feeds, logger } = store;
  const slack = await FakeSlack.start();
  const adapter = await startSlackAdapter({ config: { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl }, dispatcher: app.dispatcher, logger }, { host: '127.0.0.1' });
  if (!options.ownPoster) app.digests.posters.register(adapter.poster);
  const eventsUrl = () => `http://127.0.0.1:${adapter.port}/slack/events`;
  let presses = 0;
  return {
    feeds,
    app,
    slack,
    adapter,
    command: (commandAndText, from = {}) =>
      sendCommand(slack, adapter.port, commandAndText, { userId: from.userId ?? options.admin, channelId: from.channelId ?? REVIEW_CHANNEL }, from.waitMs),
    async press(posted, label, by = {}) {
      const button = buttonsOf(posted).find((b) => b.text.text === label);
      if (!button) throw new Error(`no ${label} button on the card`);
      const id = `press-${(presses += 1)}`;
      const where = { channelId: by.channelId ?? REVIEW_CHANNEL, messageTs: posted.ts, ...(by.triggerId ? { triggerId: by.triggerId } : {}) };
      const body = blockActionsBody({ actionId: button.action_id!, value: button.value!, responseUrl: slack.responseUrl(id), userId: by.userId ?? options.admin, ...where });
      const status = (await postSigned(eventsUrl(), body, { secret: SECRET })).status;
      if (status !== 200) throw new Error(`the adapter answered ${status} to a press of ${label}`);
      return id;
    },
    async answerTo(pressId) {
      const [post] = await slack.responses.atLeast(1, (r) => r.id === pressId);
      return post!.body;
    },
    async submit(modal, values, viewId, userId = options.admin) {
      const res = await postSigned(eventsUrl(), viewSubmissionBody({ view: modal as unknown as Body, values: formState(modal, values), viewId, userId }), { secret: SECRET });
      if (res.status !== 200) throw new Error(`the adapter answered ${res.status} to a form's submission`);
      const text = await res.text();
      return text ? (JSON.parse(text) as FormAnswer) : undefined;
    },
    async close() {
      await adapter.stop();
      await slack.close();
      await store.close();
    },
  };
}

/**
 * Sets the review channel and adds one feed (Levant Wire, serving `stories`) as source 1, checked
 * once: each story's card is then in the review channel, as the admin would have it.
 */
export async function cardsInReview(rig: ReviewRig, stories: ScriptedItem[]): Promise<void> {
  rig.feeds.serve('/levant.xml', 'Levant Wire', stories);
  await rig.command('/review channel');
  await rig.command(`/sources add url:${rig.feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await rig.command('/sources check id:1');
}

/** A card as a channel holds it now, found by its title: its ts and a copy of its blocks, to press as an old copy would be. */
export function cardIn(slack: FakeSlack, channel: string, title: string): HeldCard {
  const found = slack.messagesIn(channel).find((m) => shownText(m as unknown as Record<string, unknown>).split('\n')[0] === title);
  if (!found) throw new Error(`no card for ${title} in channel ${channel}`);
  return { ts: found.ts, blocks: structuredClone(found.blocks) as types.KnownBlock[] };
}

/**
 * Presses Edit #N on the review channel's card titled `title` (N: the candidate the card shows) with
 * `triggerId`: the modal Slack was asked to open, and what each of its fields starts with, in order.
 */
export async function openCardEdit(rig: ReviewRig, title: string, triggerId: string): Promise<{ modal: types.ModalView; initial: Record<string, string> }> {
  const card = cardIn(rig.slack, REVIEW_CHANNEL, title);
  const id = /Candidate #(\d+) ·/.exec(shownText(card as unknown as Record<string, unknown>))?.[1];
  if (!id) throw new Error(`no candidate number on the card for ${title}`);
  await rig.press(card, `Edit #${id}`, { triggerId });
  const [call] = await rig.slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
  const modal = call!.args.view as types.ModalView;
  return { modal, initial: formStartValues(modal) };
}
