// A queue on the seed dossier and its scripted feed server, opened before each test of the calling
// file and closed after it: the start and end the desks of a file's tests (card-lines, watch-desk)
// build on, the candidate waiting for review that tests of approval start from, and the cards
// waiting to be posted that restart tests start from.
import { afterEach, beforeEach } from 'vitest';
import type { QueueApp } from './queue-app.js';
import { closeQueue, openQueue, openQueueWithCandidate } from './queue-with-feeds.js';
import type { ScriptedFeeds, ScriptedItem } from './scripted-feeds.js';
import { BAKU, PARIS, SWEIDA } from './stories.js';

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

/**
 * For each test, a queue that checked a feed of PARIS, SWEIDA and BAKU before any review channel
 * was set (three candidates wait, no card is posted yet), and `restart()`: the next process on its
 * store (QueueApp.another), closed after the test too.
 */
export function waitingCardsEachTest(): { readonly first: QueueApp; restart(): QueueApp } {
  let feeds: ScriptedFeeds;
  let first: QueueApp;
  let next: QueueApp | undefined;
  beforeEach(async () => {
    ({ feeds, queue: first } = await openQueue());
    feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU]);
    await first.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await first.run('/sources check id:1');
  });
  afterEach(async () => {
    next?.dispose();
    next = undefined;
    await closeQueue(feeds, first);
  });
  return {
    get first() {
      return first;
    },
    restart() {
      next = first.another();
      return next;
    },
  };
}
