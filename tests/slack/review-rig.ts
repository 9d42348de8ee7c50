// The review queue on Slack, as its tests run it: the review store (a local feed server and a
// seeded store) with the real Slack adapter against the fake Slack, and the adapter's poster for
// the review channel unless the test brings its own.
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import type { App } from '../../src/app.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { openReviewStore } from '../sources-queue/support/review-store.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { SECRET } from './harness.js';

export interface ReviewRig {
  feeds: ScriptedFeeds;
  app: App;
  slack: FakeSlack;
  adapter: SlackAdapter;
  close(): Promise<void>;
}

/**
 * `admin` is the one Slack admin; `name` names the store's directory; `now` is the app's clock
 * (NOW by default); `ownPoster` leaves the review channel's poster to the test to register.
 */
export async function startReviewRig(options: { admin: string; name: string; now?: () => Date; ownPoster?: boolean }): Promise<ReviewRig> {
  const store = await openReviewStore({ admins: `slack:${options.admin}`, name: options.name, ...(options.now ? { now: options.now } : {}) });
  const { app, feeds, logger } = store;
  const slack = await FakeSlack.start();
  const adapter = await startSlackAdapter({ config: { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl }, dispatcher: app.dispatcher, logger }, { host: '127.0.0.1' });
  if (!options.ownPoster) app.digests.posters.register(adapter.poster);
  return {
    feeds,
    app,
    slack,
    adapter,
    async close() {
      await adapter.stop();
      await slack.close();
      await store.close();
    },
  };
}
