// npm run bench:import — import throughput for a 100,000-row file (target ≥ 20,000 rows/s end to
// end, ≤ 1.2 KB stored per entry) and the latency of /entry add through the dispatcher. Phases are
// timed separately: reading the file, checking every row (the same checks /entry add makes, places
// against the gazetteer included), and the one-transaction write; beside them, the floor
// (bench/import-floor.ts) in a second store.
//
//   npm run bench:import                     100,000 rows, 2,000 /entry add calls
//   npm run bench:import -- --rows 20000     a quicker look
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import type { Caller } from '../src/core/caller.js';
import { silentLogger } from '../src/core/logger.js';
import { writeImport } from '../src/transfer/bulk-write.js';
import { planImport } from '../src/transfer/import-plan.js';
import { RowPlaces } from '../src/transfer/row-places.js';
import { readRows } from '../src/transfer/row-reader.js';
import { ndjson } from '../tests/support/import-rows.js';
import { storedBytes, writeFloor } from './import-floor.js';
import { describeMachine } from './machine.js';
import { ms, summarize, thousands, timed, type Timed } from './stats.js';

const TARGET_ROWS_PER_SECOND = 20_000;
const TARGET_BYTES_PER_ENTRY = 1200;
const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, adds: { type: 'string', default: '2000' } } });
const rowCount = Number(values.rows);
const addCount = Number(values.adds);

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-import-'));
try {
  const file = join(dir, 'rows.ndjson');
  writeFileSync(file, ndjson(rowCount));
  const dbPath = join(dir, 'store.db');
  const app = createApp({ dbPath, admins: [], logger: silentLogger });
  const sizeBefore = storedBytes(app.db, dbPath);
  const machine = describeMachine(app.db.prepare('SELECT sqlite_version()').pluck().get() as string);
  console.log(`Machine: ${machine.cpu}, ${machine.nproc} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, SQLite ${machine.sqlite}, load ${machine.load.join(' ')}`);

  const { readFileSync } = await import('node:fs');
  const stamp = () => ({ by: 'bench', at: new Date().toISOString() });
  const read = timed(() => readRows(readFileSync(file, 'utf8'), 'ndjson'));
  const rows = read.result;
  // Places checked against the gazetteer, as `npm run import` checks them.
  const check = timed(() => planImport(rows, app.db, app.dossier, undefined, { places: new RowPlaces(app.services.places, false) }));
  const plan = check.result;
  const write = timed(() => writeImport(app.db, plan.accepted, stamp()));
  const bytesPerEntry = Math.round((storedBytes(app.db, dbPath) - sizeBefore) / Math.max(1, plan.accepted.length));
  const floorPath = join(dir, 'floor.db');
  const floor = createApp({ dbPath: floorPath, admins: [], logger: silentLogger });
  const floorBefore = storedBytes(floor.db, floorPath);
  const floorRun = timed(() => writeFloor(floor.db, plan.accepted, stamp()));
  const floorBytes = Math.round((storedBytes(floor.db, floorPath) - floorBefore) / Math.max(1, plan.accepted.length));
  floor.close();
  const total = { ms: read.ms + check.ms + write.ms, cpuMs: read.cpuMs + check.cpuMs + write.cpuMs };
  const rate = (n: number, msTaken: number) => thousands(Math.round(n / (msTaken / 1000)));
  // CPU time beside wall time: on a shared machine others' work stretches the wall time only.
  const times = (t: Timed<unknown> | typeof total) => `${ms(t.ms).padStart(8)} ms (CPU ${ms(t.cpuMs).padStart(6)} ms)`;
  console.log(`\nImport of ${thousands(rowCount)} NDJSON rows (${thousands(plan.accepted.length)} accepted):`);
  console.log(`  read   ${times(read)}`);
  console.log(`  check  ${times(check)}  (${rate(rowCount, check.ms)} rows/s)`);
  console.log(`  write  ${times(write)}  (${rate(rowCount, write.ms)} rows/s, one transaction)`);
  console.log(`  total  ${times(total)}  → ${rate(rowCount, total.ms)} rows/s (target ≥ ${thousands(TARGET_ROWS_PER_SECOND)}; ${rate(rowCount, total.cpuMs)} rows per CPU second)`);
  console.log(`  stored ${thousands(bytesPerEntry).padStart(8)} bytes per entry (file growth after a checkpoint; target ≤ ${thousands(TARGET_BYTES_PER_ENTRY)})`);
  console.log(`  floor  ${times(floorRun)}  (${rate(rowCount, floorRun.ms)} rows/s, ${thousands(floorBytes)} bytes per entry: the same rows by plain prepared inserts)`);
  console.log(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const admin: Caller = { platform: 'console', userId: 'bench', localOperator: true };
  const samples: number[] = [];
  for (let i = 0; i < addCount; i += 1) {
    const started = performance.now();
    const view = await app.dispatcher.runText(
      `/entry add title:"Bench add ${i}" date:2025-08-${String((i % 28) + 1).padStart(2, '0')} type:talks topic:syria-israel ` +
        `actors:"Syria:participant, Israel:participant" places:"Baku, Azerbaijan" outlet:AFP source_url:https://bench.example/${i}`,
      admin,
    );
    samples.push(performance.now() - started);
    if (view.tone !== 'success') throw new Error(`/entry add failed: ${view.title}`);
  }
  const latency = summarize(samples);
  console.log(`\n/entry add through the dispatcher on that store (${thousands(latency.n)} calls): p50 ${ms(latency.p50)} ms, p99 ${ms(latency.p99)} ms, max ${ms(latency.max)} ms`);
  app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
