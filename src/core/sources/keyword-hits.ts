// Every keyword of a source an item holds (a card shows them all), where matchKeywords stops at
// the first.
import type { FeedItem } from './feed-port.js';
import { parseKeywords, type Keyword } from './keywords.js';
import { findPhrase, foldText } from './word-match.js';

/** The keywords (as typed) found in the item's title or summary, in the order typed. */
export function keywordHits(keywords: string | readonly Keyword[], item: Pick<FeedItem, 'title' | 'summary'>): string[] {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  if (parsed.length === 0) return [];
  const text = foldText(`${item.title}\n${item.summary}`);
  return parsed.filter((keyword) => findPhrase(text, keyword.phrase) !== -1).map((keyword) => keyword.text);
}

/** The keywords as a list people read: `ceasefire, Sweida, "al-Sharaa"`. */
export function keywordList(keywords: string | readonly Keyword[]): string {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  return parsed.map((k) => (/[\s,]/.test(k.text) ? `"${k.text}"` : k.text) + (k.phrase.prefix ? '*' : '')).join(', ');
}
