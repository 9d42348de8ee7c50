// Reads an import file into raw rows, each with the line it starts on: a JSON array, NDJSON
// (one object per line) or CSV with a header row.
import { parse as parseCsv } from 'csv-parse/sync';

export type RawRow = Record<string, unknown>;

export interface SourceRow {
  line: number;
  /** Undefined when the row could not be read at all; `error` says why. */
  values?: RawRow;
  error?: string;
}

export type ImportFormat = 'json' | 'ndjson' | 'csv';

export function detectFormat(path: string, text: string): ImportFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.json$/i.test(path)) return 'json';
  const start = text.trimStart()[0];
  return start === '[' ? 'json' : start === '{' ? 'ndjson' : 'csv';
}

const isObject = (value: unknown): value is RawRow => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Line numbers where each top-level element of a JSON array starts. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\n') line += 1;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (expectElement && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth === 1 && c === '[') expectElement = true;
    } else if (c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function readJsonArray(text: string): SourceRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return [{ line: 1, error: `not valid JSON: ${(error as Error).message}` }];
  }
  if (!Array.isArray(data)) return [{ line: 1, error: 'a JSON import must be an array of objects' }];
  const lines = arrayElementLines(text);
  return data.map((item, i) =>
    isObject(item) ? { line: lines[i] ?? 1, values: item } : { line: lines[i] ?? 1, error: 'each item must be an object' },
  );
}

function readNdjson(text: string): SourceRow[] {
  const rows: SourceRow[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const value: unknown = JSON.parse(raw);
      rows.push(isObject(value) ? { line: i + 1, values: value } : { line: i + 1, error: 'each line must be a JSON object' });
    } catch (error) {
      rows.push({ line: i + 1, error: `not valid JSON: ${(error as Error).message}` });
    }
  });
  return rows;
}

function readCsv(text: string): SourceRow[] {
  try {
    const records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true, relax_column_count: false }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    // Empty cells mean "not given", like an omitted option.
    return records.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
    }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return [{ line, error: `CSV error: ${(error as Error).message}` }];
  }
}

export function readRows(text: string, format: ImportFormat): SourceRow[] {
  if (format === 'json') return readJsonArray(text);
  if (format === 'ndjson') return readNdjson(text);
  return readCsv(text);
}
