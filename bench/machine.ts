// What the figures were measured on, printed with every run.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  /** The flags node ran with (V8's pool and young generation change the figures). */
  nodeFlags: string;
  sqlite: string;
  load: [number, number, number];
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    // not Linux: fall back to what Node reports
  }
  return cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(sqliteVersion: string): Machine {
  return {
    nproc: availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    nodeFlags: process.execArgv.join(' ') || 'none',
    sqlite: sqliteVersion,
    load: loadavg().map((l) => Math.round(l * 100) / 100) as [number, number, number],
  };
}
