// The Slack adapter: a Bolt app answering slash commands, navigation buttons and modal forms
// through the core's dispatcher, plus the poster that sends digests with chat.postMessage.
import type { App } from '@slack/bolt';
import type { SlackConfig } from '../../config.js';
import type { Logger } from '../../core/logger.js';
import type { AdapterDeps, RunningAdapter } from '../running-adapter.js';
import { registerNavigation } from './action-handlers.js';
import { createBoltApp } from './bolt-app.js';
import { registerCommands } from './command-handlers.js';
import { registerForms } from './form-handlers.js';
import type { HandlerDeps } from './handler-deps.js';
import { SeenIds } from './interaction-store.js';
import { Paginator } from './paging.js';
import { SlackPoster } from './poster.js';

export interface SlackStartOptions {
  /** Interface the HTTP receiver listens on; all interfaces when unset. */
  host?: string;
  /** Clock for paging state and duplicate detection (tests move it). */
  now?: () => number;
}

export interface SlackAdapter extends RunningAdapter {
  readonly app: App;
  /** The HTTP receiver's port once listening (useful with port 0); undefined in Socket Mode. */
  readonly port?: number;
}

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

export async function startSlackAdapter(deps: AdapterDeps<SlackConfig>, options: SlackStartOptions = {}): Promise<SlackAdapter> {
  const { config, dispatcher, logger } = deps;
  const app = createBoltApp(config, logger);
  const handlerDeps: HandlerDeps = { dispatcher, logger, paginator: new Paginator(options.now), seen: new SeenIds(options.now) };
  skipRetries(app, logger);
  registerCommands(app, handlerDeps);
  registerNavigation(app, handlerDeps);
  registerForms(app, handlerDeps);
  app.error(async (error) => logger.error({ err: error, code: error.code }, 'slack: unhandled Bolt error'));

  try {
    await app.init();
  } catch (error) {
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN (auth.test failed: ${(error as Error).message})`, { cause: error });
  }
  let port: number | undefined;
  if (config.appToken) {
    await app.start();
  } else {
    const server = await app.start({ port: config.port, ...(options.host ? { host: options.host } : {}) });
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : config.port;
  }
  logger.info({ mode: config.appToken ? 'socket' : 'http', port }, 'slack adapter started');

  return {
    name: 'slack',
    app,
    ...(port !== undefined ? { port } : {}),
    poster: SlackPoster.create(config, logger),
    async stop() {
      await app.stop();
    },
  };
}
