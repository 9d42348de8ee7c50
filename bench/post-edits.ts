// Corrections fan-out benchmark: one entry shown in the digests of 1,000 channels is corrected
// with /entry edit through the dispatcher; the trigger on the revision log queues one edit per
// message that showed it. Target: all edits queued in under 1 s (the correction's whole
// command, queueing included). The posts are 14 days of daily digests in every channel, each
// showing --shown entries, so the index holds what a busy fortnight leaves. Then the queued
// edits are drawn and handed to a poster that does nothing, to show what carrying them out costs.
// It runs compiled, as the bot does in production:
//
//   npm run bench:edits                                   1,000 channels × 14 days × 20 entries shown
//   node dist/bench/post-edits.js --channels 100          a smoke run
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../src/app.js';
import type { Caller } from '../src/core/caller.js';
import type { EntryInput } from '../src/core/domain.js';
import { silentLogger } from '../src/core/logger.js';
import type { Poster } from '../src/core/poster.js';
import { span } from '../src/core/view.js';
import { SqlitePostEdits } from '../src/store/post-edits.js';
import { describeMachine } from './machine.js';
import { ms, summarize, thousands } from './stats.js';

const TARGET_MS = 1_000;
const { values } = parseArgs({
  options: {
    channels: { type: 'string', default: '1000' },
    days: { type: 'string', default: '14' },
    shown: { type: 'string', default: '20' },
    corrections: { type: 'string', default: '20' },
  },
});
const CHANNELS = Number(values.channels);
const DAYS = Number(values.days);
const SHOWN = Number(values.shown);
const CORRECTIONS = Number(values.corrections);
const admin: Caller = { platform: 'console', userId: 'bench', localOperator: true };
const DAY_MS = 24 * 3600_000;

const entry = (i: number): EntryInput => ({
  topic: 'syria-israel',
  title: `Bench report ${i}`,
  summary: 'A report the digests of the fortnight showed.',
  eventType: 'talks',
  start: { year: 2025, month: 7, day: (i % 28) + 1 },
  confidence: 'reported',
  places: [],
  actors: [],
  sources: [{ outlet: 'Reuters', url: `https://bench.example/${i}` }],
  tags: [],
});

const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-edits-'));
try {
  const app = createApp({ dbPath: join(dir, 'store.db'), admins: [], logger: silentLogger });
  const stamp = { by: 'bench', at: new Date().toISOString() };
  const ids = Array.from({ length: DAYS * SHOWN }, (_, i) => app.services.editor.addEntry(entry(i), stamp));
  const target = ids[0]!;
  const quiet = app.services.editor.addEntry(entry(ids.length), stamp);
  const store = new SqlitePostEdits(app.db);
  const started = performance.now();
  const now = Date.now();
  app.db.transaction(() => {
    for (let day = 0; day < DAYS; day += 1) {
      // Each day's digest shows that day's entries; the first day's shows the corrected one, in every channel.
      const shown = ids.slice(day * SHOWN, (day + 1) * SHOWN);
      const view = { title: 'Sitrep digest', tone: 'normal' as const, sections: shown.map((id) => ({ heading: [span.bold(`#${id}`)], lines: [[span.plain('…')]], entryId: id })) };
      const places = shown.map((entryId, section) => ({ entryId, section }));
      for (let channel = 0; channel < CHANNELS; channel += 1) {
        const post = { platform: 'discord', channelId: `c${channel}`, context: '', zone: 'UTC', view, refs: [`m${day}-${channel}`], postedAt: new Date(now - (DAYS - 1 - day) * DAY_MS) };
        store.remember(post, places);
      }
    }
  })();
  const rows = app.db.prepare('SELECT count(*) FROM shown_entries').pluck().get() as number;
  const rememberMs = performance.now() - started;
  console.log(`Remembered ${thousands(DAYS * CHANNELS)} posts showing ${thousands(rows)} entries in ${ms(rememberMs)} ms (${ms(rememberMs / (DAYS * CHANNELS))} ms a post)`);

  const queued = () => app.db.prepare("SELECT count(*) FROM post_edits WHERE status = 'queued'").pluck().get() as number;
  const correct = async (id: number, i: number) => {
    const t = performance.now();
    const view = await app.dispatcher.runText(`/entry edit id:${id} confidence:${i % 2 === 0 ? 'confirmed' : 'reported'}`, admin);
    const took = performance.now() - t;
    if (view.tone !== 'success') throw new Error(`/entry edit failed: ${view.title}`);
    return took;
  };
  const fanOut: number[] = [];
  const alone: number[] = [];
  for (let i = 0; i < CORRECTIONS; i += 1) {
    app.db.prepare("UPDATE post_edits SET status = 'done'").run();
    fanOut.push(await correct(target, i));
    if (queued() !== CHANNELS) throw new Error(`expected ${CHANNELS} edits queued, found ${queued()}`);
    alone.push(await correct(quiet, i));
  }
  const fan = summarize(fanOut);
  const base = summarize(alone);
  console.log(`\nOne entry shown in ${thousands(CHANNELS)} channels' digests, corrected with /entry edit (${fan.n} times):`);
  console.log(`  with ${thousands(CHANNELS)} edits queued  p50 ${ms(fan.p50)} ms, max ${ms(fan.max)} ms (target < ${thousands(TARGET_MS)} ms) ${fan.max < TARGET_MS ? 'met' : 'MISSED'}`);
  console.log(`  an entry shown in no post's digest: p50 ${ms(base.p50)} ms, max ${ms(base.max)} ms`);

  // The edits carried out through a poster that does nothing: drawing each post and settling its row.
  const noop: Poster = { platform: 'discord', accessHelp: () => '', post: async () => ({ refs: [] }), update: async () => undefined };
  app.digests.posters.register(noop);
  const t = performance.now();
  const edited = await app.digests.edits!.runDue(['discord']);
  const runMs = performance.now() - t;
  console.log(`  carrying them out (drawn, handed to a no-op poster, settled): ${thousands(edited)} edits in ${ms(runMs)} ms`);
  console.log(`\nMachine: ${JSON.stringify(describeMachine(app.db.prepare('SELECT sqlite_version()').pluck().get() as string))}`);
  app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
