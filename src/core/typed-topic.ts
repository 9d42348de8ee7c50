// A topic as any keyboard types it: phones and word processors turn `-` into a long dash
// (`syria–israel`), and autocomplete lists may show a flag before the topic (`🇸🇾 syria-israel`).
// Topics are slugs of letters, digits and `-`, so these read as the slug meant.
import { withoutWrappingQuotes } from './value-quotes.js';

/** Hyphens and dashes of every length, and the minus sign: a topic's `-`. */
const DASHES = /[\p{Pd}\u2212]/gu;
/** Emoji (a flag's letters, skin tones, joiners, the emoji form selector, keycaps) and spaces at either end. */
const EMOJI_OR_SPACE = '[\\s\\p{Extended_Pictographic}\\p{Regional_Indicator}\\p{Emoji_Modifier}\\u200D\\uFE0F\\u20E3]';
const EDGES = new RegExp(`^${EMOJI_OR_SPACE}+|${EMOJI_OR_SPACE}+$`, 'gu');

/** The topic `typed` names, in lower case: `“🇸🇾 Syria—Israel”` → `syria-israel`. */
export function typedTopic(typed: string): string {
  const bare = withoutWrappingQuotes(typed.replace(EDGES, '')).replace(EDGES, '');
  return bare.replace(DASHES, '-').toLowerCase();
}
