// `npm run restore -- FILE`: runs runRestore as the process.
import { runAsProcess } from '../cli-io.js';
import { runRestore } from './restore-command.js';

await runAsProcess(runRestore);
