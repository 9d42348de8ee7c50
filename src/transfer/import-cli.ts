// npm run import -- FILE [--dry-run] [--format json|ndjson|csv]
// Validates every row first, skips duplicates, writes the accepted rows in one transaction and
// prints accepted/skipped/rejected counts with the line and reason of each row not written.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp, type App } from '../app.js';
import type { EntryInput } from '../core/domain.js';
import { loadConfig, type Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { createLogger } from '../log.js';
import { writeImport } from './bulk-write.js';
import { planImport, type ImportPlan, type RowOutcome } from './import-plan.js';
import { progressBar } from './progress.js';
import { detectFormat, ImportFileError, readRows, type ImportFormat, type SourceRow } from './row-reader.js';

const USAGE = 'Usage: npm run import -- FILE [--dry-run] [--format json|ndjson|csv]';

function printOutcomes(kind: string, outcomes: RowOutcome[]): void {
  for (const o of outcomes) console.log(`  ${kind} line ${o.line}: ${o.reason}`);
}

/** Topics the accepted rows would start, with their row counts: a typo would start a stray one. */
function newTopicsLine(topics: readonly string[], rows: readonly { input: EntryInput }[]): string[] {
  const known = new Set(topics);
  const added = new Map<string, number>();
  for (const { input } of rows) if (!known.has(input.topic)) added.set(input.topic, (added.get(input.topic) ?? 0) + 1);
  if (added.size === 0) return [];
  return [`New topics: ${[...added].map(([topic, n]) => `${topic} (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ')}.`];
}

/** The file's rows, or undefined when it cannot be imported (said on stderr): read before any store is opened. */
function readImportFile(file: string, format?: ImportFormat): { rows: SourceRow[]; format: ImportFormat } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = { ENOENT: 'there is no such file', EISDIR: 'it is a directory', EACCES: 'permission denied' }[(error as NodeJS.ErrnoException).code ?? ''];
    console.error(`Cannot read ${file}: ${reason ?? (error as Error).message}. Nothing was written.`);
    return undefined;
  }
  const chosen = format ?? detectFormat(file, text);
  try {
    const rows = readRows(text, chosen);
    if (rows.length > 0) return { rows, format: chosen };
    console.error(`${basename(file)} (${chosen}) holds no rows to import. Nothing was written.`);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    console.error(`Cannot import ${basename(file)} (${chosen}): ${error.message}. Nothing was written.`);
  }
  return undefined;
}

function checkRows(app: App, rows: SourceRow[]): ImportPlan {
  const checking = progressBar('Checking', rows.length);
  const plan = planImport(rows, app.db, app.dossier, (n) => checking.update(n));
  checking.stop();
  return plan;
}

/**
 * Opens the store and checks the rows against it. A missing store is created (and seeded) only
 * to write into: until then the rows are checked against a new one in memory, which holds what
 * the created store would, and checked again once it exists.
 */
function checkAgainstStore(rows: SourceRow[], config: Config, dryRun: boolean, logger: Logger): { app: App; plan: ImportPlan } {
  const { dbPath } = config;
  const open = (path: string) => createApp({ dbPath: path, admins: config.admins, logger });
  if (dbPath === ':memory:' || existsSync(dbPath)) {
    const app = open(dbPath);
    return { app, plan: checkRows(app, rows) };
  }
  const scratch = open(':memory:');
  const plan = checkRows(scratch, rows);
  if (dryRun || plan.accepted.length === 0) {
    console.error(`There is no store at ${dbPath} yet: checked against a new one, and none was created.`);
    return { app: scratch, plan };
  }
  scratch.close();
  console.error(`Creating a new store at ${dbPath}.`);
  const app = open(dbPath);
  return { app, plan: checkRows(app, rows) };
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, format: { type: 'string' }, help: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.format && !['json', 'ndjson', 'csv'].includes(values.format)) {
    console.error(`--format must be json, ndjson or csv — got "${values.format}". ${USAGE}`);
    return 2;
  }
  const read = readImportFile(file, values.format as ImportFormat | undefined);
  if (!read) return 2;
  const { rows, format } = read;
  const dryRun = values['dry-run'];
  const config = loadConfig();
  const logger = createLogger(config.logLevel ?? 'warn');
  const { app, plan } = checkAgainstStore(rows, config, dryRun, logger);
  try {
    printOutcomes('rejected', plan.rejected);
    printOutcomes('skipped ', plan.skipped);
    printOutcomes('noted   ', plan.noted);
    for (const line of newTopicsLine(app.dossier.topics(), plan.accepted)) console.log(line);
    const counts = `${plan.accepted.length} accepted, ${plan.skipped.length} skipped, ${plan.rejected.length} rejected`;
    if (dryRun) {
      console.log(`Dry run of ${basename(file)} (${format}): ${counts}. Nothing was written.`);
    } else if (plan.accepted.length === 0) {
      console.log(`Nothing to import from ${basename(file)} (${format}): ${counts}. Nothing was written.`);
    } else {
      console.error(`Writing ${plan.accepted.length} entries to ${config.dbPath}…`);
      const writing = progressBar('Writing', plan.accepted.length);
      const started = performance.now();
      const stamp = { by: `import:${basename(file)}`, at: new Date().toISOString() };
      writeImport(app.db, plan.accepted.map((a) => a.input), stamp, (n) => writing.update(n));
      writing.stop();
      const seconds = (performance.now() - started) / 1000;
      console.log(`Imported ${basename(file)} (${format}): ${counts} in ${seconds.toFixed(1)} s.`);
    }
    return plan.rejected.length > 0 ? 1 : 0;
  } finally {
    app.close();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`Import failed, nothing was written: ${(error as Error).message}`);
  process.exitCode = 2;
}
