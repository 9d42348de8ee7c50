// Splits a view line whose rendered markdown is too long into several lines that each fit,
// cutting span text (never rendered markup) so every piece keeps its escapes and styles whole.
// A link is never cut: it moves whole to the next piece, or, when its address alone is too long
// for any piece, its address is shown as text after it so that it is never lost.
import type { Line, Span } from '../../core/view.js';
import { renderLine, safeHref } from './markdown.js';
import { cutIndex } from '../../core/text-cut.js';

/** Below this, a piece would be too small to hold any escaped character with its styling. */
const MIN_PIECE = 16;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The longest prefix of `span.text` that still fits after `current`, by binary search. */
function longestFittingPrefix(current: Line, span: Span, max: number): number {
  let low = 0;
  let high = span.text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const fits = renderLine([...current, { ...span, text: span.text.slice(0, mid) }]).length <= max;
    if (fits) low = mid;
    else high = mid - 1;
  }
  // A flag or an accented letter cut in two would show as two broken characters.
  return cutIndex(span.text, low);
}

/** A span that moves whole to the next piece rather than being cut, unless no piece can hold it. */
interface WholeSpan extends Span {
  keepWhole?: true;
}

/**
 * A link too long for a whole piece, as its text followed by its address in code: inert (never
 * a link that a cut would point somewhere else) and cut only if it is too long for a piece, so it
 * is never lost.
 */
function addressAsText(span: Span, address: string): Span[] {
  const shown: WholeSpan = { text: address, style: 'code', keepWhole: true };
  return [{ text: span.text, ...(span.style ? { style: span.style } : {}) }, { text: ' (' }, shown, { text: ')' }];
}

/** Prefers to cut at a line break, then at a space, if that keeps at least half the room used. */
function niceCut(text: string, fit: number): { take: number; skip: number } {
  if (fit >= text.length) return { take: text.length, skip: 0 };
  const window = text.slice(0, fit + 1);
  for (const pattern of [/\n/g, /\s/g]) {
    let last = -1;
    for (const match of window.matchAll(pattern)) last = match.index;
    if (last >= fit / 2) return { take: last, skip: 1 };
  }
  return { take: fit, skip: 0 };
}

/**
 * The first piece of `line` that fits in `max` rendered characters, and what is left. `fresh` is
 * the room an empty piece has: when a link does not fit in `max` but would fit, with what comes
 * before it on its line, in `fresh`, the head is empty and the caller should start a new piece.
 */
export function splitHead(line: Line, max: number, fresh = max): { head: Line; rest?: Line } {
  if (max < MIN_PIECE) throw new Error(`splitHead: room for ${max} characters is too small`);
  const queue: Span[] = line.map((s) => ({ ...s }));
  const head: Line = [];
  while (queue.length > 0) {
    const span = queue.shift()!;
    if (renderLine([...head, span]).length <= max) {
      head.push(span);
      continue;
    }
    const address = span.href ? safeHref(span.href) : undefined;
    const fitsFresh = renderLine([span]).length <= fresh;
    if (address !== undefined && !fitsFresh) {
      queue.unshift(...addressAsText(span, address));
      continue;
    }
    if ((address !== undefined || (span as WholeSpan).keepWhole) && fitsFresh) {
      // It moves whole, with what leads up to it on its line (`Source:`) when that fits too.
      if (max < fresh && renderLine([...head, span]).length <= fresh) return { head: [], rest: [...head, span, ...queue] };
      queue.unshift(span);
      break;
    }
    let fit = longestFittingPrefix(head, span, max);
    if (fit === 0 && head.length === 0) fit = isHighSurrogate(span.text.charCodeAt(0)) ? 2 : 1;
    const moveWhole = head.length > 0 && fit < span.text.length / 2 && fit < max / 4;
    const { take, skip } = moveWhole ? { take: 0, skip: 0 } : niceCut(span.text, fit);
    if (take > 0) head.push({ ...span, text: span.text.slice(0, take) });
    const rest = span.text.slice(take + skip);
    if (rest.length > 0) queue.unshift({ ...span, text: rest });
    if (head.length > 0) break;
  }
  return queue.length > 0 ? { head, rest: queue } : { head };
}

/** Splits `line` into lines whose rendered length is at most `max`; no text is lost. */
export function splitLine(line: Line, max: number): Line[] {
  const pieces: Line[] = [];
  let rest: Line | undefined = line;
  while (rest) {
    const next: { head: Line; rest?: Line } = splitHead(rest, max);
    pieces.push(next.head);
    rest = next.rest;
  }
  return pieces;
}
