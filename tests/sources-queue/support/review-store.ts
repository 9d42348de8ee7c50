// What the review queue's platform tests stand on: a local feed server and a seeded store of
// their own, with feeds allowed from 127.0.0.1, and the app over it. Each platform's test starts
// its adapter beside it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../src/app.js';
import { parseAdminRules } from '../../../src/core/caller.js';
import { copySeededStore, recordingLogger } from '../../support/test-app.js';
import { ScriptedFeeds } from './scripted-feeds.js';
import { NOW } from './stories.js';

export interface ReviewStore {
  feeds: ScriptedFeeds;
  app: App;
  /** The store's file, for a second process on it. */
  dbPath: string;
  logger: ReturnType<typeof recordingLogger>;
  close(): Promise<void>;
}

/** `admins` as SITREP_ADMINS reads them; `name` names the store's directory; `now` is the app's clock (NOW by default). */
export async function openReviewStore(options: { admins: string; name: string; now?: () => Date }): Promise<ReviewStore> {
  const feeds = await ScriptedFeeds.start();
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${options.name}-`));
  const dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath, new Date(NOW));
  const logger = recordingLogger();
  const app = createApp({ dbPath, admins: parseAdminRules(options.admins), logger, now: options.now ?? (() => new Date(NOW)), sourcesAllowPrivate: true });
  return {
    feeds,
    app,
    dbPath,
    logger,
    async close() {
      app.close();
      await feeds.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
