// How an import's corrections show values: one line each (a correction is one line of the import's
// report and of /entry history), and a source's change field by field rather than the whole list
// before and after ("source 1 (News report): grade F3 → A1").
import type { SourceRecord } from '../core/domain.js';
import { clip, clippedChange } from '../core/text-cut.js';

const QUOTE_LENGTH = 60;
const OUTLET_LENGTH = 40;

/** The text on one line: each line break shown as ⏎, so a multi-line summary keeps its layout. */
export const oneLine = (text: string): string => text.replace(/\r\n|\r|\n/g, '⏎');

export const quoted = (text: string): string => (text === '' ? '(none)' : `“${clip(oneLine(text), QUOTE_LENGTH)}”`);

/**
 * A text before and after a change, each quoted. Where both clip to the same (a change past the
 * clipped start), each is shown around its first difference instead (`“…on 12 July…” → “…on 14
 * July…”`): the same quote on both sides would show no change.
 */
export function quotedChange(before: string, after: string): [string, string] {
  const [from, to] = clippedChange(oneLine(before), oneLine(after), QUOTE_LENGTH);
  return [before === '' ? '(none)' : `“${from}”`, after === '' ? '(none)' : `“${to}”`];
}

/** A source in one line: outlet, link, attribution, publication date, grade. */
export const sourceText = (s: SourceRecord): string => oneLine([s.outlet, s.url, s.attribution, s.published, s.grade].filter(Boolean).join(' '));

type SourceKey = 'outlet' | 'url' | 'attribution' | 'published' | 'grade';
/** A source's fields, in the order a correction names them. */
export const SOURCE_FIELDS: readonly SourceKey[] = ['outlet', 'url', 'attribution', 'published', 'grade'];
/** Free text is quoted, as a title is; links, dates and grades are shown bare. */
const QUOTED: ReadonlySet<SourceKey> = new Set(['outlet', 'attribution']);

function shownField(key: SourceKey, value: string | undefined): string {
  if (!value) return '(none)';
  return QUOTED.has(key) ? quoted(value) : oneLine(value);
}

/** `source 2 (Reuters)`: its place in the entry's list, and its outlet. */
const sourceName = (index: number, source: SourceRecord) => `source ${index + 1} (${clip(oneLine(source.outlet), OUTLET_LENGTH)})`;

function sourceChange(index: number, before: SourceRecord | undefined, after: SourceRecord | undefined): string[] {
  if (!before) return [`source ${index + 1} added: ${sourceText(after!)}`];
  if (!after) return [`${sourceName(index, before)} removed`];
  return SOURCE_FIELDS.filter((key) => (before[key] ?? '') !== (after[key] ?? '')).map(
    (key) => `${sourceName(index, before)}: ${key} ${shownField(key, before[key])} → ${shownField(key, after[key])}`,
  );
}

/** What changed in an entry's sources, source by source and field by field, in the list's order. */
export function sourceChanges(before: readonly SourceRecord[], after: readonly SourceRecord[]): string[] {
  const count = Math.max(before.length, after.length);
  return Array.from({ length: count }, (_, i) => sourceChange(i, before[i], after[i])).flat();
}
