// GIVEN a watched feed and a review channel on Slack WHEN a check proposes candidates THEN each
// card arrives in the channel with Approve, Edit, Reject and Attach to entry; a refused press changes nothing; a
// decision adds the entry once and replaces the card (chat.update, and the pressed message
// through its response_url) to say who decided and the entry it became; a rejected story is never
// proposed again; Edit opens the approval form filled in; an edit Slack refuses is logged only;
// a card whose post's answer was lost is found in the channel by its marker, not posted again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { ADMINS_ONLY_TEXT } from '../../src/core/interaction/texts.js';
import { reviewButtons } from '../../src/core/review/candidate-card.js';
import { plainLine, type View } from '../../src/core/view.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { blockActionsBody, postSigned, viewSubmissionBody } from '../fakes/slack-requests.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { buttonsOf, formStartValues, formState, labelsOf, SECRET, sendCommand, shownText } from './harness.js';
import { visibleText } from './mrkdwn-text.js';
import { cardIn } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const READER = 'U0READER';
const REVIEW = 'C0REVIEW';
let feeds: ScriptedFeeds;
let dir: string;
let logger: ReturnType<typeof recordingLogger>;
let app: App;
let slack: FakeSlack;
let adapter: SlackAdapter;
type Body = Record<string, unknown>;

const eventsUrl = () => `http://127.0.0.1:${adapter.port}/slack/events`;
let sent = 0;

/** Sends `/command text` in the review channel and returns what reached its response_url. */
const command = (commandAndText: string, userId = ADMIN) => sendCommand(slack, adapter.port, commandAndText, { userId, channelId: REVIEW });

/** The card for `title` as the review channel holds it now, with its ts. */
const card = (title: string) => cardIn(slack, REVIEW, title);

/** Presses the button labelled `label` on the card as it was then; returns what reached its response_url. */
async function press(posted: { ts: string; blocks: types.KnownBlock[] }, label: string, userId = ADMIN, triggerId?: string): Promise<Body> {
  const button = buttonsOf(posted).find((b) => b.text.text === label);
  if (!button) throw new Error(`no ${label} button on the card`);
  const id = `press-${(sent += 1)}`;
  const where = { channelId: REVIEW, messageTs: posted.ts, ...(triggerId ? { triggerId } : {}) };
  const body = blockActionsBody({ actionId: button.action_id!, value: button.value!, responseUrl: slack.responseUrl(id), userId, ...where });
  expect((await postSigned(eventsUrl(), body, { secret: SECRET })).status).toBe(200);
  if (triggerId) return {};
  const [post] = await slack.responses.atLeast(1, (r) => r.id === id);
  return post!.body;
}

const entryCount = () => app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
/** What a reader sees, bold markers left out. */
const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));
/** /review channel's confirmation posts, before the cards. */
let confirmations = 0;
/** chat.postMessage calls after the confirmation. */
const posts = () => slack.callsTo('chat.postMessage').slice(confirmations);
const updatesOf = (ts: string) => slack.calls.atLeast(1, (c) => c.method === 'chat.update' && c.args.ts === ts && c.args.channel === REVIEW);

beforeAll(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-cards-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  logger = recordingLogger();
  // The feed server is on 127.0.0.1, which only sourcesAllowPrivate lets the fetcher read.
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`slack:${ADMIN}`), logger, now: () => new Date(NOW), sourcesAllowPrivate: true });
  slack = await FakeSlack.start();
  const config = { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl };
  adapter = await startSlackAdapter({ config, dispatcher: app.dispatcher, logger }, { host: '127.0.0.1' });
  app.digests.posters.register(adapter.poster);
  await command('/review channel');
  // /review channel posts its confirmation there first: set apart, so the channel's other posts are the cards.
  expect(posts().map((c) => c.args.channel)).toEqual([REVIEW]);
  confirmations = 1;
  await command(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await command('/sources check id:1');
});
afterAll(async () => {
  await adapter?.stop();
  await slack?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN a check that proposed three stories', () => {
  it('THEN each card is posted in the review channel with Approve, Edit, Reject and Attach to entry under it, each naming its candidate', () => {
    expect(posts().map((c) => c.args.channel)).toEqual([REVIEW, REVIEW, REVIEW]);
    for (const [story, id] of [[PARIS, 1], [SWEIDA, 2], [BAKU, 3]] as const) {
      const posted = card(story.title);
      expect(seen(posted)).toContain(`Candidate #${id} · syria-israel · waiting for review`);
      expect(labelsOf(posted)).toEqual([`Approve #${id}`, `Edit #${id}`, `Reject #${id}`, `Attach #${id} to entry`]);
      expect(buttonsOf(posted).map((b) => b.style)).toEqual(['primary', 'primary', 'danger', undefined]);
      // Each action_id unique in the message, each value written whole, so presses work after a restart.
      expect(new Set(buttonsOf(posted).map((b) => b.action_id)).size).toBe(4);
      for (const b of buttonsOf(posted)) expect(b.value).toMatch(/^s1:[rf]:d::/);
    }
  });

  it('WHEN someone who is not an admin presses Approve or Reject THEN they alone are refused and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    for (const label of ['Approve #3', 'Reject #3']) {
      const refused = await press(card(BAKU.title), label, READER);
      expect(refused).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(seen(refused)).toContain(ADMINS_ONLY_TEXT);
    }
    expect(storeFingerprint(app.db)).toBe(before);
    expect(slack.callsTo('chat.update')).toEqual([]);
  });

  it('WHEN an admin presses Approve THEN the entry is added once and the card shows who decided and the entry', async () => {
    const before = entryCount();
    const entryId = before + 1;
    const pending = card(BAKU.title);
    const approved = await press(pending, 'Approve #3');
    expect(entryCount()).toBe(before + 1);
    // The pressed message is replaced by the card as decided, without its buttons.
    expect(approved.replace_original).toBe(true);
    expect(buttonsOf(approved)).toEqual([]);
    expect(seen(approved)).toContain(`Approved by alice (Slack) at 2025-07-20 12:00 UTC → entry #${entryId}`);
    expect(seen(approved)).toContain(`Approved: added as entry #${entryId}.`);
    // Every posted copy is edited too.
    const [update] = await updatesOf(pending.ts);
    expect(buttonsOf(update!.args)).toEqual([]);
    expect(seen(update!.args)).toContain(`→ entry #${entryId}`);
    expect(seen(card(BAKU.title))).toContain(`→ entry #${entryId}`);
    const timeline = await command('/timeline topic:syria-israel since:2025-07-18', 'U0ANYONE');
    expect(seen(timeline)).toContain(BAKU.title);

    // A press that was on its way meanwhile (the card as it was) adds nothing.
    const again = await press(pending, 'Approve #3');
    expect(again).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(seen(again)).toContain(`Already approved as entry #${entryId}`);
    expect(entryCount()).toBe(before + 1);
    expect(posts()).toHaveLength(3);
  });

  it('WHEN the entry an approved card became is corrected THEN the card is updated to show it, and nothing is posted', async () => {
    const entryId = Number(/→ entry #(\d+)/.exec(seen(card(BAKU.title)))![1]);
    const before = posts().length;
    await command(`/entry edit id:${entryId} confidence:confirmed`);
    // The scheduler's heartbeat makes the edits due; here, at once.
    expect(await app.digests.edits!.runDue(['slack'])).toBe(1);
    const shown = seen(card(BAKU.title));
    expect(shown).toMatch(/Corrected 20 Jul:_? confidence \w+ → confirmed/);
    expect(shown).toContain(`→ entry #${entryId}`); // the rest of the card as it was
    expect(posts()).toHaveLength(before);
  });

  it('WHEN an admin presses Reject THEN the card says so, and checking the feed again never proposes it again', async () => {
    const pending = card(SWEIDA.title);
    const rejected = await press(pending, 'Reject #2');
    expect(rejected.replace_original).toBe(true);
    expect(seen(rejected)).toContain(`Rejected by alice (Slack) at`);
    const [update] = await updatesOf(pending.ts);
    expect(buttonsOf(update!.args)).toEqual([]);

    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    await command('/sources check id:1');
    const queue = seen(await command('/review list'));
    expect(queue).not.toContain(SWEIDA.title);
    expect(queue).toContain(PARIS.title);
    expect(posts()).toHaveLength(3);
  });

  it('WHEN an admin presses Edit THEN the approval form opens filled in; an edit Slack refuses is logged, never posted anew', async () => {
    const pending = card(PARIS.title);
    const triggerId = 'edit-trigger';
    await press(pending, 'Edit #1', ADMIN, triggerId);
    const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
    const modal = call!.args.view as types.ModalView;
    expect(modal.title.text).toMatch(/^Approve candidate #\d+$/);
    const initial = formStartValues(modal);
    expect(initial).toMatchObject({ title: PARIS.title, date: '2025-07-20' });

    // The card's channel was archived meanwhile: the card cannot show the decision, and nothing else is posted.
    slack.replyTo('chat.update', { body: { ok: false, error: 'is_archived' } });
    const before = entryCount();
    const values = formState(modal, initial);
    const submitted = await postSigned(eventsUrl(), viewSubmissionBody({ view: modal as unknown as Body, values, viewId: 'VEDIT1', userId: ADMIN }), { secret: SECRET });
    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toBe('');
    expect(entryCount()).toBe(before + 1);
    await updatesOf(pending.ts);
    const [result] = await slack.calls.atLeast(1, (c) => c.method === 'chat.postEphemeral');
    expect(seen(result!.args)).toContain(`Approved: added as entry #${before + 1}.`);
    expect(logger.lines.some((l) => l.message === 'could not show the decision on a posted card')).toBe(true);
    expect(posts()).toHaveLength(3);
    slack.clearReply('chat.update');
  });

  it('WHEN an admin presses Attach to entry on a story the dossier holds already and gives the entry THEN the entry cites the report and no entry is added', async () => {
    const contacts = { guid: 'levant-48400', title: 'Azerbaijan confirms it hosted Syrian-Israeli contacts', link: 'https://levant.example/2025/07/20/azerbaijan-contacts', summary: 'Baku confirmed the meeting of 12 July.', published: '2025-07-20T09:00:00Z' };
    feeds.serve('/levant.xml', 'Levant Wire', [contacts, PARIS, SWEIDA, BAKU]);
    await command('/sources check id:1');
    const pending = card(contacts.title);
    const triggerId = 'attach-trigger';
    await press(pending, 'Attach #4 to entry', ADMIN, triggerId);
    const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
    const modal = call!.args.view as types.ModalView;
    expect(modal.title.text).toMatch(/^Attach candidate #\d+$/);
    const inputs = (modal.blocks as types.KnownBlock[]).filter((b): b is types.InputBlock => b.type === 'input');
    expect(inputs.map((b) => b.block_id)).toEqual(['entry']);
    const before = entryCount();
    const submitted = await postSigned(eventsUrl(), viewSubmissionBody({ view: modal as unknown as Body, values: formState(modal, { entry: '12' }), viewId: 'VATTACH1', userId: ADMIN }), { secret: SECRET });
    expect(submitted.status).toBe(200);
    await updatesOf(pending.ts);
    expect(entryCount()).toBe(before);
    expect(seen(await command('/entry show id:12'))).toContain(contacts.link);
  });
});

describe('GIVEN a card longer than one message', () => {
  const long: View = {
    title: 'A long card',
    tone: 'normal',
    sections: Array.from({ length: 40 }, (_, i) => ({ lines: [plainLine(`Report ${i}: ${'a long line of card text '.repeat(20)}`)] })),
    buttons: reviewButtons(99),
  };

  it('THEN its buttons are under the last message, and the decision replaces that one', async () => {
    const target = 'C0LONG';
    const refs = (await adapter.poster.post(target, long)).refs;
    expect(refs.length).toBeGreaterThan(1);
    const sent = posts().filter((c) => c.args.channel === target);
    expect(sent.map((c) => labelsOf(c.args))).toEqual([...refs.slice(1).map(() => []), ['Approve #99', 'Edit #99', 'Reject #99', 'Attach #99 to entry']]);

    await adapter.poster.update!(target, refs, { title: 'A long card', tone: 'success', sections: [{ lines: [plainLine('Approved → entry #99')] }] });
    const edits = slack.callsTo('chat.update').filter((c) => c.args.channel === target);
    expect(edits.map((c) => c.args.ts)).toEqual([refs.at(-1)]);
    expect(buttonsOf(slack.messages.get(refs.at(-1)!) as Body)).toEqual([]);
    expect(seen(slack.messages.get(refs.at(-1)!) as Body)).toContain('Approved → entry #99');
  });
});

describe('GIVEN a card Slack posted but whose answer was lost', () => {
  const GOLAN = { guid: 'wire-1', title: 'Golan de-confliction line agreed', link: 'https://wire.example/golan', summary: 'Officials agreed a line.', published: '2025-07-20T09:00:00Z' };

  it('THEN the next pass finds it in the channel by its marker and does not post it again', async () => {
    feeds.serve('/wire.xml', 'Wire', [GOLAN]);
    slack.cutOffNext('chat.postMessage', true);
    await command(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`);
    await command('/sources check id:2');
    await expect.poll(() => logger.lines.map((l) => l.message)).toContain('could not post to the review channel');

    await app.services.review.postPending();
    const golan = posts().filter((c) => String(c.args.text).includes(GOLAN.title));
    expect(golan).toHaveLength(1);
    expect(slack.callsTo('conversations.history').map((c) => c.args.channel)).toEqual([REVIEW]);
    expect(card(GOLAN.title).ts).toBeDefined();
    expect(logger.lines.map((l) => l.message)).toContain('review post answered late');
  });
});

describe('GIVEN a candidate numbered 100000', () => {
  const HAMA = { guid: 'north-1', title: 'Talks on Hama water supply open', link: 'https://north.example/hama', summary: 'Engineers met.', published: '2025-07-20T10:00:00Z' };

  it('WHEN an admin presses Edit THEN the form’s title names it with every digit', async () => {
    // The queue has held 99,999 candidates: the next one is #100000.
    app.db
      .prepare("INSERT INTO review_candidates (id, topic, title, outlet, suggestion, status, decided_by, decided_at, reason, created_at) VALUES (99999, 'syria-israel', 'Older story', 'Wire', '{}', 'rejected', 'test', ?, 'test', ?)")
      .run(NOW, NOW);
    feeds.serve('/north.xml', 'North', [HAMA]);
    await command(`/sources add url:${feeds.url('/north.xml')} topic:syria-israel backfill:true`);
    const sourceId = app.db.prepare('SELECT max(id) FROM feed_sources').pluck().get() as number;
    await command(`/sources check id:${sourceId}`);
    const posted = await slack.calls.atLeast(1, (c) => c.method === 'chat.postMessage' && String(c.args.text).includes(HAMA.title));
    expect(String(posted[0]!.args.text)).toContain('#100000');
    await press(card(HAMA.title), 'Edit #100000', ADMIN, 'edit-100000');
    const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === 'edit-100000');
    expect((call!.args.view as types.ModalView).title.text).toBe('Approve #100000');
  });
});
