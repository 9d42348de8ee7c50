// What the readers of an import file produce: rows with the line each starts on, or one error
// for the whole file.
import type { RevisionMark } from '../store/entry-revision-reads.js';

export type RawRow = Record<string, unknown>;

/** Where a row is in its file: the line it starts on, and its place in a JSON array whose items share a line. */
export interface RowPlace {
  line: number;
  item?: number;
}

/** `line 3`, or `item 3 (line 1)` when several items of a JSON array start on one line. */
export const rowPlace = (at: RowPlace): string => (at.item !== undefined ? `item ${at.item} (line ${at.line})` : `line ${at.line}`);

/** A row's place without the rest of it. */
export const placeOf = (at: RowPlace): RowPlace => ({ line: at.line, ...(at.item !== undefined ? { item: at.item } : {}) });

export interface SourceRow extends RowPlace {
  /** Undefined when the row could not be read at all; `error` says why. */
  values?: RawRow;
  error?: string;
  /** For an entry of a bundle merged in: where its history meets the store's (see bundle-merge). */
  history?: RowHistory;
}

/** A bundle entry's history as the merge sees it. */
export interface RowHistory {
  /** The revision whose state the bundle shows, as its store numbered it: a merge taking that state whole records it. */
  latest?: RevisionMark;
  /** The store's number for the last revision both hold, if their histories meet. */
  shared?: number;
}

/** The file as a whole cannot be imported (not JSON, a bad CSV header…): nothing is checked. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
