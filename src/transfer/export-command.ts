// npm run export -- --format json|csv|bundle [--topic SLUG] [--out FILE]
// Writes the live entries, oldest first, to stdout or a file; or, as a bundle, the whole dossier
// (docs/bundle.md).
import { createWriteStream, existsSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { createApp, type App } from '../app.js';
import { readArgs } from '../cli-args.js';
import { writeLine, type CliIo } from '../cli-io.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { CSV_COLUMNS, csvRow, exportRow } from './export-rows.js';
import { plural } from '../core/text.js';
import { bundleRecords } from '../store/bundle-export.js';

const USAGE = 'Usage: npm run export -- --format json|csv|bundle [--topic SLUG] [--out FILE]';
type ExportFormat = 'json' | 'csv' | 'bundle';
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  ENOSPC: 'the disk is full',
};

function* exportText(app: App, entries: readonly { id: number; key: string | null }[], format: 'json' | 'csv'): Generator<string> {
  yield format === 'csv' ? stringify([[...CSV_COLUMNS]]) : '[\n';
  for (const [i, { id, key }] of entries.entries()) {
    const entry = app.dossier.getEntry(id)!;
    if (format === 'csv') yield stringify([csvRow(entry, key)], { columns: [...CSV_COLUMNS] });
    else yield `${i > 0 ? ',\n' : ''}  ${JSON.stringify(exportRow(entry, key))}`;
  }
  if (format === 'json') yield '\n]\n';
}

/** One record a line (docs/bundle.md). */
function* bundleText(app: App, topic: string | undefined): Generator<string> {
  for (const record of bundleRecords(app.db, topic)) yield `${JSON.stringify(record)}\n`;
}

/**
 * Streams the export with back-pressure; a write error (a missing directory for --out) comes
 * back as a one-line reason. A reader that stops early (`| head`) is no error: the export stops.
 */
async function writeOut(text: Iterable<string>, out: Writable, target: string, stderr: Writable): Promise<'written' | 'stopped' | 'failed'> {
  try {
    await pipeline(Readable.from(text), out);
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EPIPE') return 'stopped';
    writeLine(stderr, `Cannot write ${target}: ${WRITE_ERRORS[code] ?? (error as Error).message}.`);
    return 'failed';
  }
}

async function exportEntries(format: ExportFormat, topic: string | undefined, outFile: string | undefined, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  // Opening a missing store would create and seed one: a mistyped SITREP_DB would export that.
  if (!existsSync(config.dbPath)) {
    writeLine(io.stderr, `There is no store at ${config.dbPath} (SITREP_DB): nothing to export.`);
    return 2;
  }
  const app = createApp({ dbPath: config.dbPath, admins: config.admins, logger: createLogger('warn') });
  try {
    const topics = app.dossier.topics();
    if (topic !== undefined && !topics.includes(topic)) {
      writeLine(io.stderr, `There is no topic "${topic}". Topics: ${topics.join(', ')}.`);
      return 2;
    }
    const entries = app.db
      .prepare(`SELECT id, key FROM entries WHERE deleted_at IS NULL ${topic ? 'AND topic = ?' : ''} ORDER BY day_from, id`)
      .all(...(topic ? [topic] : [])) as { id: number; key: string | null }[];
    const out = outFile ? createWriteStream(outFile) : io.stdout;
    const text = format === 'bundle' ? bundleText(app, topic) : exportText(app, entries, format);
    const outcome = await writeOut(text, out, outFile ?? 'the standard output', io.stderr);
    const what = format === 'bundle' ? 'the dossier' : plural(entries.length, 'entry', 'entries');
    if (outcome === 'written') writeLine(io.stderr, `Exported ${what}${topic ? ` of ${topic}` : ''} as ${format}.`);
    return outcome === 'failed' ? 2 : 0;
  } finally {
    app.close();
  }
}

export async function runExport(argv: string[], io: CliIo): Promise<number> {
  const read = readArgs({
    args: argv,
    options: { format: { type: 'string', default: 'json' }, topic: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if ('problem' in read) {
    writeLine(io.stderr, `${read.problem}\n${USAGE}`);
    return 2;
  }
  const { values } = read.args;
  if (values.help) {
    writeLine(io.stderr, USAGE);
    return 0;
  }
  const { format } = values;
  if (format !== 'json' && format !== 'csv' && format !== 'bundle') {
    writeLine(io.stderr, `--format must be json, csv or bundle — got "${format}". ${USAGE}`);
    return 2;
  }
  try {
    return await exportEntries(format, values.topic, values.out, io);
  } catch (error) {
    writeLine(io.stderr, `Export failed: ${(error as Error).message}`);
    return 2;
  }
}
