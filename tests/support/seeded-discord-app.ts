// A seeded store on a file (at the stories' clock) with the real Discord adapter against the fake
// Discord, for all of a file's tests: admins are those holding one role, which the harness's user has.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { startHarness, type Harness } from '../discord/support/harness.js';
import { snowflake } from '../fakes/discord-payloads.js';
import { NOW } from '../sources-queue/support/stories.js';
import { copySeededStore, recordingLogger } from './test-app.js';

/**
 * Starts the app and harness before the file's tests and closes them after; `started` is given
 * them once they run. `dirPrefix` names the store's temporary directory.
 */
export function seededDiscordApp(dirPrefix: string, started: (run: { app: App; h: Harness }) => void): void {
  const adminRole = snowflake();
  let dir: string;
  let app: App | undefined;
  let h: Harness | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), dirPrefix));
    copySeededStore(join(dir, 'sitrep.db'), new Date(NOW));
    const opened = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules(`discord-role:${adminRole}`), logger: recordingLogger(), now: () => new Date(NOW) });
    app = opened;
    h = await startHarness({ dispatcher: () => opened.dispatcher, userRoles: [adminRole] });
    opened.digests.posters.register(h.adapter.poster);
    started({ app: opened, h });
  });
  afterAll(async () => {
    await h?.close();
    app?.close();
    rmSync(dir, { recursive: true, force: true });
  });
}
