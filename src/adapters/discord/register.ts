// `npm run register`: runs runRegister as the process.
import { runAsProcess } from '../../cli-io.js';
import { runRegister } from './register-command.js';

await runAsProcess(runRegister);
