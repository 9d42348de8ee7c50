// `npm run import -- FILE [--dry-run] [--complete] [--overwrite-newer] [--create-actors] [--unlocated-places] [--format json|ndjson|csv|bundle]`: runs runImport as the process.
import { runAsProcess } from '../cli-io.js';
import { runImport } from './import-command.js';

await runAsProcess(runImport);
