// Every keyword of a source an item holds (a card shows them all), where matchKeywords stops at
// the first, and the first term left out that it holds (the item is then filtered).
import type { FeedItem } from './feed-port.js';
import { parseKeywords, type Keyword } from './keywords.js';
import { findPhrase, foldText } from './word-match.js';

/** What an item holds of a source's keywords: the terms sought it holds, in the order typed, and the first term left out it holds. */
export interface KeywordVerdict {
  hits: string[];
  excluded?: string;
}

export function keywordVerdict(keywords: string | readonly Keyword[], item: Pick<FeedItem, 'title' | 'summary'>): KeywordVerdict {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  if (parsed.length === 0) return { hits: [] };
  const text = foldText(`${item.title}\n${item.summary}`);
  const held = parsed.filter((keyword) => findPhrase(text, keyword.phrase) !== -1);
  const excluded = held.find((keyword) => keyword.exclude);
  return { hits: held.filter((keyword) => !keyword.exclude).map((keyword) => keyword.text), ...(excluded ? { excluded: termText(excluded) } : {}) };
}

/** A term as people type it: quoted when it holds a space, or a comma or semicolon (which would part it), `*` for a prefix, `-` for one left out. */
function termText(keyword: Keyword): string {
  return (keyword.exclude ? '-' : '') + (/[\s,;]/.test(keyword.text) ? `"${keyword.text}"` : keyword.text) + (keyword.phrase.prefix ? '*' : '');
}

/** The keywords as a list people read: `ceasefire, Sweida, "al-Sharaa", -opinion`. */
export function keywordList(keywords: string | readonly Keyword[]): string {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  return parsed.map(termText).join(', ');
}

/** What a source keeps, in words: `keeping items that name ceasefire or Sweida, but none that name opinion`. */
export function keywordRule(keywords: string | readonly Keyword[]): string {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  const sought = parsed.filter((keyword) => !keyword.exclude).map(termText);
  const left = parsed.filter((keyword) => keyword.exclude).map((keyword) => termText(keyword).slice(1));
  const keeping = sought.length > 0 ? `keeping items that name ${sought.join(' or ')}` : 'keeping every item';
  return left.length > 0 ? `${keeping}${sought.length > 0 ? ', but none' : ' but those'} that name ${left.join(' or ')}` : keeping;
}
