// `npm run register`: registers Sitrep's slash commands with Discord, in DISCORD_GUILD_ID when
// set (instant, for testing) or globally.
import { allCommands } from '../../../commands/index.js';
import { ConfigError, loadConfig } from '../../config.js';
import { registerCommands, restFor } from './registration.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discord) {
    throw new ConfigError('DISCORD_TOKEN', 'set it, with DISCORD_APP_ID, to register the slash commands');
  }
  const { guildId } = config.discord;
  const result = await registerCommands(restFor(config.discord), { appId: config.discord.appId, ...(guildId ? { guildId } : {}) }, allCommands);
  const where = result.scope === 'guild' ? `in guild ${guildId}` : 'globally';
  console.log(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration error — ${error.message}`);
  else console.error('Could not register the commands:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
