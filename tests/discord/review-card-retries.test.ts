// GIVEN three cards owed to a review channel on Discord WHEN Discord answers 500 for five minutes
// THEN each pass stops at the first card, the cards wait 0, 1, 2, 4 … minutes between tries, and
// all three arrive once Discord works again, each once: none is lost to the outage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from '../sources-queue/support/stories.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { startHarness, type Embed, type Harness } from './support/harness.js';

const adminRole = snowflake();
const MINUTE = 60_000;
let feeds: ScriptedFeeds;
let dir: string;
let app: App;
let h: Harness;
let clock = Date.parse(NOW);

beforeAll(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
  dir = mkdtempSync(join(tmpdir(), 'sitrep-card-retries-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  const admins = parseAdminRules(`discord-role:${adminRole}`);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins, logger: recordingLogger(), now: () => new Date(clock), sourcesAllowPrivate: true });
  h = await startHarness({ dispatcher: () => app.dispatcher, userRoles: [adminRole] });
  app.digests.posters.register(h.adapter.poster);
  await h.slash('sources', { url: feeds.url('/levant.xml'), topic: 'syria-israel', backfill: true }, { subcommand: 'add' });
  // Checked before the review channel is set: the cards are owed from the first pass after it.
  await h.slash('sources', { id: 1 }, { subcommand: 'check' });
});
afterAll(async () => {
  await h?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

const channel = () => h.fake.guild.channelId;
/** /review channel's confirmation posts, before the cards. */
let confirmations = 0;
/** Posts to the review channel after the confirmation. */
const channelPosts = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel()}/messages`).slice(confirmations);
/** The cards' titles in the review channel, oldest first (/review channel's confirmation is no card). */
const cardTitles = () =>
  [...h.fake.rest.messages.values()]
    .filter((m) => m.channel_id === channel() && m.interaction_metadata === undefined)
    .map((m) => (m.embeds as Embed[])[0]?.title)
    .filter((title) => title !== 'Review channel');
const pending = () => app.db.prepare("SELECT title FROM review_candidates WHERE status = 'pending' ORDER BY id").pluck().all() as string[];

describe('GIVEN Discord failing with 500 for five minutes', () => {
  it('WHEN passes run every minute THEN the first card is tried at 0, 1, 2 and 4 minutes only, and all three arrive once at 8', async () => {
    // The channel is set (its confirmation posted, and set apart) before Discord starts failing.
    await h.slash('review', {}, { subcommand: 'channel' });
    expect(channelPosts().map((r) => r.status)).toEqual([200]);
    confirmations = 1;
    h.fake.failChannel(channel(), { status: 500, body: { message: 'Internal Server Error', code: 0 } });
    const tried: number[] = [];
    for (let minute = 0; minute <= 10; minute++) {
      if (minute === 5) h.fake.failChannel(channel(), { status: 500, times: 0 });
      const before = channelPosts().length;
      await app.services.review.postPending();
      if (channelPosts().length > before) tried.push(minute);
      clock += MINUTE;
    }
    expect(tried).toEqual([0, 1, 2, 4, 8]);
    // discord.js tries each failing post 4 times; the pass then stops: the other cards are not sent into the outage.
    expect(channelPosts().map((r) => r.status)).toEqual([...Array(16).fill(500), 200, 200, 200]);
    expect(cardTitles()).toEqual(pending());
    expect(cardTitles()).toHaveLength(3);
  });
});
