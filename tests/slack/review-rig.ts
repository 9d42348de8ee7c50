// The review queue on Slack, as its tests run it: the review store (a local feed server and a
// seeded store) with the real Slack adapter against the fake Slack, and the adapter's poster for
// the review channel unless the test brings its own.
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import type { App } from '../../src/app.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { openReviewStore } from '../sources-queue/support/review-store.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import type { types } from '@slack/bolt';
import { SECRET, shownText } from './harness.js';

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

/** A card as a channel holds it now, found by its title: its ts and a copy of its blocks, to press as an old copy would be. */
export function cardIn(slack: FakeSlack, channel: string, title: string): { ts: string; blocks: types.KnownBlock[] } {
  const found = slack.messagesIn(channel).find((m) => shownText(m as unknown as Record<string, unknown>).split('\n')[0] === title);
  if (!found) throw new Error(`no card for ${title} in channel ${channel}`);
  return { ts: found.ts, blocks: structuredClone(found.blocks) as types.KnownBlock[] };
}
