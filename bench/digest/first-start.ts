// Opens a built digest store once as the bot does on its first start, then closes it: the bot
// locates the stored places in the gazetteer then, once in a store's life. The benchmark's
// process then meets the store as a running bot does.
//
//   node dist/bench/digest/first-start.js --path /tmp/x.db
import { parseArgs } from 'node:util';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';

const { values } = parseArgs({ options: { path: { type: 'string' } } });
if (!values.path) throw new Error('--path is required');
createApp({ dbPath: values.path, admins: [], logger: silentLogger }).close();
