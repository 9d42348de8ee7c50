// The bot's own RSS, as `npm start` runs it (dist/src/main.js with the node flags of package.json's
// start script and the console, on a copy of the bench store, MALLOC_ARENA_MAX=2 as the README's
// service unit sets it):
// at rest, once the chart renderer is loaded (a timeline and a map drawn, then a few seconds with
// nothing to draw, as between a team's charts), and once its worker has stopped unused. Read from
// /proc, so it is the real process, not the benchmark's, which holds more (its own app, the
// probe's variants, the timings).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IDLE_COLLECT_MS } from '../src/charts/idle-collect.js';
import { RENDER_IDLE_MS } from '../src/charts/render-pool.js';
import { projectPath } from '../src/paths.js';

export interface BotRss {
  atRest: number;
  rendererLoaded: number;
  workerStopped: number;
}

/** The node flags `npm start` gives the bot, read from package.json so the two cannot drift apart. */
function startFlags(): string[] {
  const start: string = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/src/main.js'));
}

const rssOf = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Time the bot is left alone before its RSS at rest is read: start-up's garbage collected. */
const SETTLE_MS = 10_000;

export async function botRss(dbPath: string, commands: readonly string[]): Promise<BotRss> {
  const { DISCORD_TOKEN: _d, SLACK_BOT_TOKEN: _s, SLACK_APP_TOKEN: _a, ...env } = process.env;
  const bot = spawn(process.execPath, [...startFlags(), projectPath('dist', 'src', 'main.js')], {
    env: { ...env, MALLOC_ARENA_MAX: '2', SITREP_DB: dbPath, SITREP_CHARTS_DIR: join(dirname(dbPath), 'bot-charts'), LOG_LEVEL: 'warn' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  try {
    const stopped = once(bot, 'exit').then(([code]) => Promise.reject(new Error(`the bot stopped (exit ${code}) before drawing its charts`)));
    stopped.catch(() => {});
    let printed = '';
    bot.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    await pause(SETTLE_MS);
    const atRest = rssOf(bot.pid!);
    for (const [i, command] of commands.entries()) {
      bot.stdin.write(`${command}\n`);
      while ((printed.match(/Picture \(/g)?.length ?? 0) <= i) await Promise.race([once(bot.stdout, 'data'), stopped]);
    }
    await pause(IDLE_COLLECT_MS + 2_000);
    const rendererLoaded = rssOf(bot.pid!);
    await pause(RENDER_IDLE_MS + 2_000);
    return { atRest, rendererLoaded, workerStopped: rssOf(bot.pid!) };
  } finally {
    bot.stdin.end();
    bot.kill();
  }
}
