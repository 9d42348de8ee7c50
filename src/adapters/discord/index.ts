// The Discord adapter: logs in over the gateway, answers interactions through the dispatcher
// and posts digests and review cards (whose buttons its interactions draw). Registration is
// separate (`npm run register`).
import { Events, RESTEvents } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import { Interactions } from '../../core/interaction/interactions.js';
import type { AdapterDeps, RunningAdapter } from '../running-adapter.js';
import { createDiscordClient, loginAndWaitReady } from './client.js';
import { createInteractionHandler } from './interaction-router.js';
import { DEFER_AFTER_MS, INTERACTION_ROOM, REST_TIMEOUT_MS } from './limits.js';
import { cachedChannels } from './access-help.js';
import { DiscordPoster } from './poster.js';
import { discordLoginFailed } from './startup-errors.js';

/** Knobs for tests; production uses the defaults. */
export interface DiscordAdapterOptions {
  deferAfterMs?: number;
  now?: () => number;
  readyTimeoutMs?: number;
  /** How long a REST request waits for its answer before discord.js sends it again (15 s). */
  restTimeoutMs?: number;
}

export async function startDiscordAdapter(
  { config, dispatcher, logger }: AdapterDeps<DiscordConfig>,
  options: DiscordAdapterOptions = {},
): Promise<RunningAdapter> {
  const client = createDiscordClient(config, logger, options.restTimeoutMs ?? REST_TIMEOUT_MS);
  const interactions = new Interactions({ dispatcher, logger, room: INTERACTION_ROOM, ...(options.now ? { now: options.now } : {}) });
  const handle = createInteractionHandler({ dispatcher, interactions, logger, deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.rest.on(RESTEvents.RateLimited, (limit) =>
    logger.warn({ route: limit.route, retryAfterMs: limit.retryAfter, global: limit.global }, 'discord rate limit hit'),
  );

  try {
    await loginAndWaitReady(client, config.token, options.readyTimeoutMs ?? 30_000);
  } catch (error) {
    throw discordLoginFailed(error, client.rest.options.api);
  }
  const applicationId = client.application?.id;
  if (applicationId && applicationId !== config.appId) {
    logger.warn({ configured: config.appId, actual: applicationId }, 'DISCORD_APP_ID does not match the bot token’s application');
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord adapter ready');

  return {
    name: 'discord',
    poster: new DiscordPoster(client.rest, interactions, logger, cachedChannels(client)),
    async stop() {
      interactions.clear();
      await client.destroy();
    },
  };
}
