// Where an import's bytes go: imports N rows (default 20,000) into a fresh seeded store the way
// bench:import does, then prints dbstat's pages per table and index, divided by the rows written.
//
//   npx tsx bench/import-dbstat.ts -- --rows 20000 [--keep FILE]
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import { silentLogger } from '../src/core/logger.js';
import { writeImport } from '../src/transfer/bulk-write.js';
import { planImport } from '../src/transfer/import-plan.js';
import { RowPlaces } from '../src/transfer/row-places.js';
import { readRows } from '../src/transfer/row-reader.js';
import { ndjson } from '../tests/support/import-rows.js';
import { storedBytes } from './import-floor.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, keep: { type: 'string' } }, allowPositionals: true });
const rowCount = Number(values.rows);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-dbstat-'));
try {
  const dbPath = join(dir, 'store.db');
  const app = createApp({ dbPath, admins: [], logger: silentLogger });
  const sizeOf = () =>
    new Map((app.db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes]));
  storedBytes(app.db, dbPath);
  const before = sizeOf();
  const sizeBefore = storedBytes(app.db, dbPath);
  const rows = readRows(ndjson(rowCount), 'ndjson');
  const plan = planImport(rows, app.db, app.dossier, undefined, { places: new RowPlaces(app.services.places, false) });
  writeImport(app.db, plan.accepted, { by: 'bench', at: new Date().toISOString() });
  const sizeAfter = storedBytes(app.db, dbPath);
  const after = sizeOf();
  const n = plan.accepted.length;
  const owners = new Map((app.db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table','index')").all() as { name: string; tbl_name: string }[]).map((r) => [r.name, r.tbl_name]));
  const grown = [...after].map(([name, bytes]) => ({ name, table: owners.get(name) ?? name, perEntry: (bytes - (before.get(name) ?? 0)) / n })).filter((r) => Math.abs(r.perEntry) >= 0.5);
  grown.sort((a, b) => b.perEntry - a.perEntry);
  const byTable = new Map<string, number>();
  for (const r of grown) byTable.set(r.table, (byTable.get(r.table) ?? 0) + r.perEntry);
  console.log(`${n} entries; file growth ${Math.round((sizeAfter - sizeBefore) / n)} bytes per entry; dbstat sum ${Math.round(grown.reduce((s, r) => s + r.perEntry, 0))}`);
  console.log('\nper table with its indexes:');
  for (const [table, bytes] of [...byTable].sort((a, b) => b[1] - a[1])) console.log(`  ${table.padEnd(36)} ${Math.round(bytes).toString().padStart(6)}`);
  console.log('\nper b-tree:');
  for (const r of grown) console.log(`  ${r.name.padEnd(44)} ${Math.round(r.perEntry).toString().padStart(6)}`);
  app.close();
  if (values.keep) copyFileSync(dbPath, values.keep);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
