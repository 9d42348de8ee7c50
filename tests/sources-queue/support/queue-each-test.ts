// A queue on the seed dossier and its scripted feed server, opened before each test of the calling
// file and closed after it: the start and end the desks of a file's tests (card-lines, watch-desk)
// build on, and the candidate waiting for review that tests of approval start from.
import { afterEach, beforeEach } from 'vitest';
import type { QueueApp } from './queue-app.js';
import { closeQueue, openQueue, openQueueWithCandidate } from './queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './scripted-feeds.js';

/** The running test's queue and feeds: read inside a test, not when the file is loaded. */
export interface QueueOfEachTest {
  readonly queue: QueueApp;
  readonly feeds: ScriptedFeeds;
}

/** Opens with `open` before each test, and closes what it opened after it; answers the running test's. */
function openEachTest<Opened extends { feeds: ScriptedFeeds; queue: QueueApp }>(open: () => Promise<Opened>): () => Opened {
  let opened: Opened;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(() => closeQueue(opened.feeds, opened.queue));
  return () => opened;
}

export function queueEachTest(): QueueOfEachTest {
  const current = openEachTest(openQueue);
  return {
    get queue() {
      return current().queue;
    },
    get feeds() {
      return current().feeds;
    },
  };
}

/** For each test, a queue with a review channel whose one feed of `item` was checked: its candidate waits for review, by id. */
export function candidateEachTest(item: ScriptedItem): { readonly queue: QueueApp; readonly id: number } {
  const current = openEachTest(() => openQueueWithCandidate(item));
  return {
    get queue() {
      return current().queue;
    },
    get id() {
      return current().id;
    },
  };
}
