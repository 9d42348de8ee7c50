// Reads the file an import names, before any store is opened: its rows, or a bundle's text (read
// against the store it goes into), or one line on stderr saying why it cannot be imported.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { writeLine } from './cli-lines.js';
import { isBundle } from './bundle-file.js';
import { readProblem } from './out-file.js';
import { SQLITE_HEADER } from '../store/backup.js';
import { detectFormat, ImportFileError, readRows, withoutBom, type ImportFormat, type SourceRow } from './row-reader.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Files saved by other programs, known by their first bytes, and what to do instead. */
const OTHER_FILES: readonly { magic: number[]; what: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive, as an Excel workbook (.xlsx) or an OpenDocument sheet (.ods) is: in the spreadsheet, save it as "CSV UTF-8" and import that file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls): in the spreadsheet, save it as "CSV UTF-8" and import that file' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document: Sitrep imports CSV, JSON, NDJSON and dossier bundles' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive: unpack it first (gunzip FILE), then import what it holds' },
];

/** UTF-16 text of the Latin script has a NUL in every other byte of its start. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const start = bytes.subarray(0, 64);
  let nuls = 0;
  for (let i = 0; i < start.length; i++) if (start[i] === 0) nuls += 1;
  return start.length >= 4 && nuls * 2 >= start.length - 2;
}

/** The file's text; throws an ImportFileError for one that is not UTF-8 (UTF-16, as Excel saves "Unicode text", has NUL bytes). */
function utf8Text(bytes: Buffer): string {
  const other = OTHER_FILES.find(({ magic }) => magic.every((byte, i) => bytes[i] === byte));
  if (other) throw new ImportFileError(`the file is ${other.what}`);
  const bom16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let text: string | undefined;
  try {
    text = bom16 ? undefined : UTF8.decode(bytes);
  } catch {
    text = undefined;
  }
  if (text === undefined || text.includes('\u0000')) {
    if (!bom16 && !looksLikeUtf16(bytes)) throw new ImportFileError('the file is not text (it holds bytes no text file has): import a CSV, JSON, NDJSON or bundle file');
    throw new ImportFileError('the file is not UTF-8 text (it looks like UTF-16): save it as UTF-8 (in Excel: "CSV UTF-8"), then import it again');
  }
  return text;
}

export type ImportSource = { kind: 'rows'; rows: SourceRow[]; format: ImportFormat } | { kind: 'bundle'; text: string };

export function readImportFile(file: string, format: ImportFormat | 'bundle' | undefined, stderr: Writable): ImportSource | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    writeLine(stderr, `Cannot read ${file}: ${readProblem(error)}. Nothing was written.`);
    return undefined;
  }
  // A store or a backup holds NUL bytes, which would read as UTF-16 below.
  if (bytes.subarray(0, SQLITE_HEADER.length).toString('latin1') === SQLITE_HEADER) {
    writeLine(stderr, `Cannot import ${basename(file)}: it is an SQLite database (a Sitrep store or backup?), not an import file. To put a backup in place of the store, use npm run restore -- ${file}; to bring its dossier into this store, export it as a bundle (SITREP_DB=${file} npm run export -- --format bundle --out dossier.ndjson) and import that. Nothing was written.`);
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
  // A bundle says so on its first line, whatever the file is called.
  if (format === 'bundle' || (format === undefined && isBundle(text))) {
    if (isBundle(text)) return { kind: 'bundle', text };
    writeLine(stderr, `Cannot import ${basename(file)} (bundle): its first line is not a bundle's header (see docs/bundle.md). Nothing was written.`);
    return undefined;
  }
  const chosen = format ?? detectFormat(file, text);
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
