// Reads the file an import names, before any store is opened: its rows, or a bundle's text (read
// against the store it goes into), or one line on stderr saying why it cannot be imported.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { writeLine } from '../cli-io.js';
import { isBundle } from './bundle-file.js';
import { detectFormat, ImportFileError, readRows, withoutBom, type ImportFormat, type SourceRow } from './row-reader.js';

const READ_ERRORS: Record<string, string> = { ENOENT: 'there is no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' };

export type ImportSource = { kind: 'rows'; rows: SourceRow[]; format: ImportFormat } | { kind: 'bundle'; text: string };

export function readImportFile(file: string, format: ImportFormat | 'bundle' | undefined, stderr: Writable): ImportSource | undefined {
  let text: string;
  try {
    text = withoutBom(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    writeLine(stderr, `Cannot read ${file}: ${reason ?? (error as Error).message}. Nothing was written.`);
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
