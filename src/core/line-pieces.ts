// Lines packed into texts of at most so many rendered characters, for any platform's markup:
// a line too long is cut in its span text (never in rendered markup), so every piece keeps its
// escapes and styles whole. A link is never cut: it moves whole to the next piece, or, when its
// address alone is too long for any piece, its address is shown as text after it, never lost.
import { closingIsolates, FIRST_STRONG_ISOLATE, openIsolates } from './bidi-isolate.js';
import { cutIndex } from './text-cut.js';
import type { Line, Span } from './view.js';

/** How a platform writes a line, and where a link of it points (undefined: not a link there). */
export interface LineMarkup {
  render(line: Line): string;
  linkTarget(href: string): string | undefined;
}

/** Below this, a piece would be too small to hold any escaped character with its styling. */
const MIN_PIECE = 16;
/** Below this much room left in a text, a long line starts a new text instead of flowing. */
const MIN_FLOW_ROOM = 120;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** A piece of a span's text with the isolates it opened closed (bidi-isolate.ts). */
const balanced = (text: string): string => text + closingIsolates(text);

/** The length of the first character of `text`, with the isolate it may open: the least a piece can take. */
function firstCharacter(text: string): number {
  const lead = text.startsWith(FIRST_STRONG_ISOLATE) ? 1 : 0;
  return lead + (isHighSurrogate(text.charCodeAt(lead)) ? 2 : 1);
}

/** A span that moves whole to the next piece rather than being cut, unless no piece can hold it. */
interface WholeSpan extends Span {
  keepWhole?: true;
}

/** The longest prefix of `span.text` that still fits after `current`, by binary search. */
function longestFittingPrefix(markup: LineMarkup, current: Line, span: Span, max: number): number {
  let low = 0;
  let high = span.text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (markup.render([...current, { ...span, text: balanced(span.text.slice(0, mid)) }]).length <= max) low = mid;
    else high = mid - 1;
  }
  // A flag or an accented letter cut in two would show as two broken characters.
  return cutIndex(span.text, low);
}

/** A link too long for a whole piece: its text, then its address in code (inert, cut only if it must be). */
function addressAsText(span: Span, address: string): Span[] {
  const shown: WholeSpan = { text: address, style: 'code', keepWhole: true };
  return [{ text: span.text, ...(span.style ? { style: span.style } : {}) }, { text: ' (' }, shown, { text: ')' }];
}

/** Where the last match of `pattern` in `text` starts; -1 for none. */
function lastIndex(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index;
  return last;
}

/**
 * Prefers to cut at a line break (which the cut takes) or after a space (which the piece keeps, so
 * no text is lost), if that keeps at least half the room used.
 */
function niceCut(text: string, fit: number): { take: number; skip: number } {
  if (fit >= text.length) return { take: text.length, skip: 0 };
  const lineBreak = lastIndex(text.slice(0, fit + 1), /\n/g);
  if (lineBreak >= fit / 2) return { take: lineBreak, skip: 1 };
  const space = lastIndex(text.slice(0, fit), /[^\S\n]/g);
  if (space >= 0 && space + 1 >= fit / 2) return { take: space + 1, skip: 0 };
  return { take: fit, skip: 0 };
}

/**
 * The first piece of `line` that fits in `max` rendered characters, and what is left. `fresh` is
 * the room an empty piece has: when a link does not fit in `max` but would fit, with what comes
 * before it on its line, in `fresh`, the head is empty and the caller should start a new piece.
 */
export function splitHead(markup: LineMarkup, line: Line, max: number, fresh = max): { head: Line; rest?: Line } {
  if (max < MIN_PIECE) throw new Error(`splitHead: room for ${max} characters is too small`);
  const queue: Span[] = line.map((s) => ({ ...s }));
  const head: Line = [];
  while (queue.length > 0) {
    const span = queue.shift()!;
    if (markup.render([...head, span]).length <= max) {
      head.push(span);
      continue;
    }
    const address = span.href ? markup.linkTarget(span.href) : undefined;
    const fitsFresh = markup.render([span]).length <= fresh;
    if (address !== undefined && !fitsFresh) {
      queue.unshift(...addressAsText(span, address));
      continue;
    }
    if ((address !== undefined || (span as WholeSpan).keepWhole) && fitsFresh) {
      // It moves whole, with what leads up to it on its line (`Source:`) when that fits too.
      if (max < fresh && markup.render([...head, span]).length <= fresh) return { head: [], rest: [...head, span, ...queue] };
      queue.unshift(span);
      break;
    }
    let fit = longestFittingPrefix(markup, head, span, max);
    if (fit === 0 && head.length === 0) fit = firstCharacter(span.text);
    const moveWhole = head.length > 0 && fit < span.text.length / 2 && fit < max / 4;
    const cut = moveWhole ? { take: 0, skip: 0 } : niceCut(span.text, fit);
    const { skip } = cut;
    // A piece that would end on an isolate opened with nothing in it leaves the isolate to the next.
    const emptyIsolate = cut.take > 0 && skip === 0 && span.text[cut.take - 1] === FIRST_STRONG_ISOLATE && (cut.take > 1 || head.length > 0);
    const take = emptyIsolate ? cut.take - 1 : cut.take;
    // A value cut inside its isolate is closed in this piece and opened again in the next.
    const reopened = FIRST_STRONG_ISOLATE.repeat(openIsolates(span.text.slice(0, take)));
    if (take > 0) head.push({ ...span, text: balanced(span.text.slice(0, take)) });
    const rest = span.text.slice(take + skip);
    if (rest.length > 0) queue.unshift({ ...span, text: reopened + rest });
    if (head.length > 0) break;
  }
  return queue.length > 0 ? { head, rest: queue } : { head };
}

/**
 * Renders lines and joins them with line breaks into texts of at most `max` characters, in order;
 * a line too long for the room left flows on into the next text (a link in it moves there whole).
 */
export function packLines(markup: LineMarkup, lines: readonly Line[], max: number): string[] {
  const texts: string[] = [];
  let current: string | undefined;
  const close = () => {
    if (current !== undefined) texts.push(current);
    current = undefined;
  };
  for (const line of lines) {
    let rest: Line | undefined = line;
    while (rest) {
      const room: number = current === undefined ? max : max - current.length - 1;
      const text = markup.render(rest);
      if (text.length <= room) {
        current = current === undefined ? text : `${current}\n${text}`;
        break;
      }
      if (room < MIN_FLOW_ROOM) {
        close();
        continue;
      }
      const piece: { head: Line; rest?: Line } = splitHead(markup, rest, room, max);
      if (piece.head.length === 0) {
        // A link that fits only in a text of its own: it starts the next one rather than being cut.
        close();
        continue;
      }
      const head = markup.render(piece.head);
      current = current === undefined ? head : `${current}\n${head}`;
      close();
      rest = piece.rest;
    }
  }
  close();
  return texts;
}
