// npm run export -- --format json|csv [--topic SLUG] [--out FILE]
// Writes the live entries, oldest first, to stdout or a file.
import { createWriteStream, existsSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { CSV_COLUMNS, csvRow, exportRow } from './export-rows.js';

const USAGE = 'Usage: npm run export -- --format json|csv [--topic SLUG] [--out FILE]';
const WRITE_ERRORS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  ENOSPC: 'the disk is full',
};

function* exportText(app: App, ids: readonly number[], format: 'json' | 'csv'): Generator<string> {
  yield format === 'csv' ? stringify([[...CSV_COLUMNS]]) : '[\n';
  for (const [i, id] of ids.entries()) {
    const entry = app.dossier.getEntry(id)!;
    if (format === 'csv') yield stringify([csvRow(entry)], { columns: [...CSV_COLUMNS] });
    else yield `${i > 0 ? ',\n' : ''}  ${JSON.stringify(exportRow(entry))}`;
  }
  if (format === 'json') yield '\n]\n';
}

/**
 * Streams the export with back-pressure; a write error (a missing directory for --out) comes
 * back as a one-line reason. A reader that stops early (`| head`) is no error: the export stops.
 */
async function writeOut(text: Iterable<string>, out: Writable, target: string): Promise<'written' | 'stopped' | 'failed'> {
  try {
    await pipeline(Readable.from(text), out);
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EPIPE') return 'stopped';
    console.error(`Cannot write ${target}: ${WRITE_ERRORS[code] ?? (error as Error).message}.`);
    return 'failed';
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { format: { type: 'string', default: 'json' }, topic: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  const format = values.format;
  if (format !== 'json' && format !== 'csv') {
    console.error(`--format must be json or csv — got "${values.format}". ${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  // Opening a missing store would create and seed one: a mistyped SITREP_DB would export that.
  if (!existsSync(config.dbPath)) {
    console.error(`There is no store at ${config.dbPath} (SITREP_DB): nothing to export.`);
    return 2;
  }
  const app = createApp({ dbPath: config.dbPath, admins: config.admins, logger: createLogger('warn') });
  try {
    const topics = app.dossier.topics();
    if (values.topic !== undefined && !topics.includes(values.topic)) {
      console.error(`There is no topic "${values.topic}". Topics: ${topics.join(', ')}.`);
      return 2;
    }
    const ids = app.db
      .prepare(`SELECT id FROM entries WHERE deleted_at IS NULL ${values.topic ? 'AND topic = ?' : ''} ORDER BY day_from, id`)
      .pluck()
      .all(...(values.topic ? [values.topic] : [])) as number[];
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const outcome = await writeOut(exportText(app, ids, format), out, values.out ?? 'the standard output');
    if (outcome === 'written') console.error(`Exported ${ids.length} entries${values.topic ? ` of ${values.topic}` : ''} as ${format}.`);
    return outcome === 'failed' ? 2 : 0;
  } finally {
    app.close();
  }
}

// A closed pipe may also be reported on stdout after the export has stopped: nothing to say then.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') console.error(`Export failed: ${error.message}`);
});

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Export failed: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
