// Cutting text to a platform's length limit without breaking a character. Limits are counted in
// UTF-16 code units (JavaScript's `.length`): never less than code points, so a limit holds however
// a platform counts. A cut falls between graphemes, so a flag, an emoji with its skin tone or a
// letter with its accents stays whole, and a surrogate pair is never split (half a pair is invalid
// text that a platform may refuse).
import { closingIsolates } from './bidi-isolate.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The largest index at most `index` that falls between two code points of `text`. */
function codePointBoundary(text: string, index: number): number {
  return index > 0 && index < text.length && isHighSurrogate(text.charCodeAt(index - 1)) ? index - 1 : index;
}

/**
 * The largest index at most `index` where `text` can be cut: between graphemes, or between code
 * points when a single grapheme (e.g. a letter with hundreds of marks) is longer than `index`.
 */
export function cutIndex(text: string, index: number): number {
  if (index >= text.length) return text.length;
  if (index <= 0) return 0;
  // `containing` looks only near `index`; iterating segments from the start slows down
  // quadratically on long texts (tens of thousands of characters take seconds).
  const start = graphemes.segment(text).containing(index)?.index ?? index;
  return start > 0 ? start : codePointBoundary(text, index);
}

/** The longest prefix of `text` at most `max` UTF-16 units long that ends between graphemes. */
export function prefixWithin(text: string, max: number): string {
  return text.slice(0, cutIndex(text, max));
}

/**
 * A cut prefix ended by an ellipsis, within `max`: a cut inside an isolated value (bidi-isolate.ts)
 * closes it after the ellipsis, which then shows at the cut end of right-to-left text, and the
 * closing characters count against `max`. `cut` gives the prefix within a length.
 */
function withEllipsis(cut: (room: number) => string, max: number): string {
  let room = max - 1;
  for (;;) {
    const prefix = cut(room).trimEnd();
    const closing = closingIsolates(prefix);
    if (prefix.length + 1 + closing.length <= max || room <= 0) return `${prefix}…${closing}`;
    room -= closing.length;
  }
}

/** `text` within `max` UTF-16 units; when cut, the cut is marked with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return withEllipsis((room) => prefixWithin(text, room), max);
}

/** How far back from the limit a cut looks for a space: past it, a long word is cut where it is. */
const WORD_CUT_REACH = 0.2;

/**
 * clip, cutting between words when there is a space in the last fifth before the limit: a summary
 * cut at its limit ends `…the talks in…`, not `…the talks i…`.
 */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  return withEllipsis((room) => {
    const prefix = prefixWithin(text, room);
    // Cut at a word's end already when a space follows the prefix.
    const space = /^\s/u.test(text.slice(prefix.length)) ? prefix.length : prefix.search(/\s\S*$/u);
    return space >= room * (1 - WORD_CUT_REACH) ? prefix.slice(0, space) : prefix;
  }, max);
}

/** Where the word before the one holding `at` starts: a change is shown with a word before it. */
function wordBefore(text: string, at: number): number {
  const word = at > 0 ? text.lastIndexOf(' ', at - 1) + 1 : 0;
  return word > 1 ? text.lastIndexOf(' ', word - 2) + 1 : word;
}

/** Where the word after the one ending a change (at `to`) ends. */
function wordAfter(text: string, to: number): number {
  const end = text.indexOf(' ', to);
  if (end < 0) return text.length;
  const next = text.indexOf(' ', end + 1);
  return next < 0 ? text.length : next;
}

/** The text from `start` to a word past `to`, clipped to `max`, marked `…` where cut. */
function partAround(text: string, start: number, to: number, max: number): string {
  const end = wordAfter(text, to);
  const part = clip(text.slice(start, end), max);
  return `${start > 0 ? '…' : ''}${part}${end < text.length && !part.endsWith('…') ? '…' : ''}`;
}

/**
 * A text before and after a change, each clipped to `max`. Where both clip to the same (a change
 * past the clipped start), each is shown around its first difference instead (`…on 12 July…` →
 * `…on 14 July…`, `…residents fled". → …residents fled". Update: …`): the same start on both
 * sides would show no change.
 */
export function clippedChange(before: string, after: string, max: number): [string, string] {
  const [from, to] = [clip(before, max), clip(after, max)];
  if (from !== to) return [from, to];
  let same = 0;
  while (same < before.length && same < after.length && before[same] === after[same]) same += 1;
  let sameEnd = 0;
  while (sameEnd < before.length - same && sameEnd < after.length - same && before[before.length - 1 - sameEnd] === after[after.length - 1 - sameEnd]) sameEnd += 1;
  const start = wordBefore(before, same);
  return [partAround(before, start, before.length - sameEnd, max), partAround(after, start, after.length - sameEnd, max)];
}
