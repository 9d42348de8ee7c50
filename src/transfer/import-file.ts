// Reads the file an import names, before any store is opened: its rows, or one line on stderr
// saying why it cannot be imported as a whole.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { writeLine } from '../cli-io.js';
import { detectFormat, ImportFileError, readRows, type ImportFormat, type SourceRow } from './row-reader.js';

const READ_ERRORS: Record<string, string> = { ENOENT: 'there is no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' };

export function readImportFile(file: string, format: ImportFormat | undefined, stderr: Writable): { rows: SourceRow[]; format: ImportFormat } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''];
    writeLine(stderr, `Cannot read ${file}: ${reason ?? (error as Error).message}. Nothing was written.`);
    return undefined;
  }
  const chosen = format ?? detectFormat(file, text);
  try {
    const rows = readRows(text, chosen);
    if (rows.length > 0) return { rows, format: chosen };
    writeLine(stderr, `${basename(file)} (${chosen}) holds no rows to import. Nothing was written.`);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    writeLine(stderr, `Cannot import ${basename(file)} (${chosen}): ${error.message}. Nothing was written.`);
  }
  return undefined;
}
