// Prints the sources benchmark's figures against its targets, then the same as one JSON line.
import type { Machine } from '../machine.js';
import { ms, thousands } from '../stats.js';
import type { CycleCost } from './cycle-meter.js';
import type { Floor } from './floor.js';
import type { ProbeResult, TimelineArgs } from './timeline-probe.js';

export const TARGET_ITEMS_PER_S = 10_000;
export const TARGET_RSS_MB = 200;
export const TARGET_TIMELINE_P99_MS = 5;

export interface CycleReport {
  name: string;
  feedBytes: number;
  counts: { checks: number; items: number; seen: number; failed: number };
  outcomes: Record<string, number>;
  candidates: number;
  cost: CycleCost;
  timeline: ProbeResult;
}

export interface BenchReport {
  runtime: string;
  machine: Machine;
  loadBefore: number[];
  loadAfter: number[];
  entries: number;
  sources: number;
  items: number;
  fresh: number;
  store: string;
  rss: { boot: number; libraries: number; peakMb: number };
  idle: ProbeResult;
  cycles: CycleReport[];
  cards: number;
  variants: TimelineArgs[];
  floor: Floor;
}

const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const probeLine = (p: ProbeResult) =>
  `p50 ${ms(p.response.p50)} · p99 ${ms(p.response.p99)} · max ${ms(p.response.max)} ms (command alone p99 ${ms(p.service.p99)} ms; ${thousands(p.response.n)} requests${p.errors ? `, ${p.errors} errors` : ''})`;

function cycleLines(c: CycleReport): string[] {
  const perSecond = c.counts.items / (c.cost.ms / 1000);
  const fresh = c.counts.items - c.counts.seen;
  const outcomes = Object.entries(c.outcomes).map(([k, n]) => `${k} ${thousands(n)}`).join(', ');
  return [
    `  cycle "${c.name}": ${thousands(c.counts.checks)} checks, ${thousands(c.counts.items)} items (${thousands(fresh)} new: ${outcomes || 'none'}), ${(c.feedBytes / 2 ** 20).toFixed(1)} MB of feeds${c.counts.failed ? `, ${c.counts.failed} FAILED` : ''}`,
    `    wall ${(c.cost.ms / 1000).toFixed(2)} s → ${thousands(Math.round(perSecond))} items/s   ${pass(perSecond >= TARGET_ITEMS_PER_S)} ≥ ${thousands(TARGET_ITEMS_PER_S)}`,
    Number.isNaN(c.cost.fetchMs)
      ? `    fetched, parsed and recorded in the checks' worker; ${thousands(c.candidates)} candidates proposed`
      : `    fetch + parse (awaited, summed over the checks running at once) ${(c.cost.fetchMs / 1000).toFixed(2)} s; ${thousands(c.candidates)} candidates proposed`,
    `    main thread busy ${(c.cost.mainThreadBusy * 100).toFixed(0)} %, longest stall ${ms(c.cost.stallMaxMs)} ms (p99 ${ms(c.cost.stallP99Ms)} ms)`,
    `    CPU time: main thread ${(c.cost.mainCpuMs / 1000).toFixed(2)} s, other threads ${(c.cost.otherCpuMs / 1000).toFixed(2)} s (${thousands(Math.round((c.cost.mainCpuMs * 1000) / c.counts.items))} + ${thousands(Math.round((c.cost.otherCpuMs * 1000) / c.counts.items))} µs an item)`,
    `    /timeline during the cycle: ${probeLine(c.timeline)}   ${pass(c.timeline.response.p99 <= TARGET_TIMELINE_P99_MS)} ≤ ${TARGET_TIMELINE_P99_MS} ms`,
    `    RSS peak ${c.cost.rssPeakMb} MB (main heap ${c.cost.heapAtPeakMb} MB of which ${c.cost.heapUsedAtPeakMb} MB in use, external ${c.cost.externalAtPeakMb} MB), at the end ${c.cost.rssEndMb} MB   ${pass(c.cost.rssPeakMb < TARGET_RSS_MB)} < ${TARGET_RSS_MB} MB`,
    ...(c.cost.failures.length ? [`    failures: ${c.cost.failures.join(' | ')}`] : []),
  ];
}

function floorLine(f: Floor): string {
  const perSecond = (ms: number) => thousands(Math.round(f.items / (ms / 1000)));
  return [
    `  floor, ${thousands(f.items)} items on one thread: feedsmith alone ${perSecond(f.parseMs)} items/s (${(f.parseMs / 1000).toFixed(2)} s),`,
    `plain INSERTs ${perSecond(f.insertMs)} items/s (${(f.insertMs / 1000).toFixed(2)} s); the two overlapped on two cores: ${perSecond(Math.max(f.parseMs, f.insertMs))} items/s;`,
    `its process (node, discord.js, Bolt, the feeds fetched one at a time) ${f.librariesMb} MB with the libraries loaded, RSS peak ${f.rssPeakMb} MB`,
  ].join(' ');
}

export function report(r: BenchReport): void {
  const m = r.machine;
  console.log(
    [
      '',
      `Machine: ${m.cpu}, ${m.nproc} cores, ${m.memoryGiB} GiB, Node ${m.node} (flags: ${m.nodeFlags}), SQLite ${m.sqlite}`,
      `Load average before ${load(r.loadBefore)}, after ${load(r.loadAfter)}`,
      `Sources benchmark (${r.runtime}) — ${thousands(r.sources)} feeds × ${r.items} items, ${r.fresh} new per feed in the steady cycle, dossier of ${thousands(r.entries)} entries (${r.store})`,
      `  /timeline variants: ${r.variants.map((v) => JSON.stringify(v)).join(' ')}`,
      `  /timeline idle (no cycle): ${probeLine(r.idle)}`,
      ...r.cycles.flatMap(cycleLines),
      `  review cards posted (no-op poster): ${thousands(r.cards)}`,
      floorLine(r.floor),
      `  RSS: process ${r.rss.boot} MB, + discord.js, Bolt ${r.rss.libraries} MB, peak of the run ${r.rss.peakMb} MB`,
      '',
    ].join('\n'),
  );
  console.log(JSON.stringify({ bench: 'sources', ...r }));
}
