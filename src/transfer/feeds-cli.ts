// `npm run feeds -- import FILE.opml [--topic SLUG]` and `npm run feeds -- export [--out FILE]`: runs runFeeds as the process.
import { runAsProcess } from '../cli-io.js';
import { runFeeds } from './feeds-command.js';

await runAsProcess(runFeeds);
