// Which format an export writes: --format, or else the one --out's extension names, so that
// `--out dossier.csv` is CSV and not JSON under a .csv name. A --format the extension contradicts
// is refused, naming both: a file whose name lies about its content misleads whoever opens it.
import { extname } from 'node:path';

export const EXPORT_FORMATS = ['json', 'ndjson', 'csv', 'acled', 'bundle'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The format each known extension names without --format, and the formats it may hold. */
const EXTENSIONS: Readonly<Record<string, { named: ExportFormat; holds: readonly ExportFormat[] }>> = {
  '.csv': { named: 'csv', holds: ['csv', 'acled'] },
  '.json': { named: 'json', holds: ['json'] },
  // A bundle is NDJSON too (docs/bundle.md).
  '.ndjson': { named: 'ndjson', holds: ['ndjson', 'bundle'] },
  '.jsonl': { named: 'ndjson', holds: ['ndjson', 'bundle'] },
};

const isFormat = (text: string): text is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(text);

/** The format to write, or why none: an unknown --format, or one --out's extension contradicts. */
export function exportFormat(typed: string | undefined, outFile: string | undefined): { format: ExportFormat } | { problem: string } {
  const extension = outFile === undefined ? '' : extname(outFile).toLowerCase();
  const known = EXTENSIONS[extension];
  if (typed === undefined) return { format: known?.named ?? 'json' };
  if (!isFormat(typed)) return { problem: `--format must be ${EXPORT_FORMATS.slice(0, -1).join(', ')} or ${EXPORT_FORMATS.at(-1)!} — got "${typed}".` };
  if (known && !known.holds.includes(typed)) {
    return {
      problem: `--format ${typed} contradicts --out ${outFile} (a ${extension} file holds ${known.holds.join(' or ')}): give --format ${known.named}, name the file .${typed === 'acled' ? 'csv' : typed === 'bundle' ? 'ndjson' : typed}, or leave --format out to follow the file's name.`,
    };
  }
  return { format: typed };
}
