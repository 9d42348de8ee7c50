// `npm run backup -- FILE`: runs runBackup as the process.
import { runAsProcess } from '../cli-io.js';
import { runBackup } from './backup-command.js';

await runAsProcess(runBackup);
