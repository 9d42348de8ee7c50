// Every keyword of a source an item holds (a card shows them all), where matchKeywords stops at
// the first, and the first term left out that it holds (the item is then filtered).
import type { FeedItem } from './feed-port.js';
import { holdsKeyword, parseKeywords, type Keyword } from './keywords.js';
import { foldText } from './word-match.js';
import { MIN_PREFIX_LENGTH } from '../search-terms.js';

/** What an item holds of a source's keywords: the terms sought it holds, in the order typed, and the first term left out it holds. */
export interface KeywordVerdict {
  hits: string[];
  excluded?: string;
}

export function keywordVerdict(keywords: string | readonly Keyword[], item: Pick<FeedItem, 'title' | 'summary'>): KeywordVerdict {
  const parsed = typeof keywords === 'string' ? parseKeywords(keywords) : keywords;
  if (parsed.length === 0) return { hits: [] };
  const text = foldText(`${item.title}\n${item.summary}`);
  const held = parsed.filter((keyword) => holdsKeyword(text, keyword));
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

/**
 * Why an item naming none of the terms sought was filtered, and the prefix that would have kept
 * it when a word of it starts with a term (`Syria*` for "Syrian"): `matched none of the keywords:
 * Syria, Sweida; Syria* would match "syrian"`.
 */
export function noneMatchedDetail(sought: readonly Keyword[], item: Pick<FeedItem, 'title' | 'summary'>): string {
  const hints = prefixHints(sought, item);
  const hint = hints.length > 0 ? `; ${hints.map(([term, word]) => `${term} would match "${word}"`).join(', ')}` : '';
  return `matched none of the keywords: ${keywordList(sought)}${hint}`;
}

/** The one-word terms sought (not initialisms nor prefixes) that a longer word of the item starts with, each with the first such word. */
function prefixHints(sought: readonly Keyword[], item: Pick<FeedItem, 'title' | 'summary'>): [string, string][] {
  const words = foldText(`${item.title}\n${item.summary}`).lower.split(' ');
  return sought.flatMap((keyword): [string, string][] => {
    const { words: term, cased, prefix } = keyword.phrase;
    if (keyword.exclude || cased || prefix || term.includes(' ') || [...term].length < MIN_PREFIX_LENGTH) return [];
    const longer = words.find((word) => word.length > term.length && word.startsWith(term));
    return longer === undefined ? [] : [[`${keyword.text}*`, longer]];
  });
}
