// `npm run import -- FILE [--dry-run] [--format json|ndjson|csv]`: runs runImport as the process.
import { runAsProcess } from '../cli-io.js';
import { runImport } from './import-command.js';

await runAsProcess(runImport);
