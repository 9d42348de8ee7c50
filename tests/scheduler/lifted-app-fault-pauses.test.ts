// GIVEN a store of the release before (schema 46) whose digests were paused when Slack or Discord
// refused Sitrep itself (invalid_auth, token_revoked, missing_scope; Discord 401, in the words of
// then and of before) WHEN the bot of this release starts on it THEN those digests are resumed, each
// with its next slot on its own schedule, and the log says once how many and why; a digest paused
// by its channel's own refusal (not_in_channel, Missing Permissions) stays paused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import type { Db } from '../../src/store/connection.js';
import { createStoreAtVersion } from '../support/older-store.js';
import { recordingLogger } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

const BEFORE = 46;
const NOW = new Date('2026-07-06T05:00:00Z'); // Monday 07:00 in Paris
const PAUSED_AT = '2026-07-01T06:00:00.000Z';

let dir: string;
let dbPath: string;
let app: App | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-lifted-pauses-'));
  dbPath = join(dir, 'sitrep.db');
});
afterEach(() => {
  app?.close();
  app = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** A daily 08:00 (Paris) digest in `channelId`, paused on 1 July with `reason`, its next slot then the 2nd. */
function pausedDigest(db: Db, platform: string, workspaceId: string, channelId: string, reason: string): void {
  db.prepare(
    `INSERT INTO digest_subscriptions (platform, workspace_id, channel_id, schedule, cron, timezone, cursor, cursor_at, next_slot_at,
       paused_at, paused_reason, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, 'daily 08:00', '0 8 * * *', 'Europe/Paris', 0, ?, '2026-07-02T06:00:00.000Z', ?, ?, ?, 'slack:U0ALICE', ?, 'slack:U0ALICE')`,
  ).run(platform, workspaceId, channelId, PAUSED_AT, PAUSED_AT, reason, PAUSED_AT, PAUSED_AT);
}

function start(): { app: App; logger: ReturnType<typeof recordingLogger> } {
  const logger = recordingLogger();
  app = createApp({ dbPath, admins: parseAdminRules('slack:U0ALICE,discord:1001'), logger, now: () => NOW, timezone: 'Europe/Paris' });
  return { app, logger };
}

const SLACK: Caller = { platform: 'slack', userId: 'U0ALICE', workspaceId: 'T0TEST', channelId: 'C0NEWS' };
const DISCORD: Caller = { platform: 'discord', userId: '1001', workspaceId: 'g1', channelId: 'c1' };
const listIn = async (started: App, caller: Caller) => viewText(await started.dispatcher.runText('/digest list', caller));

describe('GIVEN digests an older release paused for refusals of Sitrep itself and for their channels', () => {
  beforeEach(() =>
    createStoreAtVersion(
      dbPath,
      (db) => {
        pausedDigest(db, 'slack', 'T0TEST', 'C0NEWS', 'Slack refused the message: invalid_auth');
        pausedDigest(db, 'slack', 'T0TEST', 'C0DESK', 'Slack refused the message: missing_scope');
        pausedDigest(db, 'slack', 'T0TEST', 'C0GONE', 'Slack refused the message: not_in_channel');
        pausedDigest(db, 'discord', 'g1', 'c1', 'Discord refused the message: 401: Unauthorized (0)');
        pausedDigest(db, 'discord', 'g1', 'c2', 'channel c2: Discord answered 401 (0: 401: Unauthorized)');
        pausedDigest(db, 'discord', 'g1', 'c3', 'Discord refused the message: Missing Permissions (50013)');
      },
      BEFORE,
    ),
  );

  it('WHEN the bot starts THEN the app-level pauses are lifted with their next digest at 08:00, the channels’ own stay, and the log says so once', async () => {
    const { app: started, logger } = start();

    const slack = await listIn(started, SLACK);
    expect(slack).toContain('3 subscriptions, 1 paused.');
    expect(slack.split('Paused:')).toHaveLength(2);
    expect(slack).toContain('Paused: Slack refused the message: `not_in_channel`');
    expect(slack.split('Next digest: Mon 6 Jul 2026 08:00 CEST')).toHaveLength(3);

    const discord = await listIn(started, DISCORD);
    expect(discord).toContain('3 subscriptions, 1 paused.');
    expect(discord).toContain('Paused: Discord refused the message: Missing Permissions (50013)');
    expect(discord).not.toContain('401');
    expect(discord.split('Next digest: Mon 6 Jul 2026 08:00 CEST')).toHaveLength(3);

    const told = logger.lines.filter((line) => line.message.includes('paused by an earlier Sitrep'));
    expect(told).toHaveLength(1);
    expect(told[0]!.message).toContain('4 digest subscriptions paused by an earlier Sitrep because slack or discord refused Sitrep itself (its token or scopes), not the channel, are resumed');
  });

  it('WHEN the bot starts again THEN nothing more is resumed or said', () => {
    start().app.close();
    app = undefined;
    const { logger } = start();
    expect(logger.lines.filter((line) => line.message.includes('paused by an earlier Sitrep'))).toEqual([]);
  });
});
