// Composition root: config → store → dispatcher → adapters → digest scheduler. With no platform
// tokens it opens the console on the local store, and console digests print there.
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import type { RunningAdapter } from './adapters/running-adapter.js';
import { createLogger } from './log.js';
import { startupMessage } from './startup-errors.js';

/**
 * better-sqlite3 waits for a busy store synchronously, holding the event loop: Discord and Slack
 * want an interaction answered (or deferred) within 3 s, so while an import holds the store the
 * bot gives up after 1 s and answers "Try again in a moment". Its own writes take milliseconds.
 */
const BOT_BUSY_TIMEOUT_MS = 1000;

async function main(): Promise<void> {
  const config = loadConfig();
  const onPlatform = Boolean(config.discord || config.slack);
  // The console prints to stdout; keep its logs to warnings unless asked otherwise.
  const logger = createLogger(config.logLevel ?? (onPlatform ? 'info' : 'warn'));
  const app = createApp({ dbPath: config.dbPath, admins: config.admins, logger, timezone: config.timezone, busyTimeoutMs: BOT_BUSY_TIMEOUT_MS, sourcesAllowPrivate: config.sourcesAllowPrivate, chartRenders: config.chartRenders });

  const adapters: RunningAdapter[] = [];
  if (config.discord) {
    const { startDiscordAdapter } = await import('./adapters/discord/index.js');
    adapters.push(await startDiscordAdapter({ config: config.discord, dispatcher: app.dispatcher, logger }));
  }
  if (config.slack) {
    const { startSlackAdapter } = await import('./adapters/slack/index.js');
    adapters.push(await startSlackAdapter({ config: config.slack, dispatcher: app.dispatcher, logger }));
  }

  for (const adapter of adapters) app.digests.posters.register(adapter.poster);
  if (!onPlatform) {
    const { ConsolePoster } = await import('./adapters/console/console-poster.js');
    app.digests.posters.register(new ConsolePoster(process.stdout, Boolean(process.stdout.isTTY), { dir: config.chartsDir, logger }));
  }
  const scheduler = app.digests.startScheduler();
  const poller = app.startSourcePoller();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await scheduler.stop();
    await poller.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (!onPlatform) {
    // A reader that stops early (`npm start | head`) closes the pipe: stop quietly, as CLIs do.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      app.close();
      process.exit(0);
    });
    const { runConsole } = await import('./adapters/console/console-adapter.js');
    await runConsole({
      dispatcher: app.dispatcher,
      input: process.stdin,
      output: process.stdout,
      pictures: { dir: config.chartsDir, logger },
      ...(config.consoleHistoryPath ? { historyPath: config.consoleHistoryPath } : {}),
    });
    await scheduler.stop();
    await poller.stop();
    app.close();
  } else {
    logger.info({ adapters: adapters.map((a) => a.name) }, 'Sitrep is running');
  }
}

main().catch((error: unknown) => {
  console.error(startupMessage(error));
  process.exit(1);
});
