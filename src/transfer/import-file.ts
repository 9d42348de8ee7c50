// Reads the file an import names, before any store is opened: its rows, or a bundle (read line by
// line against the store it goes into, see bundle-lines), or one line on stderr saying why it
// cannot be imported.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { writeLine } from './cli-lines.js';
import { isBundle } from './bundle-file.js';
import { BundleLines } from './bundle-lines.js';
import { readProblem } from './out-file.js';
import { SQLITE_HEADER } from '../store/backup.js';
import { detectFormat, ImportFileError, readRows, withoutBom, type ImportFormat, type SourceRow } from './row-reader.js';
import { findGarbling } from './mojibake.js';
import { utf8Text } from './utf8-text.js';

/**
 * Why a file whose text was read as Windows-1252 and saved again cannot be imported: its rows
 * would read, and replace stored text with `â€“` for `–` (see mojibake).
 */
function garblingProblem(text: string, format: ImportFormat): string | undefined {
  const found = findGarbling(text);
  if (!found) return undefined;
  const more = found.lines > 1 ? `; ${found.lines} lines in all` : '';
  const fix = format === 'csv' ? 'export again and open it with Data → From Text/CSV, UTF-8' : 'export again, and open and save it as UTF-8';
  return `this file looks like UTF-8 read as Windows-1252 and saved again (\`${found.garbled}\` for \`${found.meant}\`, line ${found.line}${more}): ${fix}`;
}

/** A bundle is not read here but where it is imported, a line at a time (`bundle` reads the file). */
export type ImportSource = { kind: 'rows'; rows: SourceRow[]; format: ImportFormat } | { kind: 'bundle'; bundle: BundleLines };

/** How much of a file is read to tell a bundle by its first line (a header is some 60 bytes). */
const START_BYTES = 64 * 1024;

/** The file's first bytes. */
function readStart(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(START_BYTES);
    return start.subarray(0, readSync(fd, start, 0, START_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the file's first bytes hold a bundle's header as its first line. Bytes UTF-8 cannot read
 * further on are the bundle reader's to name (bundle-lines), with the file's name as a bundle's.
 */
const startsAsBundle = (start: Buffer): boolean => isBundle(new TextDecoder('utf-8').decode(start));

export function readImportFile(file: string, format: ImportFormat | 'bundle' | undefined, stderr: Writable): ImportSource | undefined {
  let start: Buffer;
  try {
    start = readStart(file);
  } catch (error) {
    writeLine(stderr, `Cannot read ${file}: ${readProblem(error)}. Nothing was written.`);
    return undefined;
  }
  // A store or a backup holds NUL bytes, which would read as UTF-16 below.
  if (start.subarray(0, SQLITE_HEADER.length).toString('latin1') === SQLITE_HEADER) {
    writeLine(stderr, `Cannot import ${basename(file)}: it is an SQLite database (a Sitrep store or backup?), not an import file. To put a backup in place of the store, use npm run restore -- ${file}; to bring its dossier into this store, export it as a bundle (SITREP_DB=${file} npm run export -- --format bundle --out dossier.ndjson) and import that. Nothing was written.`);
    return undefined;
  }
  // A bundle says so on its first line, whatever the file is called.
  if ((format === 'bundle' || format === undefined) && startsAsBundle(start)) return { kind: 'bundle', bundle: new BundleLines(file) };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    writeLine(stderr, `Cannot read ${file}: ${readProblem(error)}. Nothing was written.`);
    return undefined;
  }
  let text: string;
  try {
    text = withoutBom(utf8Text(bytes));
  } catch (error) {
    writeLine(stderr, `Cannot import ${basename(file)}: ${(error as Error).message}. Nothing was written.`);
    return undefined;
  }
  if (text.trim() === '') {
    writeLine(stderr, `Cannot import ${basename(file)}: the file is empty${text === '' ? '' : ' (blank lines only)'}. Nothing was written.`);
    return undefined;
  }
  if (format === 'bundle' || (format === undefined && isBundle(text))) {
    if (isBundle(text)) return { kind: 'bundle', bundle: new BundleLines(file) };
    writeLine(stderr, `Cannot import ${basename(file)} (bundle): its first line is not a bundle's header (see docs/bundle.md). Nothing was written.`);
    return undefined;
  }
  const chosen = format ?? detectFormat(file, text);
  const garbled = garblingProblem(text, chosen);
  if (garbled) {
    writeLine(stderr, `Cannot import ${basename(file)}: ${garbled}. Nothing was written.`);
    return undefined;
  }
  try {
    const rows = readRows(text, chosen);
    if (rows.length > 0) return { kind: 'rows', rows, format: chosen };
    writeLine(stderr, `${basename(file)} (${chosen}) holds no rows to import. Nothing was written.`);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    writeLine(stderr, `Cannot import ${basename(file)} (${chosen}): ${error.message}. Nothing was written.`);
  }
  return undefined;
}
