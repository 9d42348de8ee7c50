// `npm run export -- [--format json|ndjson|csv|acled|bundle (default: --out's extension, else json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]`: runs runExport as the process.
import { runAsProcess } from '../cli-io.js';
import { runExport } from './export-command.js';
import { writeProblem } from './out-file.js';

// While the export runs, a failure to write stdout is told by the export itself, in one line. One
// after it has stopped is told here, once; a closed pipe (`| head`) is no failure.
let exportRunning = true;
let told = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (exportRunning || told || error.code === 'EPIPE') return;
  told = true;
  console.error(`Cannot write the standard output: ${writeProblem(error)}.`);
  process.exitCode = 2;
});

await runAsProcess(runExport);
exportRunning = false;
