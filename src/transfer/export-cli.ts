// npm run export -- --format json|csv [--topic SLUG] [--out FILE]
// Writes the live entries, oldest first, to stdout or a file.
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { CSV_COLUMNS, csvRow, exportRow } from './export-rows.js';

const USAGE = 'Usage: npm run export -- --format json|csv [--topic SLUG] [--out FILE]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { format: { type: 'string', default: 'json' }, topic: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.error(USAGE);
    return 0;
  }
  if (values.format !== 'json' && values.format !== 'csv') {
    console.error(`--format must be json or csv — got "${values.format}". ${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const app = createApp({ dbPath: config.dbPath, admins: config.admins, logger: createLogger('warn') });
  try {
    const topics = app.dossier.topics();
    if (values.topic !== undefined && !topics.includes(values.topic)) {
      console.error(`There is no topic "${values.topic}". Topics: ${topics.join(', ')}.`);
      return 2;
    }
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const ids = app.db
      .prepare(`SELECT id FROM entries WHERE deleted_at IS NULL ${values.topic ? 'AND topic = ?' : ''} ORDER BY day_from, id`)
      .pluck()
      .all(...(values.topic ? [values.topic] : [])) as number[];
    if (values.format === 'csv') out.write(stringify([[...CSV_COLUMNS]]));
    else out.write('[\n');
    ids.forEach((id, i) => {
      const entry = app.dossier.getEntry(id)!;
      if (values.format === 'csv') out.write(stringify([csvRow(entry)], { columns: [...CSV_COLUMNS] }));
      else out.write(`${i > 0 ? ',\n' : ''}  ${JSON.stringify(exportRow(entry))}`);
    });
    if (values.format === 'json') out.write('\n]\n');
    if (values.out) await new Promise<void>((resolve) => out.end(() => resolve()));
    console.error(`Exported ${ids.length} entries${values.topic ? ` of ${values.topic}` : ''} as ${values.format}.`);
    return 0;
  } finally {
    app.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`Export failed: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
