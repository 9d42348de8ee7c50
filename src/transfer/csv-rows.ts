// Reads a CSV import: a header row naming the fields, then one entry per record. A bad header is
// one error for the file; a record with the wrong number of values is refused alone, and a blank
// one (every cell empty) is left out. Each row carries the line its record starts on (a quoted
// value may span lines).
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS, IMPORT_FIELDS, REQUIRED_FIELDS } from './import-fields.js';
import { ImportFileError, type SourceRow } from './source-row.js';
import { ACLED_DATA_COLUMN, acledDataProblem } from './acled-data.js';
import { unguardCell } from './csv-cells.js';
import { unixLineEnds } from './line-ends.js';
import { plural } from '../core/text.js';

const KNOWN_COLUMNS = new Set([...IMPORT_FIELDS, ...ACLED_COLUMNS]);
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * Line numbers of byte offsets, asked in increasing order. csv-parse reports the line a record
 * ends on, and counts a quoted \r\n as two, so lines are counted here from the byte offsets it
 * reports: a line ends at \n, or at a \r not followed by \n.
 */
function lineCounter(bytes: Buffer) {
  let offset = 0;
  let line = 1;
  return {
    /** The line of the first non-blank byte from `from`: where the next record starts. */
    startingAt(from: number): number {
      let start = from;
      while (start < bytes.length && SPACE.has(bytes[start]!)) start += 1;
      for (; offset < start; offset += 1) {
        const byte = bytes[offset];
        if (byte === 0x0a || (byte === 0x0d && bytes[offset + 1] !== 0x0a)) line += 1;
      }
      return line;
    },
  };
}

/**
 * A header separated by something else than commas (Excel in a European locale saves `;`), read
 * from the header line itself: parsed as commas, the first quoted value further down would fail
 * with a parser error instead.
 */
function separatorProblem(text: string): string | undefined {
  const header = text.trimStart().split(/\r\n|\r|\n/, 1)[0]!;
  if (header.includes(',')) return undefined;
  const separator = [';', '\t', '|'].find((s) => header.includes(s));
  return separator ? `the header is separated by \`${separator === '\t' ? 'tab' : separator}\`: separate columns with commas` : undefined;
}

function headerProblem(columns: string[]): string | undefined {
  const unnamed = columns.findIndex((c) => c === '');
  if (unnamed >= 0) return `column ${unnamed + 1} of the header has no name`;
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice) return `column \`${twice}\` appears twice in the header`;
  if (columns.includes(ACLED_DATA_COLUMN)) return acledDataProblem(`its header has ACLED's \`${ACLED_DATA_COLUMN}\` column`);
  const unknown = columns.find((c) => !KNOWN_COLUMNS.has(c));
  if (unknown) return `unknown column \`${unknown}\`; columns are ${IMPORT_FIELDS.join(', ')} (and ACLED's, which are ignored)`;
  const missing = REQUIRED_FIELDS.filter((f) => !columns.includes(f));
  if (missing.length > 0) return `the header has no ${missing.map((f) => `\`${f}\``).join(', ')} column; required: ${REQUIRED_FIELDS.join(', ')}`;
  return undefined;
}

/** csv-parse's reason, without its own line count (see lineCounter). */
function csvReason(error: { code?: string; message: string }): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted value is never closed (a `"` is missing)';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE') return 'a `"` inside a value must be doubled (`""`), and the value quoted';
  return error.message.replace(/ (at|on) line \d+.*$/s, '');
}

/** Spreadsheets save the empty columns after the last named one (`title,date,,`): they name nothing. */
function withoutTrailingUnnamed(columns: string[]): string[] {
  let width = columns.length;
  while (width > 0 && columns[width - 1] === '') width -= 1;
  return columns.slice(0, width);
}

/**
 * How a cell's text is read: a cell the export guarded against spreadsheet formulas gets its text
 * back (csv-cells). In a file whose lines end in \r\n or \r (converted by unix2dos or git's
 * autocrlf, or saved so), the line breaks inside quoted cells were converted too: they are read as
 * \n, as the export wrote them. A file whose lines end in \n keeps a cell's \r\n as given.
 */
function cellReader(text: string): (cell: string) => string {
  const lineEnd = /\r\n|\r|\n/.exec(text)?.[0];
  return lineEnd === '\n' || lineEnd === undefined ? unguardCell : (cell) => unixLineEnds(unguardCell(cell));
}

function rowFrom(columns: string[], given: string[], line: number, cellText: (cell: string) => string): SourceRow {
  // Empty cells past the header's last column are a spreadsheet's empty columns, not values.
  const extra = given.slice(columns.length);
  const values = extra.every((value) => value === '') ? given.slice(0, columns.length) : given;
  if (values.length !== columns.length) {
    const fix = values.length > columns.length
      ? `column ${columns.length + 1 + extra.findIndex((value) => value !== '')} holds a value the header names no column for: name it, or quote a value that holds a comma`
      : 'give every column a value, even an empty one';
    return { line, error: `${plural(values.length, 'value')} for the header's ${plural(columns.length, 'column')}: ${fix}` };
  }
  // An empty cell means none, as an empty JSON value does; the column is still given, so a
  // correction by import empties that field of the entry (a column the file lacks keeps it).
  const row: Record<string, string> = {};
  columns.forEach((column, i) => {
    row[column] = cellText(values[i]!);
  });
  return { line, values: row };
}

/**
 * The lines of the blank rows readCsv left out, by the list of rows it returned: the import lists
 * them as skipped without every reader of rows having to know of them.
 */
const BLANK_LINES = new WeakMap<readonly SourceRow[], readonly number[]>();

export function readCsv(text: string): SourceRow[] {
  const start = text.trimStart()[0];
  if (start === '<') {
    throw new ImportFileError('this is not CSV: it starts with `<`, as XML and HTML do (a feed is watched with /sources add, not imported). Import a CSV, JSON, NDJSON or bundle file');
  }
  if (start === '[' || start === '{') {
    throw new ImportFileError(`this is not CSV: it starts with \`${start}\`, as JSON does. Import it with --format ${start === '[' ? 'json' : 'ndjson'}, or name the file .${start === '[' ? 'json' : 'ndjson'}`);
  }
  const bytes = Buffer.from(text, 'utf8');
  const lines = lineCounter(bytes);
  const separator = separatorProblem(text);
  if (separator) throw new ImportFileError(`line ${lines.startingAt(0)}: ${separator}`);
  let end = 0;
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    const options = {
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
      // Where the last good record ends: the next one, which broke the parse, starts after it.
      on_record: (record: string[], context: { bytes: number }) => {
        end = context.bytes;
        return record;
      },
    };
    records = parse(bytes, options) as unknown as typeof records;
  } catch (error) {
    const line = lines.startingAt(end);
    throw new ImportFileError(`line ${line}: ${csvReason(error as Error & { code?: string })}`);
  }
  const [header, ...body] = records;
  if (!header) return [];
  const columns = withoutTrailingUnnamed(header.record.map((c) => c.toLowerCase()));
  const problem = headerProblem(columns);
  if (problem) throw new ImportFileError(`line ${lines.startingAt(0)}: ${problem}`);
  let from = header.info.bytes;
  const cellText = cellReader(text);
  const rows: SourceRow[] = [];
  const blank: number[] = [];
  for (const { record, info } of body) {
    const line = lines.startingAt(from);
    from = info.bytes;
    // A spreadsheet saves an empty row as `,,,,`: no entry, and no mistake either.
    if (record.every((value) => value === '')) blank.push(line);
    else rows.push(rowFrom(columns, record, line, cellText));
  }
  if (blank.length > 0) BLANK_LINES.set(rows, blank);
  return rows;
}

/** Where the rows readCsv returned as `rows` had blank rows among them, which it left out. */
export function blankLinesOf(rows: readonly SourceRow[]): readonly number[] {
  return BLANK_LINES.get(rows) ?? [];
}
