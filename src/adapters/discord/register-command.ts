// `npm run register`: registers Sitrep's slash commands with Discord, in DISCORD_GUILD_ID when
// set (instant, for testing) or globally. Exits 1 when it could not, 2 on a mistyped option.
import { allCommands } from '../../../commands/index.js';
import { readArgs } from '../../cli-args.js';
import { writeLine, type CliIo } from '../../cli-io.js';
import { ConfigError, loadConfig } from '../../config.js';
import { registerCommands, restFor } from './registration.js';

const USAGE = `Usage: npm run register
  Registers the slash commands with Discord (DISCORD_TOKEN, DISCORD_APP_ID): in DISCORD_GUILD_ID
  when set (shows at once), otherwise globally.`;

async function register(io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  if (!config.discord) {
    throw new ConfigError('DISCORD_TOKEN', 'set it, with DISCORD_APP_ID, to register the slash commands');
  }
  const { guildId } = config.discord;
  const result = await registerCommands(restFor(config.discord), { appId: config.discord.appId, ...(guildId ? { guildId } : {}) }, allCommands);
  const where = result.scope === 'guild' ? `in guild ${guildId}` : 'globally';
  writeLine(io.stdout, `Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}`);
}

export async function runRegister(argv: string[], io: CliIo): Promise<number> {
  const read = readArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' } } });
  if ('problem' in read || read.args.values.help) {
    writeLine(io.stderr, 'problem' in read ? `${read.problem}\n${USAGE}` : USAGE);
    return 'problem' in read ? 2 : 0;
  }
  try {
    await register(io);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) writeLine(io.stderr, `Configuration error — ${error.message}`);
    else writeLine(io.stderr, `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
