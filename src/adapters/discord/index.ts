// The Discord adapter: logs in over the gateway, answers interactions through the dispatcher
// and posts digests. Registration is separate (`npm run register`).
import { Events, RESTEvents } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { AdapterDeps, RunningAdapter } from '../running-adapter.js';
import { createDiscordClient, loginAndWaitReady } from './client.js';
import { createInteractionHandler } from './interaction-router.js';
import { FormSessions } from './form-sessions.js';
import { DEFER_AFTER_MS, FORM_SESSION_TTL_MS, MAX_FORM_SESSIONS, MAX_PAGE_SESSIONS, PAGE_SESSION_TTL_MS } from './limits.js';
import { PageSessions } from './page-sessions.js';
import { DiscordPoster } from './poster.js';

/** Knobs for tests; production uses the defaults. */
export interface DiscordAdapterOptions {
  deferAfterMs?: number;
  pageTtlMs?: number;
  formTtlMs?: number;
  now?: () => number;
  readyTimeoutMs?: number;
}

export async function startDiscordAdapter(
  { config, dispatcher, logger }: AdapterDeps<DiscordConfig>,
  options: DiscordAdapterOptions = {},
): Promise<RunningAdapter> {
  const client = createDiscordClient(config);
  const sessions = new PageSessions({
    ttlMs: options.pageTtlMs ?? PAGE_SESSION_TTL_MS,
    maxSessions: MAX_PAGE_SESSIONS,
    now: options.now ?? Date.now,
  });
  const forms = new FormSessions({
    ttlMs: options.formTtlMs ?? FORM_SESSION_TTL_MS,
    maxSessions: MAX_FORM_SESSIONS,
    now: options.now ?? Date.now,
  });
  const handle = createInteractionHandler({ dispatcher, sessions, forms, logger, deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.rest.on(RESTEvents.RateLimited, (limit) =>
    logger.warn({ route: limit.route, retryAfterMs: limit.retryAfter, global: limit.global }, 'discord rate limit hit'),
  );

  await loginAndWaitReady(client, config.token, options.readyTimeoutMs ?? 30_000);
  const applicationId = client.application?.id;
  if (applicationId && applicationId !== config.appId) {
    logger.warn({ configured: config.appId, actual: applicationId }, 'DISCORD_APP_ID does not match the bot token’s application');
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord adapter ready');

  return {
    name: 'discord',
    poster: new DiscordPoster(client.rest),
    async stop() {
      sessions.clear();
      forms.clear();
      await client.destroy();
    },
  };
}
