// Catch-up slot arithmetic for a frequent schedule: what the heartbeat's sweep computes for each
// subscription found due after an outage, before the bot answers commands. Part of
// `npm run bench:digest`; alone: `npx tsx bench/digest/catch-up.ts`.
import { fileURLToPath } from 'node:url';
import { dueSlot, slotAfter } from '../../src/scheduler/slots.js';

const DAY_MS = 86_400_000;
const OWED = Date.parse('2026-11-05T10:00:00Z');
const sub = { cron: '*/15 * * * *', timezone: 'Europe/Paris', nextSlotAt: new Date(OWED) };

export interface CatchUpFigures {
  /** Days down → ms for one dueSlot (and the slots it counted). */
  dueSlot: { days: number; ms: number; missed: number }[];
  /** Mean µs of one next-slot computation (after each delivery, at subscribe, in /digest list). */
  slotAfterUs: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function measureCatchUp(): CatchUpFigures {
  dueSlot(sub, new Date(OWED + DAY_MS)); // warm the formatters and the JIT
  const due = [1, 3, 30, 365].map((days) => {
    const started = performance.now();
    const { missed } = dueSlot(sub, new Date(OWED + days * DAY_MS));
    return { days, ms: round(performance.now() - started), missed };
  });
  const runs = 1000;
  const started = performance.now();
  for (let i = 0; i < runs; i++) slotAfter(sub, new Date(OWED + i * 3_600_000));
  return { dueSlot: due, slotAfterUs: round(((performance.now() - started) * 1000) / runs) };
}

export function catchUpText(f: CatchUpFigures): string {
  const due = f.dueSlot.map((d) => `${d.days} d ${d.ms} ms (${d.missed.toLocaleString('en-US')} missed)`).join(', ');
  return `catch-up, */15 down: ${due}; next slot ${f.slotAfterUs} µs`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(catchUpText(measureCatchUp()));
