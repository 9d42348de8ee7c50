// What a review-queue test of feeds starts from: a local feed server it serves feeds from and a
// queue app at a fixed instant, both fresh for each test and closed after it.
import { afterEach, beforeEach } from 'vitest';
import { QueueApp } from './queue-app.js';

export interface FeedRig<F> {
  feeds: F;
  queue: QueueApp;
}

/** Registers the hooks that give each test of the file a fresh rig: feeds from `start`, the queue's clock at `now`. */
export function feedRig<F extends { close(): Promise<void> }>(now: string, start: () => Promise<F>): FeedRig<F> {
  const rig = {} as FeedRig<F>;
  beforeEach(async () => {
    rig.feeds = await start();
    rig.queue = new QueueApp({ start: now });
  });
  afterEach(async () => {
    rig.queue.dispose();
    await rig.feeds.close();
  });
  return rig;
}
