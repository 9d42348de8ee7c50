// A queue on the seed dossier for each test of a file, with feeds watched with backfill under
// names of their own, and the candidates they became: for tests comparing reports of several feeds.
import { QueueApp } from './queue-app.js';
import { queueEachTest } from './queue-each-test.js';
import type { ScriptedItem } from './scripted-feeds.js';

export interface WatchDesk {
  readonly queue: QueueApp;
  /** The candidates proposed so far, oldest first. */
  candidates(): { id: number; title: string }[];
  /** Serves the items at `path` under the feed title `outlet` and watches it: the new source's number. */
  watch(path: string, outlet: string, items: ScriptedItem[]): Promise<number>;
}

export function watchDesk(): WatchDesk {
  const current = queueEachTest();
  return {
    get queue() {
      return current.queue;
    },
    candidates: () => current.queue.app.db.prepare('SELECT id, title FROM review_candidates ORDER BY id').all() as { id: number; title: string }[],
    async watch(path, outlet, items) {
      const { feeds, queue } = current;
      feeds.serve(path, outlet, items);
      return QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url(path)} topic:syria-israel backfill:true`), 'Watching');
    },
  };
}
