// GIVEN a review channel on Discord (the real discord.js client against the fake Discord) WHEN
// Discord answers 401 (it no longer takes the bot token) to a card's post, or to the edit showing a
// decision THEN nothing is given up: /review list says the cards wait and names the operator's fix,
// not the channel's permissions, the operator is told once, and after a restart with a token
// Discord takes, the cards arrive and the decision is shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { embedText } from '../digest/support/platform-digests.js';
import { startHarness, type Embed, type Harness } from '../discord/support/harness.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, PARIS, SWEIDA } from './support/stories.js';

const adminRole = snowflake();
const MINUTE = 60_000;
const TOKEN_FIX = 'Discord no longer accepts the bot token: reset it in the Developer Portal (Bot → Reset Token), set DISCORD_TOKEN to the new one and restart Sitrep';
/** Discord's 401, once (a fresh one each time: the fake counts its `times` down). */
const unauthorized = () => ({ status: 401, body: { code: 0, message: '401: Unauthorized' }, times: 1 });

let clock: number;
let feeds: ScriptedFeeds;
let dir: string;
let app: App;
let logger: ReturnType<typeof recordingLogger>;
let h: Harness;

beforeEach(async () => {
  clock = Date.parse(NOW);
  feeds = await ScriptedFeeds.start();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-discord-card-faults-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
  logger = recordingLogger();
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`discord-role:${adminRole}`), logger, now: () => new Date(clock), sourcesAllowPrivate: true });
  h = await startHarness({ dispatcher: () => app.dispatcher, userRoles: [adminRole] });
  app.digests.posters.register(h.adapter.poster);
  await h.slash('review', {}, { subcommand: 'channel' });
});
afterEach(async () => {
  await h?.close();
  app?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

const channel = () => h.fake.guild.channelId;
const admin = (): Caller => ({ platform: 'discord', userId: h.user.id, workspaceId: h.fake.guild.id, channelId: channel(), roleIds: [adminRole] });
const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin()));
/** The review channel's cards as they read now, oldest first (/review channel's confirmation is no card). */
const cards = () =>
  [...h.fake.rest.messages.values()]
    .filter((m) => m.channel_id === channel() && m.interaction_metadata === undefined)
    .map((m) => embedText((m.embeds as Embed[])[0]!))
    .filter((text) => !text.startsWith('Review channel'));
const pass = () => app.services.review.postPending();
const warned = (words: string) => logger.lines.filter((line) => line.level === 'warn' && line.message.includes(words));

async function proposed(items = [PARIS, SWEIDA, BAKU]): Promise<void> {
  feeds.serve('/levant.xml', 'Levant Wire', items);
  await run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await run('/sources check id:1');
}

/** Sitrep started again with the token Discord takes: its poster is the new adapter's. */
async function restarted(): Promise<void> {
  await h.restart();
  app.digests.posters.register(h.adapter.poster);
  clock += 2 * 3600_000;
}

describe('GIVEN a review channel on Discord', () => {
  it('WHEN Discord answers 401 to the cards THEN none is given up, /review list names the operator’s fix, and after a restart every card arrives', async () => {
    h.fake.failChannel(channel(), unauthorized());
    await proposed();
    for (let minute = 0; minute < 5; minute++) {
      await pass();
      clock += MINUTE;
    }
    expect(cards()).toEqual([]);

    const listed = await run('/review list');
    expect(listed).toContain(`Cards wait for the review channel on Discord, #${channel()} (channel ${channel()}, this channel): Discord refused Sitrep itself (`);
    expect(listed).toContain('not the channel, so nothing needs doing there. 3 cards of candidates waiting are not there yet.');
    expect(listed).toContain(`Whoever runs Sitrep must fix the app: ${TOKEN_FIX}.`);
    expect(listed).not.toContain('Give the bot');
    expect(listed).not.toContain('could not be posted');
    expect(warned('discord review cards wait, none given up')).toHaveLength(1);
    expect(warned('discord review cards wait, none given up')[0]!.message).toContain(`Discord refused the message: 401: Unauthorized (0) — ${TOKEN_FIX}`);

    await restarted();
    await pass();
    expect(cards().map((text) => text.split('\n')[0]).sort()).toEqual([PARIS.title, SWEIDA.title, BAKU.title].sort());
    expect(await run('/review list')).not.toContain('Cards wait');
  });

  it('WHEN Discord answers 401 to the edit showing a rejection THEN the edit waits, the operator is told once, and after a restart the card shows the decision', async () => {
    await proposed([BAKU]);
    await pass();
    expect(cards()).toHaveLength(1);
    expect(cards()[0]).toContain('waiting for review');

    h.fake.failChannel(channel(), unauthorized());
    await run('/review reject id:1');
    clock += 2 * MINUTE;
    await pass();
    expect(cards()[0]).toContain('waiting for review');
    expect(warned('discord review cards wait, none given up')).toHaveLength(1);
    expect(warned('discord review cards wait, none given up')[0]!.message).toContain(TOKEN_FIX);
    expect(warned('could not show the decision on a posted card')).toEqual([]);

    await restarted();
    await pass();
    expect(cards()).toHaveLength(1);
    expect(cards()[0]).toContain('Candidate #1 · syria-israel · rejected');
  });
});
