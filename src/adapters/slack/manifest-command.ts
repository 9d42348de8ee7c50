// `npm run slack:manifest -- [file] [--socket-mode | --http] [--url https://host] [--prefix]
// [--no-public-channels]`: writes the app manifest as JSON to the file, or to stdout.
import { writeFileSync } from 'node:fs';
import { allCommands } from '../../../commands/index.js';
import { readArgs } from '../../cli-args.js';
import { writeLine, type CliIo } from '../../cli-io.js';
import { ConfigError, loadConfig } from '../../config.js';
import { buildManifest } from './manifest.js';

const USAGE = `Usage: npm run slack:manifest -- [file] [options]
  --socket-mode          Socket Mode (no public URL); the default when SLACK_BOT_TOKEN and SLACK_APP_TOKEN are both set
  --http                 Request URLs (the default otherwise)
  --url <https://host>   Where Slack reaches /slack/events (default https://YOUR-HOST)
  --prefix               Name the commands /sitrep-timeline … where /timeline is taken
  --no-public-channels   Leave out chat:write.public (invite the bot to digest channels instead)`;

/** Socket Mode when an app token is configured; request URLs otherwise. */
function configuredSocketMode(env: NodeJS.ProcessEnv | undefined): boolean {
  try {
    return Boolean(loadConfig(env).slack?.appToken);
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

/** The program's options (the CLI also reads them to tell what npm took of them). */
export const MANIFEST_OPTIONS = {
  'socket-mode': { type: 'boolean' },
  http: { type: 'boolean' },
  url: { type: 'string' },
  prefix: { type: 'boolean' },
  'no-public-channels': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runManifest(argv: string[], io: CliIo): Promise<number> {
  const read = readArgs({ args: argv, allowPositionals: true, options: MANIFEST_OPTIONS });
  if ('problem' in read) {
    writeLine(io.stderr, `${read.problem}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = read.args;
  if (values.help || positionals.length > 1 || (values['socket-mode'] && values.http)) {
    writeLine(io.stderr, USAGE);
    return values.help ? 0 : 2;
  }
  if (values.url && !/^https:\/\/[^\s/]+/.test(values.url)) {
    writeLine(io.stderr, '--url must be an https:// address Slack can reach, e.g. https://sitrep.example.org');
    return 2;
  }
  const socketMode = values['socket-mode'] ?? (values.http ? false : configuredSocketMode(io.env));
  const manifest = buildManifest(allCommands, {
    socketMode,
    ...(values.url ? { publicUrl: values.url } : {}),
    prefixCommands: values.prefix ?? false,
    postToPublicChannels: !values['no-public-channels'],
  });
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  const [file] = positionals;
  if (!file) {
    io.stdout.write(json);
    return 0;
  }
  try {
    writeFileSync(file, json);
  } catch (error) {
    writeLine(io.stderr, `Cannot write ${file}: ${(error as Error).message}`);
    return 2;
  }
  writeLine(io.stderr, `Wrote the Slack app manifest (${socketMode ? 'Socket Mode' : 'request URLs'}) to ${file}`);
  return 0;
}
