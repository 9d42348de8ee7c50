// `npm run export -- [--format json|csv|acled|bundle (default json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]`: runs runExport as the process.
import { runAsProcess } from '../cli-io.js';
import { runExport } from './export-command.js';

// A closed pipe may also be reported on stdout after the export has stopped: nothing to say then.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') console.error(`Export failed: ${error.message}`);
});

await runAsProcess(runExport);
