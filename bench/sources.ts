// Sources benchmark: check cycles over 500 watched feeds of 200 items each, served by a local
// HTTP server in another process, through the bot's real path (poller tick → checks' worker:
// HTTP fetcher → parse on its thread (a parse worker for feeds over 512 KB, or for every feed
// with --parse-workers 2 and more) → keys, dedup and intake in transactions of 50 items → review
// cards) into a copy of the synthetic dossier, while /timeline requests arrive on the main
// thread. Targets: ≥ 10,000 items/s, RSS < 200 MB, /timeline p99 ≤ 5 ms during the cycle.
// It runs compiled, as the bot does in production (`npm run bench:sources` also sets what the
// service unit sets: MALLOC_ARENA_MAX=2 and node --max-semi-space-size=4):
//
//   npm run build && node --expose-gc dist/bench/sources.js       500 feeds, 100,000-entry dossier
//   node --expose-gc dist/bench/sources.js --entries 1000000      the full 1,000,000-entry dossier
//   node --expose-gc dist/bench/sources.js --sources 50           a smoke run
//   node --expose-gc dist/bench/sources.js --sources 50 --flood   adds the dedup's worst case
//   node --expose-gc dist/bench/sources.js --in-thread            parses on the main thread, to compare
//   node --expose-gc dist/bench/sources.js --parse-workers 2      reads every feed in parse workers, two at once
//
// (`node --expose-gc --import tsx bench/sources.ts` runs it from the sources, with tsx's memory.)
// Cycles: `first` (every feed new to Sitrep: its items recorded, none proposed), `steady` (each
// feed has --fresh new items on top of ones already seen, reported by several outlets) and,
// with --flood, `flood` (every item of every feed new, so every one goes through the dedup).
// The dossier is bench:queries' store when it has been built (bench/.data), else one built
// here once in $SITREP_BENCH_DIR (default: the OS temp dir); each run works on a copy.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { parseAdminRules, type Caller } from '../src/core/caller.js';
import { silentLogger } from '../src/core/logger.js';
import { SourcePoller } from '../src/scheduler/source-poller.js';
import { nodeCronTasks } from '../src/scheduler/tasks.js';
import { inThreadParser } from '../src/sources/feed-parser.js';
import { HttpFeedFetcher } from '../src/sources/fetch-feed.js';
import { WorkerFeedParser } from '../src/sources/worker-parser.js';
import { boundHeapGrowth } from '../src/heap-growth.js';
import { keepOtherThreadsIdle } from '../src/idle-threads.js';
import { describeMachine } from './machine.js';
import { benchStore } from './sources/bench-store.js';
import { CycleMeter, TimedFetcher, type CycleCost } from './sources/cycle-meter.js';
import type { FeedConfig } from './sources/feed-content.js';
import type { HostMessage, HostReply } from './sources/feed-host.js';
import { pickVariants } from './sources/timeline-variants.js';
import { TimelineProbe, type ProbeResult } from './sources/timeline-probe.js';
import { report, type CycleReport } from './sources/report.js';
import type { Floor, FloorRequest } from './sources/floor.js';

const { values: options } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    sources: { type: 'string', default: '500' },
    items: { type: 'string', default: '200' },
    fresh: { type: 'string', default: '20' },
    flood: { type: 'boolean', default: false },
    /** Records checks on the bot's thread (with feeds parsed in a parse worker), as before the checks' worker. */
    'checks-here': { type: 'boolean', default: false },
    /** With --checks-here, parses on the main thread instead of the worker: what the worker costs and saves. */
    'in-thread': { type: 'boolean', default: false },
    /** Parse workers: feeds read at once, each in its own thread. */
    'parse-workers': { type: 'string', default: '1' },
    /** A /timeline request arrives this often (ms) during the cycles. */
    every: { type: 'string', default: '20' },
    /** Leaves the other threads at nice 10 only, as SITREP_IDLE_THREADS=false does. */
    'normal-threads': { type: 'boolean', default: false },
  },
});
const SOURCES = Number(options.sources);
const ITEMS = Number(options.items);
const FRESH = Number(options.fresh);
const EVERY_MINUTES = 15;
const MINUTE = 60_000;
const ADMIN: Caller = { platform: 'discord', userId: '1001', workspaceId: 'g1', channelId: 'review', displayName: 'bench' };
const runtime = import.meta.url.endsWith('.ts') ? 'node + tsx' : 'node';
const log = (message: string) => console.log(message);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * A process of this benchmark: compiled beside this file, or its source through tsx. With this
 * process's node flags (`withFlags`, as the bot would run) or none.
 */
function forkHere(name: string, withFlags: boolean) {
  const compiled = !import.meta.url.endsWith('.ts');
  const execArgv = withFlags ? process.execArgv : compiled ? [] : ['--import', 'tsx'];
  return fork(new URL(`./sources/${name}.${compiled ? 'js' : 'ts'}`, import.meta.url), { execArgv });
}

/** The feed server process. */
function startHost(): { stop: () => void; ask: (message: HostMessage) => Promise<HostReply> } {
  const host = forkHere('feed-host', false);
  let ending = false;
  host.on('exit', (code) => {
    if (ending) return;
    console.error(`The feed server exited (${code}).`);
    process.exit(1);
  });
  const ask = (message: HostMessage) =>
    new Promise<HostReply>((resolve) => {
      host.once('message', (reply: HostReply) => resolve(reply));
      host.send(message);
    });
  const stop = () => {
    ending = true;
    host.disconnect();
  };
  return { stop, ask };
}

/** The floor, measured in a process of its own with the same node flags (floor.ts). */
async function measureFloor(request: FloorRequest): Promise<Floor> {
  const child = forkHere('floor', true);
  child.send(request);
  const [floor] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(([code]) => Promise.reject(new Error(`the floor's process exited (${code})`)))])) as [Floor];
  return floor;
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  // As the bot sets them when it starts (src/main.ts).
  boundHeapGrowth();
  const idleThreads = options['normal-threads'] ? undefined : keepOtherThreadsIdle();
  const store = benchStore(Number(options.entries), log);
  const boot = mb(process.memoryUsage.rss());
  // The platform libraries the bot process carries (not connected: no network here).
  await import('../src/adapters/discord/index.js');
  await import('../src/adapters/slack/index.js');
  const libraries = mb(process.memoryUsage.rss());

  let clock = Date.now();
  const now = () => new Date(clock);
  const here = options['checks-here'];
  const parser = !here ? undefined : options['in-thread'] ? inThreadParser : new WorkerFeedParser({ workers: Number(options['parse-workers']), onProblem: (problem) => console.error(problem) });
  // As the bot runs, checks are fetched and recorded in the checks' worker, which fetches itself.
  const fetcher = parser && new TimedFetcher(new HttpFeedFetcher({ allowPrivate: true, parser }));
  const logger = { ...silentLogger, error: (context: object, message: string) => console.error(message, context) };
  const app = createApp({
    dbPath: store.path,
    admins: parseAdminRules('discord:1001'),
    logger,
    now,
    sourcesAllowPrivate: true,
    feedReaders: Number(options['parse-workers']),
    ...(fetcher ? { feedFetcher: fetcher } : {}),
    digestTasks: nodeCronTasks(silentLogger),
  });
  const machine = describeMachine(app.db.prepare('SELECT sqlite_version()').pluck().get() as string);
  const entries = app.db.prepare('SELECT count(*) FROM entries').pluck().get() as number;
  // Review cards go to a channel through a poster that only counts them.
  let cards = 0;
  app.digests.posters.register({ platform: 'discord', accessHelp: () => '', post: async () => ({ refs: [`m${++cards}`] }) });
  await app.dispatcher.runText('/review channel', ADMIN);

  const actors = app.db.prepare('SELECT name FROM actors WHERE merged_into_id IS NULL AND id % 10 = 0 ORDER BY id LIMIT 400').pluck().all() as string[];
  const places = app.db.prepare('SELECT name FROM places WHERE id % 5 = 0 ORDER BY id LIMIT 200').pluck().all() as string[];
  const topics = app.db.prepare('SELECT slug FROM topics ORDER BY slug').pluck().all() as string[];
  const spacingMs = (EVERY_MINUTES * MINUTE) / FRESH;
  const config: FeedConfig = { seed: 7, sources: SOURCES, items: ITEMS, epochMs: clock - ITEMS * spacingMs, spacingMs, actors, places };
  const host = startHost();
  const ask = host.ask;
  const { port } = (await ask({ kind: 'start', config })) as Extract<HostReply, { kind: 'listening' }>;

  const stamp = { by: 'bench', at: now().toISOString() };
  for (let source = 0; source < SOURCES; source++) {
    // Every fourth source narrows by keywords, as admins do for busy wires.
    const keywords = source % 4 === 3 ? 'ceasefire, talks, truce, crossing*, prisoners' : '';
    app.services.sources.add({ url: `http://127.0.0.1:${port}/feeds/${source}.xml`, topic: topics[source % topics.length]!, keywords, everyMinutes: EVERY_MINUTES, backfill: false }, stamp);
  }
  const poller = new SourcePoller({ sources: app.services.sources, review: app.services.review, leases: app.digests.store.leases, holder: app.digests.holder, tasks: nodeCronTasks(silentLogger), now, logger: silentLogger, batch: SOURCES });

  const variants = pickVariants(app.db);
  const probe = new TimelineProbe(app, variants, Number(options.every));
  for (let round = 0; round < 5; round++) for (const args of variants) await probe.once(args);
  gc();
  probe.start();
  await new Promise((done) => setTimeout(done, 3_000));
  const idle: ProbeResult = probe.stop();

  const meter = new CycleMeter(fetcher);
  const cycles: CycleReport[] = [];
  const windows: [string, number][] = [['first', 0], ['steady', FRESH], ...(options.flood ? ([['flood', FRESH + ITEMS]] as [string, number][]) : [])];
  for (const [name, first] of windows) {
    const served = (await ask({ kind: 'window', first })) as Extract<HostReply, { kind: 'window' }>;
    // The clock moves to the newest item's time, and past every source's next check.
    clock = Math.max(config.epochMs + (first + ITEMS) * spacingMs, clock + EVERY_MINUTES * MINUTE + MINUTE);
    const since = now().toISOString();
    gc();
    meter.start();
    probe.start();
    await poller.tick();
    const timeline = probe.stop();
    const cost: CycleCost = meter.stop();
    const counts = app.db.prepare("SELECT count(*) AS checks, coalesce(sum(items), 0) AS items, coalesce(sum(seen), 0) AS seen, coalesce(sum(result = 'failed'), 0) AS failed FROM feed_checks WHERE checked_at >= ?").get(since) as CycleReport['counts'];
    const outcomes = Object.fromEntries((app.db.prepare('SELECT outcome, count(*) AS n FROM feed_items WHERE first_seen >= ? GROUP BY outcome').all(since) as { outcome: string; n: number }[]).map((r) => [r.outcome, r.n]));
    const candidates = app.db.prepare('SELECT count(*) FROM review_candidates WHERE created_at >= ?').pluck().get(since) as number;
    cycles.push({ name, feedBytes: served.bytes, counts, outcomes, candidates, cost, timeline });
    log(`  ${name}: ${counts.items.toLocaleString('en-US')} items in ${(cost.ms / 1000).toFixed(1)} s, /timeline p99 ${timeline.response.p99.toFixed(2)} ms, RSS peak ${cost.rssPeakMb} MB`);
  }

  const peakMb = mb(process.resourceUsage().maxRSS * 1024);
  log('  measuring the floor (bare parsing, plain INSERTs)…');
  // Items no cycle has seen, served over HTTP as the cycles' were.
  await ask({ kind: 'window', first: FRESH + ITEMS * 2 });
  const floor = await measureFloor({ dbPath: store.path, port, sources: SOURCES });
  host.stop();
  await idleThreads?.stop();
  await parser?.close();
  app.close();
  store.remove();
  const threads = idleThreads ? ', the other threads SCHED_IDLE' : '';
  report({ runtime: (!here ? `${runtime}, checks in the checks' worker, ${options['parse-workers'] === '1' ? 'feeds read on its thread (a parse worker over 512 KB)' : `every feed read in ${options['parse-workers']} parse workers`}` : options['in-thread'] ? `${runtime}, checks recorded and parsed on the main thread` : `${runtime}, checks recorded on the main thread, ${options['parse-workers']} parse worker(s)`) + threads, machine, loadBefore, loadAfter: loadavg(), entries, sources: SOURCES, items: ITEMS, fresh: FRESH, store: store.from, rss: { boot, libraries, peakMb }, idle, cycles, cards, variants, floor });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
