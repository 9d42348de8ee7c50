// What each feed-date test starts from: a feed server it scripts and a review queue app at a
// fixed instant, both closed after the test; and items of one outlet, each at its own address.
import { afterEach, beforeEach } from 'vitest';
import { QueueApp } from '../../sources-queue/support/queue-app.js';
import { ScriptedFeeds, type ScriptedItem } from '../../sources-queue/support/scripted-feeds.js';

export interface DatedFeedRig {
  feeds: ScriptedFeeds;
  queue: QueueApp;
}

/** Registers the hooks that give each test of the file a fresh rig, the queue's clock at `now`. */
export function datedFeedRig(now: string): DatedFeedRig {
  const rig = {} as DatedFeedRig;
  beforeEach(async () => {
    rig.feeds = await ScriptedFeeds.start();
    rig.queue = new QueueApp({ start: now });
  });
  afterEach(async () => {
    rig.queue.dispose();
    await rig.feeds.close();
  });
  return rig;
}

/** Items of the outlet at `host`, each linked at `https://host/guid`. */
export const itemsOf =
  (host: string) =>
  (guid: string, title: string, pubDate: string): ScriptedItem => ({ guid, title, link: `https://${host}/${guid}`, pubDate });
