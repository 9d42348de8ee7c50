// What the readers of an import file produce: rows with the line each starts on, or one error
// for the whole file.

export type RawRow = Record<string, unknown>;

export interface SourceRow {
  line: number;
  /** Undefined when the row could not be read at all; `error` says why. */
  values?: RawRow;
  error?: string;
}

/** The file as a whole cannot be imported (not JSON, a bad CSV header…): nothing is checked. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}
