// `npm run register`: registers Sitrep's slash commands with Discord, in DISCORD_GUILD_ID when
// set (instant, for testing) or globally. Exits 1 when it could not, 2 on a mistyped option.
import { allCommands } from '../../../commands/index.js';
import { readArgs } from '../../cli-args.js';
import { writeLine, type CliIo } from '../../cli-io.js';
import { ConfigError, loadConfig, type DiscordConfig } from '../../config.js';
import { answeredWithStatus, asError, StartupError, unreachable } from '../../startup-errors.js';
import { registerCommands, restFor } from './registration.js';
import { discordApi, tokenRefused } from './startup-errors.js';

const USAGE = `Usage: npm run register
  Registers the slash commands with Discord (DISCORD_TOKEN, DISCORD_APP_ID): in DISCORD_GUILD_ID
  when set (shows at once), otherwise globally.`;

/** Discord's error code for a request on an application or server the token gives no access to. */
const MISSING_ACCESS = 50001;

/** What to fix when Discord refuses access: the application id, or (registering in one server) the bot's membership there. */
function missingAccess({ appId, guildId }: DiscordConfig): string {
  const appIdWrong = `DISCORD_APP_ID (${appId}) does not match the bot token's application: set it to the Application ID on the Developer Portal's General Information page`;
  if (!guildId) return `${appIdWrong} (Discord answered 403 Missing Access)`;
  return `Discord answered 403 Missing Access: ${appIdWrong}, or invite the bot to the server DISCORD_GUILD_ID (${guildId})`;
}

/** The registration's failure in the words the bot's start uses for the same mistakes; other errors as they are. */
function registrationFailed(error: unknown, apiUrl: string, discord: DiscordConfig): Error {
  const { status, code } = error as { status?: unknown; code?: unknown };
  if (status === 401) return tokenRefused('when registering the commands', error);
  if (status === 403 && code === MISSING_ACCESS) return new StartupError(missingAccess(discord), { cause: error });
  // A 404 on this route is a wrong API URL; a 5xx is Discord's trouble.
  if (typeof status === 'number' && (status === 404 || status >= 500)) return answeredWithStatus(discordApi(apiUrl), 'the registration', status, error);
  return unreachable(discordApi(apiUrl), error) ?? asError(error);
}

async function register(io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  if (!config.discord) {
    throw new ConfigError('DISCORD_TOKEN', 'set it, with DISCORD_APP_ID, to register the slash commands');
  }
  const { discord } = config;
  const { guildId } = discord;
  const rest = restFor(discord);
  const result = await registerCommands(rest, { appId: discord.appId, ...(guildId ? { guildId } : {}) }, allCommands).catch((error: unknown) => {
    throw registrationFailed(error, rest.options.api, discord);
  });
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
    else if (error instanceof StartupError) writeLine(io.stderr, `Could not register the commands — ${error.message}`);
    else writeLine(io.stderr, `Could not register the commands: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
