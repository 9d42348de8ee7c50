// GIVEN a store of the release before (schema 47) whose watchers were paused when Slack or Discord
// refused Sitrep itself (invalid_auth, not_in_channel in the app's own conversation; Discord 401,
// a 403 such as Missing Access, in the words of then and of before) and whose review cards were
// given up so (invalid_auth) WHEN the bot of this release starts on it THEN those watchers are
// resumed and get the next change, the operator reads once how many and why, and the cards are
// posted; watchers and cards refused by the person or the channel themselves stay as they were.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import type { Db } from '../../src/store/connection.js';
import type { WatchRunner } from '../../src/scheduler/watch-runner.js';
import { entryInput } from '../digest/support/entry-input.js';
import { FakePoster } from '../digest/support/fake-poster.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { proposeCandidate } from '../sources-queue/support/propose.js';
import { createStoreAtVersion } from '../support/older-store.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const BEFORE = 47;
const START = '2026-07-06T05:00:00Z';
const PAUSED_AT = '2026-07-01T06:00:00.000Z';
const TICK_MS = 30_000;

/** Each watcher of the older store, with the reason its watches were paused for, and whether it was Sitrep's own. */
const WATCHERS = [
  { platform: 'slack', userId: 'U0TOKEN', reason: 'Slack refused the message: invalid_auth', lifted: true },
  { platform: 'slack', userId: 'U0OWNDM', reason: 'Slack refused the message: not_in_channel', lifted: true },
  { platform: 'slack', userId: 'U0CLOSED', reason: 'Slack refused the message: cannot_dm_bot', lifted: false },
  { platform: 'discord', userId: '2001', reason: 'Discord refused the message: 401: Unauthorized (0)', lifted: true },
  { platform: 'discord', userId: '2002', reason: 'Discord refused the direct message: Missing Access (50001)', lifted: true },
  { platform: 'discord', userId: '2003', reason: 'opening a direct message with user 2003: Discord answered 403 (50001: Missing Access)', lifted: true },
  { platform: 'discord', userId: '2004', reason: 'Discord refused the message: Cannot send messages to this user (50007)', lifted: false },
  { platform: 'discord', userId: '2005', reason: 'posting message 1 of 1 to channel 9: Discord answered 403 (50007: Cannot send messages to this user)', lifted: false },
] as const;

let dir: string;
let dbPath: string;
let time: VirtualTime;
const opened: { app: App; runner?: WatchRunner }[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-lifted-watch-pauses-'));
  dbPath = join(dir, 'sitrep.db');
  time = new VirtualTime(START);
});
afterEach(async () => {
  for (const { app, runner } of opened.splice(0)) {
    await runner?.stop(1000);
    app.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

function pausedWatcher(db: Db, platform: string, userId: string, reason: string): void {
  db.prepare('INSERT INTO watchers (platform, user_id, cursor, last_message_at, paused_at, paused_reason, created_at) VALUES (?, ?, 0, ?, ?, ?, ?)').run(
    platform, userId, PAUSED_AT, PAUSED_AT, reason, PAUSED_AT,
  );
  db.prepare("INSERT INTO watches (platform, user_id, kind, target, label, created_at) VALUES (?, ?, 'topic', 'syria-israel', 'syria-israel', ?)").run(platform, userId, PAUSED_AT);
}

/** The bot of this release on the store, with a recording poster for Slack and one for Discord, its watch runner started. */
function start() {
  const logger = recordingLogger();
  const app = createApp({ dbPath, admins: parseAdminRules('slack:U0ADMIN'), logger, now: time.now, digestTasks: new ProcessTasks(time) });
  const posters = { slack: new FakePoster('slack', time.now), discord: new FakePoster('discord', time.now) };
  app.digests.posters.register(posters.slack);
  app.digests.posters.register(posters.discord);
  const started: { app: App; runner?: WatchRunner } = { app };
  opened.push(started);
  const runWatches = () => {
    started.runner = app.startWatchRunner({ tickMs: TICK_MS });
    time.settle = () => started.runner!.idle();
  };
  return { app, logger, posters, runWatches };
}

const told = (logger: ReturnType<typeof recordingLogger>) => logger.lines.filter((line) => line.message.includes('paused by an earlier Sitrep'));
const caller = (platform: string, userId: string): Caller => ({ platform, userId, workspaceId: 'w', channelId: 'c' });

describe('GIVEN watchers an older release paused for refusals of Sitrep itself and for their own', () => {
  beforeEach(() =>
    createStoreAtVersion(
      dbPath,
      (db) => {
        for (const watcher of WATCHERS) pausedWatcher(db, watcher.platform, watcher.userId, watcher.reason);
      },
      BEFORE,
    ),
  );

  it('WHEN the bot starts and an entry of the watched topic is added THEN the app-level pauses are lifted and get it, the people’s own stay, and the log says so once', async () => {
    const { app, logger, posters, runWatches } = start();
    // Their last message covered the dossier as it stands: the next carries what changes from here.
    app.db.prepare('UPDATE watchers SET cursor = (SELECT max(id) FROM revisions)').run();
    runWatches();
    app.services.editor.addEntry(entryInput({ title: 'Envoys meet in Baku' }), { by: 'slack:U0ADMIN', at: time.now().toISOString() });
    await time.advance(TICK_MS);

    for (const watcher of WATCHERS) {
      const messages = posters[watcher.platform].texts(`dm:${watcher.userId}`);
      const listed = viewText(await app.dispatcher.runText('/watch list', caller(watcher.platform, watcher.userId)));
      if (watcher.lifted) {
        expect(messages, watcher.userId).toHaveLength(1);
        expect(messages[0]).toContain('Envoys meet in Baku');
        expect(listed, watcher.userId).not.toContain('could not send you a direct message');
      } else {
        expect(messages, watcher.userId).toEqual([]);
        expect(listed, watcher.userId).toContain(`Sitrep could not send you a direct message (${watcher.reason})`);
      }
    }
    expect(told(logger)).toHaveLength(1);
    expect(told(logger)[0]!.message).toContain("5 people's watches paused by an earlier Sitrep because slack or discord refused Sitrep itself (its token or scopes), not the person, are resumed");
  });

  it('WHEN the bot starts again THEN nothing more is said', async () => {
    const first = start();
    first.runWatches();
    expect(told(first.logger)).toHaveLength(1);
    for (const { app, runner } of opened.splice(0)) {
      await runner?.stop(1000);
      app.close();
    }
    const again = start();
    again.runWatches();
    expect(told(again.logger)).toEqual([]);
  });
});

describe('GIVEN review cards an older release gave up when Slack refused Sitrep itself, and one Slack refused in its channel', () => {
  beforeEach(async () => {
    // Two candidates as this release proposes them, copied into the older store.
    const scratch = join(dir, 'scratch.db');
    copySeededStore(scratch, new Date(START));
    const current = createApp({ dbPath: scratch, admins: [], logger: recordingLogger(), checksInWorker: false });
    await proposeCandidate(current, new Date(START));
    const candidate = current.db.prepare('SELECT * FROM review_candidates WHERE id = 1').get() as Record<string, unknown>;
    current.close();
    createStoreAtVersion(
      dbPath,
      (db) => {
        const columns = (db.prepare('PRAGMA table_info(review_candidates)').all() as { name: string }[]).map((c) => c.name).filter((name) => name in candidate);
        const insert = db.prepare(`INSERT INTO review_candidates (${columns.join(', ')}) VALUES (${columns.map((name) => `@${name}`).join(', ')})`);
        insert.run(candidate);
        insert.run({ ...candidate, id: 2, title: 'Syria and Israel hold more talks in Baku' });
        db.prepare("INSERT INTO review_channels (platform, workspace_id, channel_id, set_by, set_at) VALUES ('slack', 'T0TEST', 'C0REVIEW', 'slack:U0ADMIN', ?)").run(PAUSED_AT);
        const post = db.prepare(
          "INSERT INTO review_posts (kind, candidate_id, platform, workspace_id, channel_id, status, attempts, last_error, failing_since, created_at, updated_at) VALUES ('card', ?, 'slack', 'T0TEST', 'C0REVIEW', 'failed', 1, ?, ?, ?, ?)",
        );
        post.run(1, 'Slack refused the message: invalid_auth', PAUSED_AT, PAUSED_AT, PAUSED_AT);
        post.run(2, 'Slack refused the message: not_in_channel', PAUSED_AT, PAUSED_AT, PAUSED_AT);
      },
      BEFORE,
    );
  });

  it('WHEN the bot starts THEN the card given up for the token is posted, and /review list names only the channel’s own refusal', async () => {
    const { app, posters } = start();
    const listed = viewText(await app.dispatcher.runText('/review list', { platform: 'slack', userId: 'U0ADMIN', workspaceId: 'T0TEST', channelId: 'C0REVIEW' }));
    expect(listed).toContain('Slack refused the message: not_in_channel. 1 card of candidates waiting is not there.');
    expect(listed).not.toContain('invalid_auth');
    expect(await app.services.review.postPending()).toBe(1);
    expect(posters.slack.texts('C0REVIEW')).toHaveLength(1);
    expect(posters.slack.texts('C0REVIEW')[0]).toContain('Syria and Israel hold talks in Baku');
  });
});
