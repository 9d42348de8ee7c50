// `npm run slack:manifest -- [file] [options]`: runs runManifest as the process.
import { runAsProcess } from '../../cli-io.js';
import { runManifest } from './manifest-command.js';

await runAsProcess(runManifest);
