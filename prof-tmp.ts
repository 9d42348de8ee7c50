import { openDatabase } from './src/store/connection.js';
const db = openDatabase('bench/.data/store-100000.db');
const before = '2025-10-21T00:00:00.000Z';
const sql = `SELECT count(*) FROM (SELECT 1 FROM (SELECT s.entry_id AS entry_id, s.day_from AS day_from, s.day_to AS day_to, s.topic AS topic, s.event_type AS event_type, s.valid_from AS valid_from, s.valid_to AS valid_to FROM entry_spans s INDEXED BY entry_spans_by_date WHERE s.day_from <= ? ORDER BY s.day_from DESC, s.entry_id DESC LIMIT ?) AS s WHERE s.valid_from < ? AND (s.valid_to IS NULL OR s.valid_to >= ?) LIMIT ?)`;
for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all('2025-12-01', 20000, before, before, 1001) as any[]) console.log(r.detail);
const st = db.prepare(sql).pluck();
const plain = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM entry_spans s INDEXED BY entry_spans_by_date WHERE s.day_from <= ? AND s.valid_from < ? AND (s.valid_to IS NULL OR s.valid_to >= ?) LIMIT ?)`).pluck();
const probe = db.prepare('SELECT count(*) FROM (SELECT 1 FROM entry_spans s INDEXED BY entry_spans_by_start WHERE s.valid_from < ? LIMIT ?)').pluck();
const bench = (name: string, fn: () => unknown) => { for (let i = 0; i < 5; i++) fn(); const t0 = performance.now(); for (let i = 0; i < 100; i++) fn(); console.log(name, ((performance.now() - t0) / 100).toFixed(3), fn()); };
for (let r = 0; r < 2; r++) {
  bench('bounded', () => st.get('2025-12-01', 20000, before, before, 1001));
  bench('plain capped', () => plain.get('2025-12-01', before, before, 1001));
  bench('probe', () => probe.get(before, 4000));
}
