// The discord.js gateway client: Guilds intent only (no privileged intents), no mentions by
// default, REST pointed at DISCORD_API_URL when set, and gateway events it cannot read dropped.
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { StartupError } from '../../startup-errors.js';
import type { Logger } from '../../core/logger.js';
import { MAX_RATE_LIMIT_WAIT_MS } from './limits.js';
import { dropUnreadableEvents } from './unreadable-events.js';

/** `restTimeoutMs`: how long a REST request waits for its answer before discord.js sends it again. */
export function createDiscordClient(config: DiscordConfig, logger: Logger, restTimeoutMs: number): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // The channel an interaction came from is cached even when the gateway never sent it (an
    // archived or private thread): what the help after a refused post reads to know a thread.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      timeout: restTimeoutMs,
      // Short rate limits are waited out by the REST queue; long ones surface to the caller.
      rejectOnRateLimit: (limit) => limit.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
    },
  });
  dropUnreadableEvents(client, logger);
  return client;
}

/** Logs in and resolves once the gateway reports ready; destroys the client on failure. */
export async function loginAndWaitReady(client: Client, token: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new StartupError(`Discord did not report ready within ${timeoutMs / 1000} s of logging in`)), timeoutMs);
    client.once(Events.ClientReady, () => resolve());
  });
  try {
    await Promise.all([client.login(token), ready]);
  } catch (error) {
    await client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
