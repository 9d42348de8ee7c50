// What a navigation button carries in its value (JSON, at most 2,000 characters), and reading it
// back. Slack hands the value back on every press, so it is read strictly, as untrusted input:
// anything that is not exactly one of the shapes below is `malformed`, and nothing runs for it.
//
//   { o, q, i?, p? }  run the read-only invocation `q` again and show its part `i` (default 0):
//                     pages of a query and parts of a long answer, after a restart too
//   { o, k, p? }      a page query too long for a button, kept in memory under `k`
//   { o, s, i }       part `i` of an answer kept in memory under `s` (one that cannot be run again)
//
// `o` is the only user who may press; `p` the workspace's command prefix (workspace-commands.ts).
import type { Invocation } from '../../core/view.js';
import { MAX_BUTTON_VALUE } from './limits.js';
import { knownPrefix } from './workspace-commands.js';

export type NavValue =
  | { o: string; q: Invocation; i?: number; p?: string }
  | { o: string; k: string; p?: string }
  | { o: string; s: string; i: number };

export type ParsedNavValue = { kind: 'value'; value: NavValue } | { kind: 'malformed' };

/** The most parts one answer is split into that a button may name (Discord's page links agree). */
export const MAX_PART_INDEX = 999;

const USER_ID = /^[A-Za-z0-9]{1,64}$/;
const NAME = /^[a-z0-9_-]{1,32}$/;
const MEMORY_KEY = /^[0-9a-f]{16}$/;
const KEYS_OF = { q: ['o', 'q', 'i', 'p'], k: ['o', 'k', 'p'], s: ['o', 's', 'i'] } as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPartIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_PART_INDEX;

function isArgValue(v: unknown): v is string | number | boolean {
  return typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= MAX_BUTTON_VALUE);
}

/** An invocation as we write them, or undefined. Only its own keys are read. */
function readInvocation(v: unknown): Invocation | undefined {
  if (!isRecord(v) || typeof v.command !== 'string' || !NAME.test(v.command) || !isRecord(v.args)) return undefined;
  if (Object.keys(v).some((key) => key !== 'command' && key !== 'subcommand' && key !== 'args')) return undefined;
  if (v.subcommand !== undefined && (typeof v.subcommand !== 'string' || !NAME.test(v.subcommand))) return undefined;
  // A Map, then fromEntries: a name such as `__proto__` stays a plain (unknown) option.
  const args = new Map<string, string | number | boolean>();
  for (const [name, value] of Object.entries(v.args)) {
    if (!NAME.test(name) || !isArgValue(value)) return undefined;
    args.set(name, value);
  }
  return { command: v.command, ...(v.subcommand !== undefined ? { subcommand: v.subcommand } : {}), args: Object.fromEntries(args) };
}

function readValue(data: unknown): NavValue | undefined {
  if (!isRecord(data) || typeof data.o !== 'string' || !USER_ID.test(data.o)) return undefined;
  const shape = (['q', 'k', 's'] as const).filter((key) => key in data);
  if (shape.length !== 1) return undefined;
  const allowed: readonly string[] = KEYS_OF[shape[0]!];
  if (Object.keys(data).some((key) => !allowed.includes(key))) return undefined;
  const prefix = knownPrefix(data.p);
  const p = prefix ? { p: prefix } : {};
  if ('q' in data) {
    const q = readInvocation(data.q);
    if (!q || (data.i !== undefined && !isPartIndex(data.i))) return undefined;
    return { o: data.o, q, ...(data.i !== undefined ? { i: data.i as number } : {}), ...p };
  }
  if ('k' in data) return typeof data.k === 'string' && MEMORY_KEY.test(data.k) ? { o: data.o, k: data.k, ...p } : undefined;
  return typeof data.s === 'string' && MEMORY_KEY.test(data.s) && isPartIndex(data.i) ? { o: data.o, s: data.s, i: data.i } : undefined;
}

export function parseNavValue(value: string | undefined): ParsedNavValue {
  if (!value || value.length > MAX_BUTTON_VALUE) return { kind: 'malformed' };
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return { kind: 'malformed' };
  }
  const read = readValue(data);
  return read ? { kind: 'value', value: read } : { kind: 'malformed' };
}

/** The value for a button that runs `invocation` again, or undefined when it does not fit. */
export function rerunValue(owner: string, invocation: Invocation, part: number, prefix: string): string | undefined {
  if (!isPartIndex(part)) return undefined;
  const value = JSON.stringify({ o: owner, q: invocation, ...(part > 0 ? { i: part } : {}), ...(prefix ? { p: prefix } : {}) });
  return value.length <= MAX_BUTTON_VALUE ? value : undefined;
}

export function storedQueryValue(owner: string, key: string, prefix: string): string {
  return JSON.stringify({ o: owner, k: key, ...(prefix ? { p: prefix } : {}) });
}

export function storedPartValue(owner: string, key: string, part: number): string {
  return JSON.stringify({ o: owner, s: key, i: part });
}
