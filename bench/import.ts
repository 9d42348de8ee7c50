// npm run bench:import — import throughput for a 100,000-row file (target ≥ 20,000 rows/s end to
// end, ≤ 1.2 KB stored per entry) and the latency of /entry add through the dispatcher. Phases are
// timed separately: reading the file, checking every row (the same checks /entry add makes), and
// the one-transaction write; beside them, the floor (bench/import-floor.ts) in a second store.
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
import { readRows } from '../src/transfer/row-reader.js';
import { ndjson } from '../tests/support/import-rows.js';
import { storedBytes, writeFloor } from './import-floor.js';
import { describeMachine } from './machine.js';
import { ms, summarize, thousands } from './stats.js';

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
  let t = performance.now();
  const rows = readRows(readFileSync(file, 'utf8'), 'ndjson');
  const readMs = performance.now() - t;
  t = performance.now();
  const plan = planImport(rows, app.db, app.dossier);
  const checkMs = performance.now() - t;
  t = performance.now();
  writeImport(app.db, plan.accepted, { by: 'bench', at: new Date().toISOString() });
  const writeMs = performance.now() - t;
  const bytesPerEntry = Math.round((storedBytes(app.db, dbPath) - sizeBefore) / Math.max(1, plan.accepted.length));
  const floorPath = join(dir, 'floor.db');
  const floor = createApp({ dbPath: floorPath, admins: [], logger: silentLogger });
  const floorBefore = storedBytes(floor.db, floorPath);
  const floorMs = writeFloor(floor.db, plan.accepted, { by: 'bench', at: new Date().toISOString() });
  const floorBytes = Math.round((storedBytes(floor.db, floorPath) - floorBefore) / Math.max(1, plan.accepted.length));
  floor.close();
  const totalMs = readMs + checkMs + writeMs;
  const rate = (n: number, msTaken: number) => thousands(Math.round(n / (msTaken / 1000)));
  console.log(`\nImport of ${thousands(rowCount)} NDJSON rows (${thousands(plan.accepted.length)} accepted):`);
  console.log(`  read   ${ms(readMs).padStart(8)} ms`);
  console.log(`  check  ${ms(checkMs).padStart(8)} ms  (${rate(rowCount, checkMs)} rows/s)`);
  console.log(`  write  ${ms(writeMs).padStart(8)} ms  (${rate(rowCount, writeMs)} rows/s, one transaction)`);
  console.log(`  total  ${ms(totalMs).padStart(8)} ms  → ${rate(rowCount, totalMs)} rows/s (target ≥ ${thousands(TARGET_ROWS_PER_SECOND)})`);
  console.log(`  stored ${thousands(bytesPerEntry).padStart(8)} bytes per entry (file growth after a checkpoint; target ≤ ${thousands(TARGET_BYTES_PER_ENTRY)})`);
  console.log(`  floor  ${ms(floorMs).padStart(8)} ms  (${rate(rowCount, floorMs)} rows/s, ${thousands(floorBytes)} bytes per entry: the same rows by plain prepared inserts)`);
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
