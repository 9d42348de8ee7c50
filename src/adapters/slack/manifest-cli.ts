// `npm run slack:manifest -- [file] [--socket-mode | --http] [--url https://host] [--prefix]
// [--no-public-channels]`: writes the app manifest as JSON to the file, or to stdout.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { allCommands } from '../../../commands/index.js';
import { ConfigError, loadConfig } from '../../config.js';
import { buildManifest } from './manifest.js';

const USAGE = `Usage: npm run slack:manifest -- [file] [options]
  --socket-mode          Socket Mode (no public URL); the default when SLACK_APP_TOKEN is set
  --http                 Request URLs (the default otherwise)
  --url <https://host>   Where Slack reaches /slack/events (default https://YOUR-HOST)
  --prefix               Name the commands /sitrep-timeline … where /timeline is taken
  --no-public-channels   Leave out chat:write.public (invite the bot to digest channels instead)`;

/** Socket Mode when an app token is configured; request URLs otherwise. */
function configuredSocketMode(): boolean {
  try {
    return Boolean(loadConfig().slack?.appToken);
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'socket-mode': { type: 'boolean' },
      http: { type: 'boolean' },
      url: { type: 'string' },
      prefix: { type: 'boolean' },
      'no-public-channels': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length > 1 || (values['socket-mode'] && values.http)) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  if (values.url && !/^https:\/\/[^\s/]+/.test(values.url)) {
    console.error('--url must be an https:// address Slack can reach, e.g. https://sitrep.example.org');
    process.exitCode = 2;
    return;
  }
  const socketMode = values['socket-mode'] ?? (values.http ? false : configuredSocketMode());
  const manifest = buildManifest(allCommands, {
    socketMode,
    ...(values.url ? { publicUrl: values.url } : {}),
    prefixCommands: values.prefix ?? false,
    postToPublicChannels: !values['no-public-channels'],
  });
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  const [file] = positionals;
  if (file) {
    writeFileSync(file, json);
    console.error(`Wrote the Slack app manifest (${socketMode ? 'Socket Mode' : 'request URLs'}) to ${file}`);
  } else {
    process.stdout.write(json);
  }
}

main(process.argv.slice(2));
