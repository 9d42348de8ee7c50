// One line of every candidate's card, for tests of what cards suggest: a feed of the items is
// watched with backfill and checked once, and each candidate's line is read in order.
import type { QueueApp } from './queue-app.js';
import { queueEachTest } from './queue-each-test.js';
import type { ScriptedFeeds, ScriptedItem } from './scripted-feeds.js';
import { NOW } from './stories.js';

const published = new Date(Date.parse(NOW) - 3_600_000).toISOString();

/** An item published an hour before the queue's clock starts. */
export const recentItem = (guid: string, title: string, summary = ''): ScriptedItem => ({ guid, title, summary, link: `https://levant.example/${guid}`, published });

/** The `field` line (`Actors`, `Places`) of each candidate the items become. */
export async function cardLines(queue: QueueApp, feeds: ScriptedFeeds, items: ScriptedItem[], field: 'Actors' | 'Places' | 'Date'): Promise<string[]> {
  feeds.serve('/levant.xml', 'Levant Wire', items);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  const lines: string[] = [];
  for (let id = 1; id <= items.length; id++) {
    const card = await queue.text(`/review show id:${id}`);
    lines.push(new RegExp(`^ {2}${field} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${field.toLowerCase()} line in: ${card}`);
  }
  return lines;
}

/** A queue on the seed dossier for each test of the file, and the Places line of the cards items become. */
export function placesDesk(): { readonly queue: QueueApp; placesSuggested(items: ScriptedItem[]): Promise<string[]> } {
  const current = queueEachTest();
  return {
    get queue() {
      return current.queue;
    },
    placesSuggested: (items) => cardLines(current.queue, current.feeds, items, 'Places'),
  };
}
