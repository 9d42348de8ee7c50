// Digest benchmark: composition for 10,000 subscriptions over a 1,000,000-entry store, each with
// its card's figures (target: under 2 s in total), full deliveries through no-op posters, and the
// steady-state memory of the bot process with that store (target: under 150 MB RSS). It runs
// compiled, as the bot does in production (`npm start`), with a forced GC available;
// `npm run bench:digest` builds first:
//
//   npm run build && node --expose-gc dist/bench/digest.js            build the store if needed, measure
//   node --expose-gc dist/bench/digest.js --rebuild                   build it again
//   node --expose-gc dist/bench/digest.js --entries 100000 --subscriptions 1000 --idle 20
//
// (`node --expose-gc --import tsx bench/digest.ts` runs it from the sources, with tsx's own memory.)
//
// The store (the shared generator's dossier plus a week of changes and the subscriptions) lives
// in $SITREP_BENCH_DIR, by default the OS temp dir; each run works on a copy of it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { subscriptionCard } from '../src/core/digest/card.js';
import { composeDigest } from '../src/core/digest/compose.js';
import { splitDigest } from '../src/core/digest/split.js';
import { silentLogger } from '../src/core/logger.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { nodeCronTasks } from '../src/scheduler/tasks.js';
import { SqliteDigestChanges } from '../src/store/digest-changes.js';
import type { Subscription } from '../src/core/digest/subscriptions-port.js';
import { BENCH_NOW } from './digest/build-store.js';
import { catchUpText, measureCatchUp } from './digest/catch-up.js';
import { describeMachine } from './machine.js';
import { mainThreadCpuMs } from './thread-cpu.js';

const TARGET_COMPOSE_MS = 2_000;
const TARGET_RSS_MB = 150;

const { values: options } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    subscriptions: { type: 'string', default: '10000' },
    changes: { type: 'string', default: '400' },
    rebuild: { type: 'boolean', default: false },
    /** Seconds the bot idles after the burst before its steady-state memory is read. */
    idle: { type: 'string', default: '120' },
  },
});
const IDLE_MS = Number(options.idle) * 1000;
const repo = PROJECT_ROOT;
/** What the process runs on: compiled JavaScript, as in production, or the sources through tsx. */
const runtime = import.meta.url.endsWith('.ts') ? 'node + tsx' : 'node';
/** The store builder next to this file: compiled when this runs compiled, else its source through tsx. */
const builder = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? './digest/build-store.js' : './digest/build-store.ts', import.meta.url));
/** Opens the built store once as the bot does on its first start (locating its places), in a process of its own. */
const firstStart = fileURLToPath(new URL(import.meta.url.endsWith('.js') ? './digest/first-start.js' : './digest/first-start.ts', import.meta.url));
const dir = process.env.SITREP_BENCH_DIR ?? join(tmpdir(), 'sitrep-bench-digest');
const base = join(dir, `store-${options.entries}-${options.subscriptions}-${options.changes}.db`);

/** The schema and the generator the stored file was built with. */
function fingerprint(): string {
  // What the store holds, not how long this run idles: --idle and --rebuild leave the file as it is.
  const hash = createHash('sha256').update(JSON.stringify([options.entries, options.subscriptions, options.changes]));
  const migrations = join(repo, 'data/migrations');
  for (const file of readdirSync(migrations).sort()) hash.update(readFileSync(join(migrations, file)));
  for (const file of ['bench/digest/build-store.ts', 'bench/digest/first-start.ts', 'bench/build-store.ts', 'bench/random.ts', 'bench/vocabulary.ts']) {
    if (existsSync(join(repo, file))) hash.update(readFileSync(join(repo, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

function ensureStore(): void {
  mkdirSync(dir, { recursive: true });
  const stamp = `${base}.fingerprint`;
  if (!options.rebuild && existsSync(base) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint()) return;
  console.log(`Building ${base} (once; later runs reuse it)…`);
  const args = [...(builder.endsWith('.ts') ? ['--import', 'tsx'] : []), builder, '--path', base, '--entries', options.entries!, '--subscriptions', options.subscriptions!, '--changes', options.changes!];
  const built = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: repo });
  if (built.status !== 0) throw new Error('building the store failed');
  const started = spawnSync(process.execPath, [...(firstStart.endsWith('.ts') ? ['--import', 'tsx'] : []), firstStart, '--path', base], { stdio: 'inherit', cwd: repo });
  if (started.status !== 0) throw new Error('opening the store as the bot does failed');
  writeFileSync(stamp, fingerprint());
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
function memory(): { rss: number; heap: number; heapTotal: number; external: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: mb(m.rss), heap: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) };
}
const ms = (t: number) => Math.round(t * 10) / 10;

/**
 * Composes every subscription's digest from a cold change reader, in the given order, with the
 * card each opens with (its figures; the picture is drawn only when a platform posts it).
 */
function composeAll(app: ReturnType<typeof createApp>, subs: Subscription[]) {
  const changes = new SqliteDigestChanges(app.db);
  const { deliveries } = app.digests.store;
  const latest = changes.latestCursor();
  let items = 0;
  let parts = 0;
  let empty = 0;
  let cards = 0;
  let cardMs = 0;
  const cpuStarted = mainThreadCpuMs();
  const started = performance.now();
  for (const sub of subs) {
    const composed = composeDigest(changes.between(sub.cursor, latest), {
      filters: sub.filters,
      zone: sub.timezone,
      periodFrom: sub.cursorAt,
      periodTo: BENCH_NOW,
    });
    items += composed.counts.new + composed.counts.corrected + composed.counts.removed + composed.counts.restored;
    parts += splitDigest(composed.view).length;
    if (composed.empty) empty += 1;
    const cardStarted = performance.now();
    const card = subscriptionCard(app.services.charts, { changes, deliveries }, sub, { cursorFrom: sub.cursor, cursorTo: latest, from: sub.cursorAt, to: BENCH_NOW });
    if (card.image) cards += 1;
    cardMs += performance.now() - cardStarted;
  }
  return { ms: ms(performance.now() - started), cpuMs: ms(mainThreadCpuMs() - cpuStarted), items, parts, empty, cards, cardMs: ms(cardMs) };
}

async function main(): Promise<void> {
  const loadBefore = describeMachine('').load;
  // Before the store's work: the sweep's slot arithmetic alone, as a restart meets it.
  const catchUp = measureCatchUp();
  ensureStore();
  const run = join(dir, 'run.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(run + suffix, { force: true });
  copyFileSync(base, run);

  const boot = memory();
  // Load the platform libraries the bot process carries (not connected: no network here).
  await import('../src/adapters/discord/index.js');
  await import('../src/adapters/slack/index.js');
  const libraries = memory();
  const app = createApp({ dbPath: run, admins: [], logger: silentLogger, now: () => BENCH_NOW, digestTasks: nodeCronTasks(silentLogger) });
  const opened = memory();
  const machine = { ...describeMachine(app.db.prepare('SELECT sqlite_version()').pluck().get() as string), load: loadBefore };

  const subs = app.digests.store.subscriptions.active(['discord', 'slack']);
  const windows = new Set(subs.map((s) => s.cursor)).size;
  const latest = app.digests.store.changes.latestCursor();
  const meanWindow = Math.round(subs.reduce((sum, s) => sum + (latest - s.cursor), 0) / subs.length);
  // In slot order, as the scheduler meets them; then shuffled, the cache's worst case.
  const bySlot = [...subs].sort((a, b) => a.cursor - b.cursor || a.id - b.id);
  const compose = composeAll(app, bySlot);
  const shuffled = [...subs].sort((a, b) => ((a.id * 2654435761) % 4294967296) - ((b.id * 2654435761) % 4294967296));
  const composeShuffled = composeAll(app, shuffled);

  // Full deliveries: intent transaction, composition, post (no-op), confirm — one at a time.
  let messages = 0;
  for (const platform of ['discord', 'slack']) {
    app.digests.posters.register({ platform, accessHelp: () => '', post: async () => ({ refs: [`m${++messages}`] }) });
  }
  const deliverStarted = performance.now();
  for (const sub of bySlot) {
    await app.digests.deliverer.deliver(sub.id, { slot: sub.nextSlotAt, kind: 'scheduled', missedSlots: 0, fenced: false });
  }
  const deliverMs = ms(performance.now() - deliverStarted);

  const burst = memory();
  // The benchmark's own lists of 10,000 subscriptions are no part of the bot at rest: let them go.
  const subscriptionCount = subs.length;
  for (const list of [subs, bySlot, shuffled]) list.length = 0;

  // The scheduler as in production: leases, node-cron tasks, heartbeat. Its heartbeat drops the
  // digest caches after a minute without digests; do that now rather than wait a minute. V8
  // hands freed memory back after some idle seconds: wait for that, as a bot between bursts does.
  const scheduler = app.digests.startScheduler();
  app.digests.store.changes.releaseIfIdle(0);
  const samples: number[] = [];
  for (let waited = 0; waited < IDLE_MS; waited += 10_000) {
    await new Promise((done) => setTimeout(done, Math.min(10_000, IDLE_MS - waited)));
    samples.push(mb(process.memoryUsage().rss));
  }
  const steady = memory();
  const tasks = scheduler.taskCount;
  await scheduler.stop();
  const peakMb = mb(process.resourceUsage().maxRSS * 1024);
  const loadAfter = describeMachine(machine.sqlite).load;
  app.close();

  const ok = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
  console.log(`
Machine: ${machine.cpu}, ${machine.nproc} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}
Load average before ${machine.load.join(' / ')}, after ${loadAfter.join(' / ')}
Digest benchmark (${runtime}) — ${Number(options.entries).toLocaleString('en-US')} entries, ${subscriptionCount.toLocaleString('en-US')} subscriptions, ${options.changes} changes/day
  revisions in store                 ${latest.toLocaleString('en-US')}
  distinct cursor ranges             ${windows} (mean ${meanWindow.toLocaleString('en-US')} revisions each)
  compose all, slot order            ${compose.ms} ms  (${ms((compose.ms * 1000) / subscriptionCount)} µs each; ${compose.items.toLocaleString('en-US')} items, ${compose.parts.toLocaleString('en-US')} parts, ${compose.empty} empty)   ${ok(compose.ms < TARGET_COMPOSE_MS)} < ${TARGET_COMPOSE_MS} ms
    the bot's thread on a core       ${compose.cpuMs} ms  (the rest: waiting for the disk or a core)
    of which the cards' figures      ${compose.cardMs} ms  (${compose.cards.toLocaleString('en-US')} cards)
  compose all, shuffled order        ${composeShuffled.ms} ms  (cache-hostile worst case; ${composeShuffled.cpuMs} ms on a core; cards ${composeShuffled.cardMs} ms)
  deliver all (intent→post→confirm)  ${deliverMs} ms  (${messages.toLocaleString('en-US')} messages through no-op posters)
  ${catchUpText(catchUp)}
  node-cron tasks                    ${tasks.tasks} for ${tasks.subscriptions.toLocaleString('en-US')} subscriptions
  RSS: ${runtime.padEnd(30)}${boot.rss} MB
       + discord.js, Bolt             ${libraries.rss} MB
       + app, store open              ${opened.rss} MB
       right after the digest burst   ${burst.rss} MB  (heap ${burst.heap} MB)
  RSS every 10 s while idle           ${samples.join(', ')} MB
  RSS steady, ${IDLE_MS / 1000} s after the burst   ${steady.rss} MB  (heap ${steady.heap} MB, peak RSS ${peakMb} MB)   ${ok(steady.rss < TARGET_RSS_MB)} < ${TARGET_RSS_MB} MB
       of which the digest feature    ${ms(steady.rss - libraries.rss)} MB above the process with its libraries loaded
`);
  console.log(JSON.stringify({ bench: 'digest', runtime, machine: { ...machine, loadAfter }, options, revisions: latest, windows, meanWindow, compose, composeShuffled, deliverMs, catchUp, tasks, memory: { boot, libraries, opened, burst, samples, steady, peakMb } }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
