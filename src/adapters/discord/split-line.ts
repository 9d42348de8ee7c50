// Splits a view line whose rendered markdown is too long into several lines that each fit,
// cutting span text (never rendered markup) so every piece keeps its escapes and styles whole.
import type { Line, Span } from '../../core/view.js';
import { renderLine } from './markdown.js';

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
  if (low > 0 && low < span.text.length && isHighSurrogate(span.text.charCodeAt(low - 1))) low -= 1;
  return low;
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

/** The first piece of `line` that fits in `max` rendered characters, and what is left. */
export function splitHead(line: Line, max: number): { head: Line; rest?: Line } {
  if (max < MIN_PIECE) throw new Error(`splitHead: room for ${max} characters is too small`);
  const queue: Span[] = line.map((s) => ({ ...s }));
  const head: Line = [];
  while (queue.length > 0) {
    const span = queue.shift()!;
    if (renderLine([...head, span]).length <= max) {
      head.push(span);
      continue;
    }
    let fit = longestFittingPrefix(head, span, max);
    if (fit === 0 && head.length === 0) {
      // A link whose address alone is too long for the room: keep its text, drop the link.
      if (span.href) {
        queue.unshift({ text: span.text, ...(span.style ? { style: span.style } : {}) });
        continue;
      }
      fit = isHighSurrogate(span.text.charCodeAt(0)) ? 2 : 1;
    }
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
