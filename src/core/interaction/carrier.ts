// A button's action written into the text a platform hands back on every press (Discord's
// custom_id, Slack's value, a modal's id or metadata), and read back strictly: the text comes from
// the client, so anything that is not exactly what we write is `malformed` and nothing runs.
//
//   s1:<kind>:<audience>:<owner>:<part>:<context>:<command>[.<subcommand>]:<name><tag><value>&…
//   s1:m:<key>                       the action is kept in memory under <key> (memory.ts)
//   s1:p:<key>[:<command>[.<subcommand>]:<name><tag><value>&…]
//                                    parts of an answer kept in memory, not run again; the command
//                                    after the key shows its result, said once memory forgot them
//   s1:o:<key>                       a refused form kept in memory, to open again
//   s1:b:<key>[:<command>[.<subcommand>]:<name><tag><value>&…]
//                                    a form a button opened, kept in memory; the command after
//                                    the key is the button's, said once memory forgot the form
//
// <kind> `r` run, `t` tell, `f` form; <audience> `a` anyone, `c` the caller (<owner> is their id), `d` admins;
// <part> empty, a part index or `L` (the last part); <context> what the platform needs to draw
// the answer as the message was drawn (Slack: the workspace's command prefix), often empty. <tag> keeps the value's type: `=` text,
// `#` number, `!` boolean (1/0). In text values only `%` and `&` are escaped (%25, %26), so names
// in any script stay short.
import type { Action, Audience, Invocation } from '../view.js';

/** An action with who may use it: what a carrier holds. */
export interface Carried {
  action: Action;
  audience: Audience;
  /** The only user who may press, for audience `caller`. */
  owner?: string;
  /** The platform's own note on how the message was drawn, handed back with the press. */
  context?: string;
}

/** What a memory carrier's key holds, so that once memory forgot it the press can say what to do instead. */
export type MemoryHolds = 'action' | 'parts' | 'form' | 'buttonForm';

export type ParsedCarrier =
  | { kind: 'inline'; carried: Carried }
  | { kind: 'memory'; key: string; holds: MemoryHolds; lookUp?: Invocation; opener?: Invocation }
  | { kind: 'malformed' };

const VERSION = 's1';
/** Any carrier of ours, readable or not, so a garbled one is answered rather than ignored. */
const FAMILY = /^s\d+:/;
const INLINE = /^s1:([rtf]):([acd]):([A-Za-z0-9_.@-]{0,64}):(\d{1,3}|L|):([a-z0-9-]{0,16}):([a-z0-9_-]{1,32})(?:\.([a-z0-9_-]{1,32}))?:(.*)$/s;
const CONTEXT = /^[a-z0-9-]{0,16}$/;
const MEMORY = /^s1:([mpob]):([A-Za-z0-9_-]{8,32})$/;
const MEMORY_NAMING = /^s1:([pb]):([A-Za-z0-9_-]{8,32}):([a-z0-9_-]{1,32})(?:\.([a-z0-9_-]{1,32}))?:(.*)$/s;
const HOLDS_CODE = { action: 'm', parts: 'p', form: 'o', buttonForm: 'b' } as const;
const HOLDS_OF = { m: 'action', p: 'parts', o: 'form', b: 'buttonForm' } as const;
const NAME = /^[a-z0-9_-]{1,32}$/;
const OWNER = /^[A-Za-z0-9_.@-]{1,64}$/;
const ARG = /^([a-z0-9_-]{1,32})([=#!])(.*)$/s;
const NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;
/** The most parts one answer is split into that a carrier may name. */
export const MAX_PART = 999;

const KIND_CODE = { run: 'r', tell: 't', form: 'f' } as const;
const AUDIENCE_CODE = { anyone: 'a', caller: 'c', admins: 'd' } as const;
const AUDIENCE_OF = { a: 'anyone', c: 'caller', d: 'admins' } as const;

export const isCarrierFamily = (text: string): boolean => FAMILY.test(text);

/** The carrier of what memory keeps under `key`. */
export const memoryCarrier = (key: string, holds: MemoryHolds = 'action'): string => `${VERSION}:${HOLDS_CODE[holds]}:${key}`;

/**
 * The carrier of parts of an answer memory keeps under `key`, naming `lookUp`, the read-only
 * command that shows its result; undefined when that cannot be written.
 */
export function partsCarrier(key: string, lookUp: Invocation): string | undefined {
  return namingCarrier(key, 'parts', lookUp);
}

/**
 * The carrier of a form a button opened, memory keeping it under `key`, naming `opener`, the
 * button's command; undefined when that cannot be written.
 */
export function buttonFormCarrier(key: string, opener: Invocation): string | undefined {
  return namingCarrier(key, 'buttonForm', opener);
}

function namingCarrier(key: string, holds: 'parts' | 'buttonForm', named: Invocation): string | undefined {
  const path = invocationPath(named);
  const args = Object.entries(named.args).map(([name, value]) => encodeArg(name, value));
  if (path === undefined || args.some((arg) => arg === undefined)) return undefined;
  return `${memoryCarrier(key, holds)}:${path}:${args.join('&')}`;
}

/** `entry.show`, or undefined when a name is not one we write. */
function invocationPath(invocation: Invocation): string | undefined {
  if (!NAME.test(invocation.command) || (invocation.subcommand !== undefined && !NAME.test(invocation.subcommand))) return undefined;
  return invocation.subcommand === undefined ? invocation.command : `${invocation.command}.${invocation.subcommand}`;
}

const escapeText = (value: string) => value.replace(/[%&]/g, (c) => (c === '%' ? '%25' : '%26'));

function encodeArg(name: string, value: string | number | boolean): string | undefined {
  if (!NAME.test(name)) return undefined;
  if (typeof value === 'boolean') return `${name}!${value ? 1 : 0}`;
  if (typeof value === 'number') return NUMBER.test(String(value)) ? `${name}#${value}` : undefined;
  return `${name}=${escapeText(value)}`;
}

function partCode(action: Action): string | undefined {
  if (action.kind !== 'run' || action.part === undefined || action.part === 0) return '';
  if (action.part === 'last') return 'L';
  return Number.isInteger(action.part) && action.part > 0 && action.part <= MAX_PART ? String(action.part) : undefined;
}

/** The carrier text for an action, or undefined when it cannot be written in `maxLength` characters. */
export function encodeInline(carried: Carried, maxLength: number): string | undefined {
  const { action, audience, owner = '', context = '' } = carried;
  const { invocation } = action;
  if (audience === 'caller' ? !OWNER.test(owner) : owner !== '') return undefined;
  if (!CONTEXT.test(context)) return undefined;
  const path = invocationPath(invocation);
  const part = partCode(action);
  const args = Object.entries(invocation.args).map(([name, value]) => encodeArg(name, value));
  if (path === undefined || part === undefined || args.some((arg) => arg === undefined)) return undefined;
  const kind = KIND_CODE[action.kind];
  const text = `${VERSION}:${kind}:${AUDIENCE_CODE[audience]}:${owner}:${part}:${context}:${path}:${args.join('&')}`;
  return text.length <= maxLength ? text : undefined;
}

function decodeArg(text: string): [string, string | number | boolean] | undefined {
  const match = ARG.exec(text);
  if (!match) return undefined;
  const [, name, tag, raw] = match as unknown as [string, string, string, string];
  if (tag === '#') return NUMBER.test(raw) ? [name, Number(raw)] : undefined;
  if (tag === '!') return raw === '1' || raw === '0' ? [name, raw === '1'] : undefined;
  // A `%` that starts no escape we write means the text was not written by us.
  if (/%(?!25|26)/.test(raw)) return undefined;
  return [name, raw.replace(/%2[56]/g, (e) => (e === '%25' ? '%' : '&'))];
}

function decodeInvocation(command: string, subcommand: string | undefined, argsText: string): Invocation | undefined {
  // A Map, then fromEntries: a name such as `__proto__` becomes a plain (unknown) option.
  const args = new Map<string, string | number | boolean>();
  for (const text of argsText === '' ? [] : argsText.split('&')) {
    const arg = decodeArg(text);
    if (!arg || args.has(arg[0])) return undefined;
    args.set(arg[0], arg[1]);
  }
  return { command, ...(subcommand ? { subcommand } : {}), args: Object.fromEntries(args) };
}

/** Reads a carrier; undefined when the text is not one of ours at all (another app's id). */
export function parseCarrier(text: string, maxLength: number): ParsedCarrier | undefined {
  if (!isCarrierFamily(text)) return undefined;
  if (text.length > maxLength) return { kind: 'malformed' };
  const memory = MEMORY.exec(text);
  if (memory) return { kind: 'memory', key: memory[2]!, holds: HOLDS_OF[memory[1] as keyof typeof HOLDS_OF] };
  const naming = MEMORY_NAMING.exec(text);
  if (naming) {
    const [, code, key, command, subcommand, argsText] = naming as unknown as [string, 'p' | 'b', string, string, string | undefined, string];
    const named = decodeInvocation(command, subcommand, argsText);
    if (!named) return { kind: 'malformed' };
    return code === 'p' ? { kind: 'memory', key, holds: 'parts', lookUp: named } : { kind: 'memory', key, holds: 'buttonForm', opener: named };
  }
  const match = INLINE.exec(text);
  if (!match) return { kind: 'malformed' };
  const [, kind, audienceCode, owner, partText, context, command, subcommand, argsText] = match as unknown as [
    string, 'r' | 't' | 'f', 'a' | 'c' | 'd', string, string, string, string, string | undefined, string,
  ];
  const audience = AUDIENCE_OF[audienceCode];
  if ((audience === 'caller') !== (owner !== '') || (kind !== 'r' && partText !== '')) return { kind: 'malformed' };
  const invocation = decodeInvocation(command, subcommand, argsText);
  if (!invocation) return { kind: 'malformed' };
  const part = partText === 'L' ? 'last' : partText === '' ? undefined : Number(partText);
  const action: Action = kind === 'r' ? { kind: 'run', invocation, ...(part !== undefined ? { part } : {}) } : { kind: kind === 't' ? 'tell' : 'form', invocation };
  return { kind: 'inline', carried: { action, audience, ...(owner ? { owner } : {}), ...(context ? { context } : {}) } };
}
