// GIVEN an outlet that is itself a web address (a feed titled `https://www.reuters.com`) on links to
// evil.example, one sent with a `user:password@` part, WHEN a card, an entry and a digest show them
// through the real discord.js client THEN no markdown link is labelled with the outlet: the outlet
// is escaped text beside `[evil.example](…)`, and no password reaches Discord. A typed link with a
// user name or password is refused in words, and nothing is stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, NOW, SWEIDA } from '../sources-queue/support/stories.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { startHarness, type Answer, type Harness } from './support/harness.js';
import { visibleText } from './support/markdown-text.js';
import { problemsIn } from './support/openapi.js';

const adminRole = snowflake();
let feeds: ScriptedFeeds;
let dir: string;
let app: App;
let h: Harness;
/** Moved on after the digest subscribes, so the approvals are changes it holds. */
let clock = Date.parse(NOW);

beforeAll(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  feeds.serve('/reuters.xml', 'https://www.reuters.com', [
    { ...BAKU_ELSEWHERE, link: 'https://www.bbc.co.uk:secret@evil.example/world/baku' },
    { ...SWEIDA, link: 'https://evil.example/world/sweida' },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-disguised-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  // The feed server is on 127.0.0.1, which only sourcesAllowPrivate lets the fetcher read.
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`discord-role:${adminRole}`), logger: recordingLogger(), now: () => new Date(clock), sourcesAllowPrivate: true });
  h = await startHarness({ dispatcher: () => app.dispatcher, userRoles: [adminRole] });
  for (const [id, path] of [[1, '/levant.xml'], [2, '/reuters.xml']] as const) {
    await h.slash('sources', { url: feeds.url(path), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
    await h.slash('sources', { id }, { subcommand: 'check' });
  }
  await h.slash('digest', { schedule: 'daily 08:00' }, { subcommand: 'subscribe' });
  clock += 60_000;
});
afterAll(async () => {
  await h?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  expect(problemsIn(h.fake.requests)).toEqual([]);
});

/** Every text of the answer's embeds as Discord receives it (markdown). */
const markdown = (answer: Answer) =>
  (answer.body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? '']).join('\n');
/** The labels of the markdown links in a text: `[label](address)`. */
const linkLabels = (text: string) => [...text.matchAll(/\[((?:\\.|[^\]\\])*)\]\(https?:/g)].map((m) => visibleText(m[1]!));

/**
 * The outlet shown as text, as written (Discord links a plain address, if at all, to where it
 * says), then the link under its real host. An entry's sources show their outlets in bold.
 */
const beside = (path: string, outlet = 'https://www.reuters.com') => `${outlet} (link to [evil.example](https://evil.example/world/${path}))`;

const BOLD_OUTLET = '**https\\://www.reuters.com**';

function expectNoDisguise(text: string): void {
  for (const label of linkLabels(text)) expect(label).not.toMatch(/reuters|bbc/i);
  expect(text).not.toContain('secret');
}

describe('GIVEN a feed titled https://www.reuters.com whose items link to evil.example', () => {
  it('WHEN the card lists its report as the same story elsewhere THEN the title is text and the link is labelled evil.example', async () => {
    const card = markdown(await h.slash('review', { id: 1 }, { subcommand: 'show' }));
    expect(card).toContain(`${beside('baku')} — Israel, Syria resume de-escalation talks in Baku (2025-07-18 16:20 UTC)`);
    expectNoDisguise(card);
  });

  it('WHEN its items are approved THEN /entry show and /digest preview label their links evil.example', async () => {
    await h.slash('review', { id: 1 }, { subcommand: 'approve' });
    await h.slash('review', { id: 2 }, { subcommand: 'approve' });
    const baku = markdown(await h.slash('entry', { id: 18 }, { subcommand: 'show' }));
    expect(baku).toContain('[Levant Wire](https://levant.example/2025/07/18/baku-talks)');
    expect(baku).toContain(beside('baku', BOLD_OUTLET));
    expectNoDisguise(baku);
    const sweida = markdown(await h.slash('entry', { id: 19 }, { subcommand: 'show' }));
    expect(sweida).toContain(beside('sweida', BOLD_OUTLET));
    expectNoDisguise(sweida);

    const digest = markdown(await h.slash('digest', {}, { subcommand: 'preview' }));
    expect(digest).toContain(`*Source:* ${beside('sweida')}`);
    expectNoDisguise(digest);
  });
});

describe('GIVEN a typed source link with a user name or password', () => {
  it('WHEN /entry add is given it THEN it is refused, naming the real site and what to remove, and nothing is stored', async () => {
    const before = storeFingerprint(app.db);
    const answer = await h.slash('entry', {
      title: 'Creds', date: '2025-07-01', type: 'talks', topic: 'syria-israel', summary: 's',
      source_url: 'https://www.bbc.co.uk:secret@evil.example/path', outlet: 'https://www.reuters.com/',
    }, { subcommand: 'add' });
    const shown = visibleText(markdown(answer));
    expect(shown).toContain('Option source_url must not hold a user name or password (a user:password@ part): this link leads to evil.example');
    expect(shown).toContain('Remove the user:password@ part and give the article’s own address.');
    expect(markdown(answer)).not.toContain('secret');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
