// Composition root: config → store → dispatcher → adapters → digest scheduler. With no platform
// tokens it opens the console on the local store, and console digests print there. Whatever
// started is stopped cleanly, the store last, on a signal or after a fault (process-stop.ts).
import { createApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import type { RunningAdapter } from './adapters/running-adapter.js';
import type { PlatformName } from './core/caller.js';
import type { Logger } from './core/logger.js';
import { boundHeapGrowth } from './heap-growth.js';
import { keepOtherThreadsIdle } from './idle-threads.js';
import { createLogger } from './log.js';
import { handleFaults, Shutdown } from './process-stop.js';
import { startupMessage, storeFault } from './startup-errors.js';
import { reportStartupWarnings, type StartupNoticesOut } from './startup-warnings.js';
import { markBotRunning } from './store/bot-presence.js';

/**
 * better-sqlite3 waits for a busy store synchronously, holding the event loop: Discord and Slack
 * want an interaction answered (or deferred) within 3 s, so while an import holds the store the
 * bot gives up after 1 s and answers "Try again in a moment". Its own writes take milliseconds.
 */
const BOT_BUSY_TIMEOUT_MS = 1000;

/** Starts everything, registering how to stop each part with `shutdown` as it starts. */
async function start(config: Config, logger: Logger, shutdown: Shutdown, startupOut: StartupNoticesOut): Promise<void> {
  const onPlatform = Boolean(config.discord || config.slack);
  // A console fed by a pipe is a one-off run (a script, a look at the live store): the cards,
  // digests and watch messages are for the console a person types at, so it neither prints them
  // nor records them as posted.
  const consoleReviewDesk = !onPlatform && Boolean(process.stdin.isTTY);
  const isDesk = (platform: PlatformName) => platform !== 'console' || consoleReviewDesk;
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp({ dbPath: config.dbPath, admins: config.admins, logger, timezone: config.timezone, busyTimeoutMs: BOT_BUSY_TIMEOUT_MS, sourcesAllowPrivate: config.sourcesAllowPrivate, chartRenders: config.chartRenders, feedReaders: config.feedReaders, startupOut, consoleReviewDesk });
  } catch (error) {
    // A store that is no database, a full disk, a directory this user cannot write: the operator's
    // to mend, not a bug: one line naming SITREP_DB, no stack.
    throw storeFault(config.dbPath, error) ?? error;
  }
  // While this process runs, `npm run restore` refuses to swap the store from under it.
  const presence = markBotRunning(app.db, app.digests.holder, logger);
  shutdown.add('store', () => {
    presence.stop();
    app.close();
  });

  const adapters: RunningAdapter[] = [];
  const started = (adapter: RunningAdapter) => {
    adapters.push(adapter);
    shutdown.add(`${adapter.name} adapter`, () => adapter.stop());
  };
  if (config.discord) {
    const { startDiscordAdapter } = await import('./adapters/discord/index.js');
    started(await startDiscordAdapter({ config: config.discord, dispatcher: app.dispatcher, logger }));
  }
  if (config.slack) {
    const { startSlackAdapter } = await import('./adapters/slack/index.js');
    started(await startSlackAdapter({ config: config.slack, dispatcher: app.dispatcher, logger }));
  }

  for (const adapter of adapters) app.digests.posters.register(adapter.poster);
  let consolePoster: import('./adapters/console/console-poster.js').ConsolePoster | undefined;
  if (!onPlatform) {
    const { ConsolePoster } = await import('./adapters/console/console-poster.js');
    consolePoster = new ConsolePoster(process.stdout, Boolean(process.stdout.isTTY), { dir: config.chartsDir, logger });
    app.digests.posters.register(consolePoster);
  }
  const scheduler = app.digests.startScheduler({ isDesk });
  shutdown.add('digest scheduler', () => scheduler.stop());
  const poller = app.startSourcePoller();
  shutdown.add('source poller', () => poller.stop());
  const watchRunner = app.startWatchRunner({ isDesk });
  shutdown.add('watch messages', () => watchRunner.stop());

  const stopAndExit = (code: number) => void shutdown.run().finally(() => process.exit(code));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      stopAndExit(0);
    });
  }

  if (!onPlatform) {
    // A reader that stops early (`npm start | head`) closes the pipe: stop quietly, as CLIs do.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stopAndExit(0);
    });
    const { runConsole } = await import('./adapters/console/console-adapter.js');
    const { read, refused } = await runConsole({
      dispatcher: app.dispatcher,
      input: process.stdin,
      output: process.stdout,
      pictures: { dir: config.chartsDir, logger },
      ...(consolePoster ? { poster: consolePoster } : {}),
      ...(config.consoleHistoryPath ? { historyPath: config.consoleHistoryPath } : {}),
    });
    await shutdown.run();
    // Started by a service manager with no token (a typo in .env, a .env not in its working
    // directory), the console reads an empty input and would end "successfully", in silence.
    if (read === 0 && !process.stdin.isTTY) {
      console.error('Sitrep read no command: no DISCORD_TOKEN or SLACK_BOT_TOKEN is set, so it ran the console, and its input was empty. Set a token to run the bot, or pipe commands in (printf \'/timeline\\n\' | npm start).');
      process.exitCode = 1;
    }
    // A script piping commands in learns from the exit status that one was refused (each says why above).
    if (refused > 0 && !process.stdin.isTTY) {
      console.error(`Sitrep: ${refused} ${refused === 1 ? 'command was' : 'commands were'} refused (each says why above).`);
      process.exitCode = 1;
    }
  } else {
    logger.info({ adapters: adapters.map((a) => a.name) }, 'Sitrep is running');
  }
}

async function main(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  const onPlatform = Boolean(config.discord || config.slack);
  // The console prints to stdout; keep its logs to warnings unless asked otherwise.
  const logger = createLogger(config.logLevel ?? (onPlatform ? 'info' : 'warn'));
  // The console at a terminal shows them as lines a person reads, before its greeting.
  const interactive = !onPlatform && Boolean(process.stdin.isTTY && process.stdout.isTTY && process.stderr.isTTY);
  const startupOut: StartupNoticesOut = { logger, warnEnabled: logger.isLevelEnabled('warn'), ...(interactive ? { terminal: process.stderr } : {}) };
  reportStartupWarnings(config.ignoredVariables, startupOut);
  const shutdown = new Shutdown(logger);
  handleFaults(process, { logger, shutdown, exit: (code) => process.exit(code) });
  // Started first, while the process is small (it is one fork).
  const idleThreads = config.idleThreads ? keepOtherThreadsIdle() : undefined;
  if (idleThreads) shutdown.add('idle threads keeper', () => idleThreads.stop());
  try {
    await start(config, logger, shutdown, startupOut);
  } catch (error) {
    // What started before the failure (the store, an adapter) stops before the process exits.
    await shutdown.run();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(startupMessage(error));
  process.exit(1);
});
