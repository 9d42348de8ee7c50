// What the feed-date tests read off a check: each candidate's card as the review queue shows it,
// by title, and the lines a user reads for the item's time and address.
import type { QueueApp } from '../../sources-queue/support/queue-app.js';

export interface CardFacts {
  title: string;
  published: string;
  date: string;
  link: string;
  text: string;
}

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${label} line`;
/** The address the Link line leads to: `Read on OUTLET <address>` prints it in angle brackets. */
const linkTarget = (shown: string) => /<([^<>]+)>$/.exec(shown)?.[1] ?? shown;

/** The cards of candidates #1…#count, by title. */
export async function cardsByTitle(queue: QueueApp, count: number): Promise<Map<string, CardFacts>> {
  const cards = new Map<string, CardFacts>();
  for (let id = 1; id <= count; id++) {
    const text = await queue.text(`/review show id:${id}`);
    const title = text.split('\n')[0]!.replace(/^\*\*|\*\*$/g, '').trim();
    cards.set(title, { title, published: line(text, 'Published'), date: line(text, 'Date'), link: linkTarget(line(text, 'Link')), text });
  }
  return cards;
}
