// Reads an import file into raw rows, each with the line it starts on: a JSON array, NDJSON
// (one object per line) or CSV with a header row (see csv-rows). A problem with the file as a
// whole throws an ImportFileError; a problem with one row is that row's error.
import { readCsv } from './csv-rows.js';
import { jsonSyntaxProblem } from './json-syntax.js';
import { acledDataProblem, acledJson } from './acled-data.js';
import { ImportFileError, type RawRow, type SourceRow } from './source-row.js';

export { ImportFileError, type RawRow, type SourceRow } from './source-row.js';

export type ImportFormat = 'json' | 'ndjson' | 'csv';

/** Editors on Windows start UTF-8 files with a byte order mark, which JSON.parse refuses. */
export const withoutBom = (text: string) => (text.startsWith('\uFEFF') ? text.slice(1) : text);

export function detectFormat(path: string, text: string): ImportFormat {
  if (/\.csv$/i.test(path)) return 'csv';
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.json$/i.test(path)) return 'json';
  const start = withoutBom(text).trimStart()[0];
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

/** NDJSON saved as .json fails as one JSON value; its first line alone is an object. */
function looksLikeNdjson(text: string): boolean {
  try {
    return isObject(JSON.parse(text.trimStart().split('\n')[0]!));
  } catch {
    return false;
  }
}

function readJsonArray(text: string): SourceRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const hint = looksLikeNdjson(text) ? '; it looks like NDJSON (one object per line): use --format ndjson, or name the file .ndjson' : '';
    throw new ImportFileError(`${jsonSyntaxProblem(text, error).message}${hint}`);
  }
  const acled = acledJson(data);
  if (acled) throw new ImportFileError(acledDataProblem(acled));
  if (!Array.isArray(data)) {
    const hint = isObject(data) ? ': put the object in [ ]' : '';
    throw new ImportFileError(`a JSON import must be an array of objects, like [{"title": …}]${hint}`);
  }
  const lines = arrayElementLines(text);
  const perLine = new Map<number, number>();
  for (const line of lines) perLine.set(line, (perLine.get(line) ?? 0) + 1);
  return data.map((item, i) => {
    const line = lines[i] ?? 1;
    // A line alone cannot tell apart items that share it (a file of one line): their number can.
    const at = (perLine.get(line) ?? 0) > 1 ? { line, item: i + 1 } : { line };
    return isObject(item) ? { ...at, values: item } : { ...at, error: 'each item must be an object' };
  });
}

function ndjsonRow(raw: string, line: number): SourceRow {
  try {
    const value: unknown = JSON.parse(raw);
    return isObject(value) ? { line, values: value } : { line, error: 'each line must be a JSON object' };
  } catch (error) {
    return { line, error: jsonSyntaxProblem(raw, error).message.replace(/^line 1, /, '') };
  }
}

function readNdjson(text: string): SourceRow[] {
  if (text.trimStart().startsWith('[')) {
    throw new ImportFileError('NDJSON has one object per line, but this file starts with `[`: use --format json, or name the file .json');
  }
  const rows: SourceRow[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() !== '') rows.push(ndjsonRow(raw, i + 1));
  });
  // Rows of ACLED's, or its API's answer on one line.
  const values = rows.map((row) => row.values);
  const acled = acledJson(values) ?? values.map(acledJson).find((how) => how !== undefined);
  if (acled) throw new ImportFileError(acledDataProblem(acled));
  return rows;
}

/** The rows of an import file; throws an ImportFileError when the file as a whole is unusable. */
export function readRows(text: string, format: ImportFormat): SourceRow[] {
  const content = withoutBom(text);
  if (format === 'json') return readJsonArray(content);
  if (format === 'ndjson') return readNdjson(content);
  return readCsv(content);
}
