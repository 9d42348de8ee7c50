// npm run bench:queries (first of npm run bench) — builds (or reuses) a synthetic store of 1,000,000 entries, then measures
// /timeline, /actor and /search through the command layer next to the raw SQL that fetches the
// same rows, and prints p50/p99 per case with the machine it ran on.
//
//   npm run bench:queries                        build if needed, then measure
//   npm run bench:queries -- --rebuild           build the store again even if a matching one exists
//   npm run bench:queries -- --keep-store        measure the existing store though migrations changed since it was
//                                                built: opening it migrates it forward, as the bot does a deployed store
//   npm run bench:queries -- --entries 100000    a smaller store (quick look)
//   npm run bench:queries -- --budget 5          seconds spent per case (default 3)
//   npm run bench:queries -- --only search       one group: timeline, actor, search or as-of (/timeline as_of:)
//   npm run bench:queries -- --pragma mmap_size=2147418112   try a connection setting (repeatable)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import type { Caller } from '../src/core/caller.js';
import { silentLogger } from '../src/core/logger.js';
import { buildStore, type BuildStats } from './build-store.js';
import { buildCases, type Case } from './cases.js';
import { describeMachine, type Machine } from './machine.js';
import { ms, summarize, thousands, type Summary } from './stats.js';

const TARGET_P99_MS = 5;
/** Past views (/timeline as_of:) rebuild the dossier at an instant: the issue sets them 20 ms. */
const AS_OF_TARGET_P99_MS = 20;
const targetOf = (group: Case['group']) => (group === 'as-of' ? AS_OF_TARGET_P99_MS : TARGET_P99_MS);
/** How a group's cases are typed: past views are /timeline with as_of. */
const commandOf = (group: Case['group']) => (group === 'as-of' ? 'timeline' : group);
const TARGET_RATIO = 2;
const SEED = 20_251_120;
const MIN_ITERATIONS = 30;
const MAX_ITERATIONS = 3_000;

const { values: options } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    rebuild: { type: 'boolean', default: false },
    'keep-store': { type: 'boolean', default: false },
    budget: { type: 'string', default: '3' },
    only: { type: 'string' },
    pragma: { type: 'string', multiple: true, default: [] },
  },
});
const entryCount = Number(options.entries);
const budgetMs = Number(options.budget) * 1000;

const benchDir = fileURLToPath(new URL('./', import.meta.url));
const repoDir = fileURLToPath(new URL('../', import.meta.url));
const dataDir = join(benchDir, '.data');
const dbPath = join(dataDir, `store-${entryCount}.db`);
const metaPath = `${dbPath}.json`;

interface StoreMeta {
  fingerprint: string;
  build: BuildStats;
  builtAt: string;
}

/** Everything the built file depends on: schema, seed dossier, generator code, size and seed. */
function fingerprint(): string {
  const hash = createHash('sha256').update(`${entryCount}:${SEED}`);
  const files = [
    ...readdirSync(join(repoDir, 'data/migrations')).sort().map((f) => join(repoDir, 'data/migrations', f)),
    ...readdirSync(join(repoDir, 'data/seed')).sort().map((f) => join(repoDir, 'data/seed', f)),
    ...['build-store.ts', 'entry-history.ts', 'random.ts', 'vocabulary.ts'].map((f) => join(benchDir, f)),
  ];
  for (const file of files) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

function ensureStore(): StoreMeta {
  mkdirSync(dataDir, { recursive: true });
  const wanted = fingerprint();
  if (!options.rebuild && existsSync(dbPath) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as StoreMeta;
    if (meta.fingerprint === wanted || options['keep-store']) {
      if (meta.fingerprint !== wanted) console.log('The store was built by other migrations or generator code (--keep-store): opening it migrates it forward.');
      console.log(`Reusing ${dbPath} (built ${meta.builtAt} in ${meta.build.seconds.total.toFixed(0)} s; --rebuild to build again)\n`);
      return meta;
    }
  }
  console.log(`Building ${thousands(entryCount)} entries into ${dbPath}…`);
  const build = buildStore({ path: dbPath, entries: entryCount, seed: SEED, history: true, log: (m) => console.log(m) });
  const meta: StoreMeta = { fingerprint: wanted, build, builtAt: new Date().toISOString() };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`Built in ${build.seconds.total.toFixed(1)} s\n`);
  return meta;
}

interface Result {
  group: Case['group'];
  name: string;
  matches: string;
  variants: number;
  command: Summary;
  raw: Summary;
  /** Command p99 within its target (TARGET_P99_MS, or AS_OF_TARGET_P99_MS for past views). */
  fast: boolean;
  /** Command within TARGET_RATIO× the raw SQL: at p50 and at p99. */
  ratio: { p50: number; p99: number };
}

/** A full GC when the process runs with --expose-gc (npm run bench:queries passes it). */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

const meetsRatio = (r: Result) => r.ratio.p50 <= TARGET_RATIO && r.ratio.p99 <= TARGET_RATIO;

async function measure(c: Case, run: (variant: Case['variants'][number]) => Promise<unknown>): Promise<Result> {
  const command: number[] = [];
  const raw: number[] = [];
  for (const variant of c.variants) {
    for (let i = 0; i < 2; i++) {
      await run(variant);
      variant.raw();
    }
  }
  // Collect what earlier cases and the set-up left behind, so that a full collection of their
  // garbage does not land in this case's samples (its own allocations still are collected in them).
  collectGarbage();
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < MAX_ITERATIONS && (i < MIN_ITERATIONS || performance.now() < deadline); i++) {
    const variant = c.variants[i % c.variants.length]!;
    // Alternate which side goes first so neither always finds the cache warmed by the other.
    const timeCommand = async () => {
      const t0 = performance.now();
      await run(variant);
      command.push(performance.now() - t0);
    };
    const timeRaw = () => {
      const t0 = performance.now();
      variant.raw();
      raw.push(performance.now() - t0);
    };
    if (i % 2 === 0) {
      await timeCommand();
      timeRaw();
    } else {
      timeRaw();
      await timeCommand();
    }
  }
  const commandSummary = summarize(command);
  const rawSummary = summarize(raw);
  return {
    group: c.group,
    name: c.name,
    matches: c.matches,
    variants: c.variants.length,
    command: commandSummary,
    raw: rawSummary,
    fast: commandSummary.p99 <= targetOf(c.group),
    ratio: { p50: commandSummary.p50 / rawSummary.p50, p99: commandSummary.p99 / rawSummary.p99 },
  };
}

function table(results: Result[]): string {
  const lines = [
    '| Case | Matching entries | Samples | Command p50 | Command p99 | Raw SQL p50 | Raw SQL p99 | ×raw p50 | ×raw p99 | p99 ≤ target (5 ms; as_of 20 ms) | ≤ 2× raw |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|',
  ];
  for (const r of results) {
    const ratio = meetsRatio(r) ? 'yes' : r.ratio.p50 <= TARGET_RATIO ? 'p50 only' : '**no**';
    lines.push(
      `| \`/${commandOf(r.group)}\` ${r.name} | ${r.matches} | ${thousands(r.command.n)} | ${ms(r.command.p50)} | ${ms(r.command.p99)} | ` +
        `${ms(r.raw.p50)} | ${ms(r.raw.p99)} | ${r.ratio.p50.toFixed(2)} | ${r.ratio.p99.toFixed(2)} | ${r.fast ? 'yes' : '**no**'} | ${ratio} |`,
    );
  }
  return lines.join('\n');
}

function machineLine(m: Machine): string {
  return (
    `${m.nproc} cores (nproc), ${m.cpu}, ${m.memoryGiB} GiB RAM, Node ${m.node}, SQLite ${m.sqlite}, ` +
    `load average ${m.load.join(' / ')}`
  );
}

async function main(): Promise<void> {
  const meta = ensureStore();
  const app = createApp({ dbPath, admins: [], logger: silentLogger });
  for (const pragma of options.pragma) console.log(`PRAGMA ${pragma} → ${JSON.stringify(app.db.pragma(pragma))}`);
  const caller: Caller = { platform: 'console', userId: 'bench', localOperator: true };
  const machineBefore = describeMachine(app.db.prepare('SELECT sqlite_version()').pluck().get() as string);
  console.log(`Machine: ${machineLine(machineBefore)}`);
  const b = meta.build;
  console.log(
    `Store: ${thousands(b.entries)} entries (${thousands(b.liveEntries)} live) with ${thousands(b.revisions)} revisions, ${thousands(b.actors)} actors with ` +
      `${thousands(b.actorNames)} names, ${thousands(b.places)} places, ${thousands(b.entryActors)} actor links, ` +
      `${thousands(b.entryPlaces)} place links, ${thousands(b.sources)} sources; ${(b.fileBytes / 2 ** 30).toFixed(2)} GiB; ` +
      `built in ${b.seconds.total.toFixed(0)} s (rows ${b.seconds.load.toFixed(0)} s, search index ${b.seconds.searchIndex.toFixed(0)} s, ` +
      `co-actor counts ${b.seconds.pairs.toFixed(0)} s)\n`,
  );

  console.log('Picking parameters and checking that every command agrees with its raw SQL…');
  const cases = buildCases(app.db).filter((c) => !options.only || c.group === options.only);
  const run = (variant: Case['variants'][number]) => app.dispatcher.run({ command: variant.command, args: variant.args, caller });
  const mismatches: string[] = [];
  for (const c of cases) {
    for (const variant of c.variants) {
      const problem = variant.mismatch(await run(variant), variant.raw());
      if (problem) mismatches.push(`${c.group} / ${c.name}: ${problem}`);
    }
  }
  if (mismatches.length > 0) {
    console.error(`\n${mismatches.length} case(s) disagree with their raw SQL:\n${mismatches.join('\n')}`);
    process.exitCode = 1;
  }

  // Warm up: every variant a few times, so the first cases do not pay for JIT and cold pages.
  for (let round = 0; round < 3; round++) {
    for (const c of cases) for (const variant of c.variants) (await run(variant), variant.raw());
  }

  const results: Result[] = [];
  const started = performance.now();
  for (const c of cases) {
    const result = await measure(c, run);
    results.push(result);
    console.log(
      `  ${`/${commandOf(c.group)} ${c.name}`.padEnd(60)} command p50 ${ms(result.command.p50).padStart(6)} p99 ${ms(result.command.p99).padStart(6)} ms` +
        ` | raw p50 ${ms(result.raw.p50).padStart(6)} p99 ${ms(result.raw.p99).padStart(6)} ms` +
        `${result.fast ? '' : `  ← p99 over ${targetOf(c.group)} ms`}${meetsRatio(result) ? '' : '  ← over 2× raw'}`,
    );
  }
  const machineAfter = describeMachine(machineBefore.sqlite);
  console.log(`\nMeasured in ${((performance.now() - started) / 1000).toFixed(0)} s; load average after: ${machineAfter.load.join(' / ')}\n`);
  console.log(table(results));
  const slow = results.filter((r) => !r.fast).length;
  const heavy = results.filter((r) => !meetsRatio(r)).length;
  console.log(
    `\nTarget: p99 ≤ ${TARGET_P99_MS} ms (past views ${AS_OF_TARGET_P99_MS} ms) — met by ${results.length - slow} of ${results.length} cases; ` +
      `≤ ${TARGET_RATIO}× the raw SQL at p50 and p99 — met by ${results.length - heavy} of ${results.length}.`,
  );
  const out = join(dataDir, 'last-run.json');
  writeFileSync(
    out,
    `${JSON.stringify({ machine: { before: machineBefore, after: machineAfter }, pragmas: options.pragma, store: meta, results, mismatches }, null, 2)}\n`,
  );
  console.log(`Results: ${out}`);
  app.close();
}

await main();
