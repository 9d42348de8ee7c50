// Who holds a lease: `host:pid:random`, as the digest runtime names each process (runtime.ts).
// A process killed outright (kill -9, a crash) leaves its leases behind until they expire; one
// on this host whose pid is gone holds nothing, so its leases are taken over at once — as
// `npm run restore` treats such a process as stopped (bot-presence.ts).
import { hostname } from 'node:os';
import { processAlive } from './process-alive.js';

/** `vm:863:c4c5eb` read back: the host and pid it names; undefined for any other holder. */
export function holderProcess(holder: string): { host: string; pid: number } | undefined {
  const match = /^(.+):(\d+):[0-9a-f]+$/.exec(holder);
  if (!match) return undefined;
  const pid = Number(match[2]);
  return Number.isSafeInteger(pid) && pid > 0 ? { host: match[1]!, pid } : undefined;
}

/**
 * Whether `holder` names a process of this host that no longer runs. A holder of another host,
 * or with this process's pid (another runtime of this process), is never judged gone: only its
 * lease's expiry tells.
 */
export function holderIsGone(holder: string): boolean {
  const named = holderProcess(holder);
  if (!named || named.host !== hostname() || named.pid === process.pid) return false;
  return !processAlive(named.pid);
}
