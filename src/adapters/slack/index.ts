// The Slack adapter: a Bolt app answering slash commands, buttons and modal forms through the
// core's dispatcher and interactions, plus the poster that sends digests and review cards.
import type { App } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import type { AdapterDeps, RunningAdapter } from '../running-adapter.js';
import { Interactions, type InteractionRoom } from '../../core/interaction/interactions.js';
import { registerButtons } from './action-handlers.js';
import { createBoltApp } from './bolt-app.js';
import { StartupHold } from './bolt-logger.js';
import { registerCommands } from './command-handlers.js';
import { registerForms } from './form-handlers.js';
import { SeenIds, type HandlerDeps } from './handler-deps.js';
import { MAX_BUTTON_VALUE, MAX_PRIVATE_METADATA, MAX_TEXT_INPUT } from './limits.js';
import { SlackPictures } from './picture.js';
import { SlackPoster } from './poster.js';
import { slackCallFailed, slackListenFailed } from './startup-errors.js';

export interface SlackStartOptions {
  /** Interface the HTTP receiver listens on; all interfaces when unset. */
  host?: string;
  /** Clock for what buttons and forms keep in memory, and for duplicate detection (tests move it). */
  now?: () => number;
  /** Waits before sending again a message whose just-uploaded picture Slack had not finished. */
  uploadReadyWaitsMs?: readonly number[];
}

export interface SlackAdapter extends RunningAdapter {
  readonly app: App;
  /** The HTTP receiver's port once listening (useful with port 0); undefined in Socket Mode. */
  readonly port?: number;
}

/**
 * What Slack's buttons and modals carry: a button's value (2,000 characters); the form's carrier
 * shares private_metadata (3,000) with our own fields. A modal holds 100 blocks: half for fields,
 * the rest for the record shown above them. A refused submission keeps the modal open. A text
 * input holds 3,000 characters.
 */
export const SLACK_ROOM: InteractionRoom = { buttonLength: MAX_BUTTON_VALUE, carrierLength: MAX_PRIVATE_METADATA - 1000, maxFields: 50, closesOnSubmit: false, textLength: MAX_TEXT_INPUT };

/**
 * Slack retries a delivery it thinks went unanswered (`X-Slack-Retry-Num`). The first delivery
 * is being or has been handled, so a retry is acknowledged and dropped before any listener.
 */
function skipRetries(app: App, logger: Logger): void {
  app.use(async (args) => {
    const { context, next } = args;
    if (context.retryNum !== undefined && context.retryNum > 0) {
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      logger.info({ retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: retried delivery skipped');
      return;
    }
    await next();
  });
}

/** Checks the token (auth.test) and opens the socket or the port; returns the port listened on. */
async function startBolt(app: App, config: SlackConfig, host: string | undefined): Promise<number | undefined> {
  const apiUrl = app.client.slackApiUrl;
  await app.init().catch((error: unknown) => {
    throw slackCallFailed(error, { method: 'auth.test', variable: 'SLACK_BOT_TOKEN', apiUrl });
  });
  if (config.appToken) {
    await app.start().catch((error: unknown) => {
      throw slackCallFailed(error, { method: 'apps.connections.open', variable: 'SLACK_APP_TOKEN', apiUrl });
    });
    return undefined;
  }
  const server = await app.start({ port: config.port, ...(host ? { host } : {}) }).catch((error: unknown) => {
    throw slackListenFailed(error, config.port);
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : config.port;
}

export async function startSlackAdapter(deps: AdapterDeps<SlackConfig>, options: SlackStartOptions = {}): Promise<SlackAdapter> {
  const { config, dispatcher, logger } = deps;
  const boltLines = new StartupHold(logger);
  const app = createBoltApp(config, logger, boltLines);
  const interactions = new Interactions({ dispatcher, logger, room: SLACK_ROOM, ...(options.now ? { now: options.now } : {}) });
  const pictures = new SlackPictures(logger, options.uploadReadyWaitsMs, options.now);
  const handlerDeps: HandlerDeps = { dispatcher, logger, interactions, seen: new SeenIds(options.now), pictures };
  skipRetries(app, logger);
  registerCommands(app, handlerDeps);
  registerButtons(app, handlerDeps);
  registerForms(app, handlerDeps);
  app.error(async (error) => logger.error({ err: error, code: error.code }, 'slack: unhandled Bolt error'));

  let port: number | undefined;
  try {
    port = await startBolt(app, config, options.host);
  } catch (error) {
    boltLines.failed();
    throw error;
  }
  boltLines.started();
  logger.info({ mode: config.appToken ? 'socket' : 'http', port }, 'slack adapter started');

  return {
    name: 'slack',
    app,
    ...(port !== undefined ? { port } : {}),
    poster: SlackPoster.create(config, logger, interactions, options.uploadReadyWaitsMs ? { uploadReadyWaitsMs: options.uploadReadyWaitsMs } : {}),
    async stop() {
      await app.stop();
    },
  };
}
