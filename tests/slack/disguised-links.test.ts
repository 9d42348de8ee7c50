// GIVEN an outlet that is itself a web address (a feed titled `https://www.reuters.com`) on links to
// evil.example, one sent with a `user:password@` part, WHEN a card, an entry and a digest show them
// on Slack THEN no `<address|label>` link is labelled with the outlet: the outlet is text beside
// `<https://evil.example/…|evil.example>`, and no password reaches Slack. A typed link with a user
// name or password is refused in words, and nothing is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, NOW, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { SECRET, shownText, sendCommand } from './harness.js';
import { visibleText } from './mrkdwn-text.js';

const ADMIN = 'U0ADMIN';
const CHANNEL = 'C0NEWS';
type Body = Record<string, unknown>;
let feeds: ScriptedFeeds;
let dir: string;
let app: App;
let slack: FakeSlack;
let adapter: SlackAdapter;
/** Moved on after the digest subscribes, so the approvals are changes it holds. */
let clock = Date.parse(NOW);
let sent = 0;

/** Sends `/command text` as the admin and returns what reached its response_url. */
const command = (commandAndText: string) => sendCommand(slack, adapter.port, commandAndText, { userId: ADMIN, channelId: CHANNEL });

beforeAll(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  feeds.serve('/reuters.xml', 'https://www.reuters.com', [
    { ...BAKU_ELSEWHERE, link: 'https://www.bbc.co.uk:secret@evil.example/world/baku' },
    { ...SWEIDA, link: 'https://evil.example/world/sweida' },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-disguised-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  const logger = recordingLogger();
  // The feed server is on 127.0.0.1, which only sourcesAllowPrivate lets the fetcher read.
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`slack:${ADMIN}`), logger, now: () => new Date(clock), sourcesAllowPrivate: true });
  slack = await FakeSlack.start();
  adapter = await startSlackAdapter({ config: { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl }, dispatcher: app.dispatcher, logger }, { host: '127.0.0.1' });
  for (const [id, path] of [[1, '/levant.xml'], [2, '/reuters.xml']] as const) {
    await command(`/sources add url:${feeds.url(path)} topic:syria-israel backfill:true`);
    await command(`/sources check id:${id}`);
  }
  await command('/digest subscribe schedule:"daily 08:00"');
  clock += 60_000;
});
afterAll(async () => {
  await adapter?.stop();
  await slack?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every mrkdwn text of the message, and its fallback text. */
const mrkdwn = (body: Body) => `${shownText(body)}\n${String(body.text ?? '')}`;
/** The labels of the mrkdwn links in a text: `<address|label>`. */
const linkLabels = (text: string) => [...text.matchAll(/<https?:[^|>]*\|([^>]*)>/g)].map((m) => visibleText(m[1]!));
/** The outlet as text (Slack links a plain address, if at all, to where it says), then the link under its real host. */
const beside = (path: string, outlet = 'https://www.reuters.com') => `${outlet} (link to <https://evil.example/world/${path}|evil.example>)`;

function expectNoDisguise(text: string): void {
  for (const label of linkLabels(text)) expect(label).not.toMatch(/reuters|bbc/i);
  expect(text).not.toContain('secret');
}

describe('GIVEN a feed titled https://www.reuters.com whose items link to evil.example', () => {
  it('WHEN the card lists its report as the same story elsewhere THEN the title is text and the link is labelled evil.example', async () => {
    const card = mrkdwn(await command('/review show id:1'));
    expect(card).toContain(`${beside('baku')} — Israel, Syria resume de-escalation talks in Baku (2025-07-18 16:20 UTC)`);
    expectNoDisguise(card);
  });

  it('WHEN its items are approved THEN /entry show and /digest preview label their links evil.example', async () => {
    await command('/review approve id:1');
    await command('/review approve id:2');
    const baku = mrkdwn(await command('/entry show id:18'));
    expect(baku).toContain('<https://levant.example/2025/07/18/baku-talks|Levant Wire>');
    expect(baku).toContain(beside('baku', '*https://www.reuters.com*'));
    expectNoDisguise(baku);
    const sweida = mrkdwn(await command('/entry show id:19'));
    expect(sweida).toContain(beside('sweida', '*https://www.reuters.com*'));
    expectNoDisguise(sweida);

    const digest = mrkdwn(await command('/digest preview'));
    expect(digest).toContain(`_Source:_ ${beside('sweida')}`);
    expectNoDisguise(digest);
  });
});

describe('GIVEN a typed source link with a user name or password', () => {
  it('WHEN /entry add is given it THEN it is refused, naming the real site and what to remove, and nothing is stored', async () => {
    const before = storeFingerprint(app.db);
    const answer = mrkdwn(await command('/entry add title:"Creds" date:2025-07-01 type:talks topic:syria-israel summary:s source_url:"https://www.bbc.co.uk:secret@evil.example/path" outlet:"https://www.reuters.com/"'));
    const shown = visibleText(answer);
    expect(shown).toContain('Option `source_url` must not hold a user name or password (a `user:password@` part): this link leads to evil.example');
    expect(shown).toContain('Remove the `user:password@` part and give the article’s own address.');
    expect(answer).not.toContain('secret');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
