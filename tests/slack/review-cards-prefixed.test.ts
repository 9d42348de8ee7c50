// GIVEN a Slack workspace whose manifest prefixes Sitrep's commands (/sitrep-review…) WHEN an
// admin runs /sitrep-review channel there and a check proposes a story THEN its card names the
// commands as that workspace has them, when posted and once decided; a channel set without the
// prefix keeps the short names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { blockActionsBody, postSigned } from '../fakes/slack-requests.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, SWEIDA } from '../sources-queue/support/stories.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { buttonsOf, SECRET, shownText, sendCommand } from './harness.js';
import { visibleText } from './mrkdwn-text.js';
import { cardIn } from './review-rig.js';

const ADMIN = 'U0ADMIN';
const REVIEW = 'C0REVIEW';
let feeds: ScriptedFeeds;
let dir: string;
let app: App;
let slack: FakeSlack;
let adapter: SlackAdapter;
type Body = Record<string, unknown>;

const eventsUrl = () => `http://127.0.0.1:${adapter.port}/slack/events`;
let sent = 0;

/** Sends `/command text` in the review channel and returns what reached its response_url. */
const command = (commandAndText: string) => sendCommand(slack, adapter.port, commandAndText, { userId: ADMIN, channelId: REVIEW });

/** The card for `title` as the review channel holds it now, with its ts. */
const card = (title: string) => cardIn(slack, REVIEW, title);

const seen = (body: Body) => visibleText(shownText(body).replace(/\*/g, ''));
/** Every command a text names: `/review approve`, `/sitrep-entry history`… */
const commandsNamed = (text: string) => [...text.matchAll(/(?<![\w/])\/(?:sitrep-)?(?:review|entry|sources)\b/g)].map((m) => m[0]);

beforeAll(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-prefixed-cards-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`slack:${ADMIN}`), logger: recordingLogger(), now: () => new Date(NOW), sourcesAllowPrivate: true });
  slack = await FakeSlack.start();
  const config = { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl };
  adapter = await startSlackAdapter({ config, dispatcher: app.dispatcher, logger: recordingLogger() }, { host: '127.0.0.1' });
  app.digests.posters.register(adapter.poster);
  await command('/sitrep-review channel');
  await command(`/sitrep-sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await command('/sitrep-sources check id:1');
});
afterAll(async () => {
  await adapter?.stop();
  await slack?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN the review channel set with /sitrep-review channel', () => {
  it('THEN the card posted there names /sitrep-review approve and reject, never the short names', () => {
    const text = seen(card(BAKU.title));
    expect(text).toContain('/sitrep-review approve id:1');
    expect(text).toContain('/sitrep-review reject id:1');
    expect(commandsNamed(text).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
  });

  it('WHEN an admin approves it THEN every posted copy, edited, names /sitrep-entry', async () => {
    const pending = card(BAKU.title);
    const approve = buttonsOf(pending).find((b) => b.text.text === 'Approve #1')!;
    const id = `press-${(sent += 1)}`;
    const body = blockActionsBody({ actionId: approve.action_id!, value: approve.value!, responseUrl: slack.responseUrl(id), userId: ADMIN, channelId: REVIEW, messageTs: pending.ts });
    expect((await postSigned(eventsUrl(), body, { secret: SECRET })).status).toBe(200);
    const [update] = await slack.calls.atLeast(1, (c) => c.method === 'chat.update' && c.args.ts === pending.ts);
    const text = seen(update!.args);
    expect(text).toContain('Approved: added as entry #');
    expect(text).toMatch(/\/sitrep-entry history id:\d+/);
    expect(commandsNamed(text).filter((c) => !c.startsWith('/sitrep-'))).toEqual([]);
  });

  it('WHEN the channel is set again with the short /review channel THEN the next card names /review', async () => {
    await command('/review channel');
    feeds.serve('/levant.xml', 'Levant Wire', [BAKU, SWEIDA]);
    await command('/sources check id:1');
    const text = seen(card(SWEIDA.title));
    expect(text).toContain('/review approve id:2');
    expect(commandsNamed(text).filter((c) => c.startsWith('/sitrep-'))).toEqual([]);
  });
});
