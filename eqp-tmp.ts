import { openDatabase } from './src/store/connection.js';
import { StatementCache } from './src/store/statement-cache.js';
import { queryTimelineAsOf } from './src/store/as-of-timeline.js';
const db = openDatabase('bench/.data/store-100000.db');
class Logged extends StatementCache { seen: string[] = []; get(sql: string) { if (!this.seen.includes(sql)) this.seen.push(sql); return super.get(sql); } }
const heavy = db.prepare("SELECT actor_id FROM entry_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1").pluck().get() as number;
const cases: [string, any, string][] = [
  ['actor', { actorId: heavy, limit: 10, offset: 0 }, '2025-10-21T00:00:00.000Z'],
  ['year', { limit: 10, offset: 0 }, '2024-11-20T00:00:00.000Z'],
  ['since', { since: '2025-11-01', limit: 10, offset: 0 }, '2025-11-13T00:00:00.000Z'],
];
for (const [name, q, before] of cases) {
  const cache = new Logged(db);
  let t = performance.now(); queryTimelineAsOf(cache, q, before); const first = performance.now() - t;
  t = performance.now(); for (let i = 0; i < 20; i++) queryTimelineAsOf(cache, q, before); console.log(`== ${name}: ${first.toFixed(1)} ms first, ${((performance.now() - t) / 20).toFixed(1)} ms avg`);
  for (const sql of cache.seen) {
    const params = (sql.match(/\?/g) ?? []).map(() => null);
    const st = db.prepare(sql);
    const t2 = performance.now();
    console.log('--', sql.replace(/\s+/g, ' ').slice(0, 400));
    try { for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...params) as any[]) console.log('   ', r.detail); } catch (e) { console.log(String(e)); }
  }
}
