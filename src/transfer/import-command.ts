// npm run import -- FILE [--dry-run] [--format json|ndjson|csv]
// Validates every row first, skips duplicates, writes the accepted rows in one transaction and
// prints accepted/skipped/rejected counts with the line and reason of each row not written.
// Exits 0, 1 when a row was rejected, 2 when nothing could be imported (or the usage was wrong).
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { readArgs } from '../cli-args.js';
import { writeLine, type CliIo } from '../cli-io.js';
import { loadConfig } from '../config.js';
import type { EntryInput } from '../core/domain.js';
import { createLogger } from '../log.js';
import { writeImport } from './bulk-write.js';
import type { RowOutcome } from './import-plan.js';
import { readImportFile } from './import-file.js';
import { checkAgainstStore } from './import-store.js';
import { phaseProgress } from './progress-report.js';
import type { ImportFormat } from './row-reader.js';
import { plural } from '../core/text.js';

const USAGE = 'Usage: npm run import -- FILE [--dry-run] [--format json|ndjson|csv]';
const FORMATS: readonly string[] = ['json', 'ndjson', 'csv'];

function printOutcomes(stdout: Writable, kind: string, outcomes: RowOutcome[]): void {
  for (const o of outcomes) writeLine(stdout, `  ${kind} line ${o.line}: ${o.reason}`);
}

/** Topics the accepted rows would start, with their row counts: a typo would start a stray one. */
function newTopicsLine(topics: readonly string[], rows: readonly { input: EntryInput }[]): string[] {
  const known = new Set(topics);
  const added = new Map<string, number>();
  for (const { input } of rows) if (!known.has(input.topic)) added.set(input.topic, (added.get(input.topic) ?? 0) + 1);
  if (added.size === 0) return [];
  return [`New topics: ${[...added].map(([topic, n]) => `${topic} (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ')}.`];
}

function importFile(file: string, format: ImportFormat | undefined, dryRun: boolean, io: CliIo): number {
  const read = readImportFile(file, format, io.stderr);
  if (!read) return 2;
  const { rows } = read;
  const config = loadConfig(io.env);
  const logger = createLogger(config.logLevel ?? 'warn');
  const { app, plan } = checkAgainstStore(rows, config, dryRun, logger, io.stderr);
  try {
    printOutcomes(io.stdout, 'rejected', plan.rejected);
    printOutcomes(io.stdout, 'skipped ', plan.skipped);
    printOutcomes(io.stdout, 'noted   ', plan.noted);
    for (const line of newTopicsLine(app.dossier.topics(), plan.accepted)) writeLine(io.stdout, line);
    const name = `${basename(file)} (${read.format})`;
    const counts = `${plan.accepted.length} accepted, ${plan.skipped.length} skipped, ${plan.rejected.length} rejected`;
    if (dryRun) {
      writeLine(io.stdout, `Dry run of ${name}: ${counts}. Nothing was written.`);
    } else if (plan.accepted.length === 0) {
      writeLine(io.stdout, `Nothing to import from ${name}: ${counts}. Nothing was written.`);
    } else {
      writeLine(io.stderr, `Writing ${plural(plan.accepted.length, 'entry', 'entries')} to ${config.dbPath}…`);
      const writing = phaseProgress(io.stderr, 'Writing', plan.accepted.length);
      const started = performance.now();
      const stamp = { by: `import:${basename(file)}`, at: new Date().toISOString() };
      writeImport(app.db, plan.accepted.map((a) => a.input), stamp, (n) => writing.update(n));
      writing.stop();
      const seconds = (performance.now() - started) / 1000;
      writeLine(io.stdout, `Imported ${name}: ${counts} in ${seconds.toFixed(1)} s.`);
    }
    return plan.rejected.length > 0 ? 1 : 0;
  } finally {
    app.close();
  }
}

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const read = readArgs({
    args: argv,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, format: { type: 'string' }, help: { type: 'boolean' } },
  });
  if ('problem' in read) {
    writeLine(io.stderr, `${read.problem}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = read.args;
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    writeLine(io.stderr, USAGE);
    return values.help ? 0 : 2;
  }
  if (values.format !== undefined && !FORMATS.includes(values.format)) {
    writeLine(io.stderr, `--format must be json, ndjson or csv — got "${values.format}". ${USAGE}`);
    return 2;
  }
  try {
    return importFile(file, values.format as ImportFormat | undefined, values['dry-run'], io);
  } catch (error) {
    writeLine(io.stderr, `Import failed, nothing was written: ${(error as Error).message}`);
    return 2;
  }
}
