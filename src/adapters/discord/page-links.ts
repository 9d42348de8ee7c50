// Page buttons that outlive the process: the custom_id itself names the page to show (the
// command to run again and which part of its answer) and who may press it, so a restart or a
// quiet hour costs nothing. Version 1, at most 100 characters:
//
//   pg1:<owner id>:<part>:<command>[.<subcommand>]:<name><tag><value>&…
//
// <part> is a part index or `L` (the last part, for Previous from the first part of a page).
// <tag> keeps the option's type: `=` text, `#` number, `!` boolean (1/0). In text values only
// `%` and `&` are escaped (%25, %26), so names in any script still fit. Anything else is
// refused while parsing: the custom_id comes back from the client and is never trusted.
import type { Invocation } from '../../core/view.js';
import { COMPONENT_LIMITS } from './limits.js';

export interface PageTarget {
  invocation: Invocation;
  part: number | 'last';
}

export interface PageLink extends PageTarget {
  /** Only this user may press the button. */
  ownerId: string;
}

const VERSION = 'pg1';
/** Ids of any version of this encoding, so a future or garbled one is answered, not ignored. */
const ANY_VERSION = /^pg\d+:/;
const LINK = /^pg1:(\d{1,20}):(\d{1,3}|L):([a-z0-9_-]{1,32})(?:\.([a-z0-9_-]{1,32}))?:(.*)$/s;
const NAME = /^[a-z0-9_-]{1,32}$/;
const ARG = /^([a-z0-9_-]{1,32})([=#!])(.*)$/s;
const NUMBER = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const MAX_PART = 999;

const escapeText = (value: string) => value.replace(/[%&]/g, (c) => (c === '%' ? '%25' : '%26'));

function encodeArg(name: string, value: string | number | boolean): string | undefined {
  if (!NAME.test(name)) return undefined;
  if (typeof value === 'boolean') return `${name}!${value ? 1 : 0}`;
  if (typeof value === 'number') return NUMBER.test(String(value)) ? `${name}#${value}` : undefined;
  return `${name}=${escapeText(value)}`;
}

/** The custom_id for a page, or undefined when it cannot be written in 100 characters. */
export function pageLinkId(link: PageLink): string | undefined {
  const { invocation, part, ownerId } = link;
  if (!/^\d{1,20}$/.test(ownerId) || !NAME.test(invocation.command)) return undefined;
  if (invocation.subcommand !== undefined && !NAME.test(invocation.subcommand)) return undefined;
  if (part !== 'last' && (!Number.isInteger(part) || part < 0 || part > MAX_PART)) return undefined;
  const args = Object.entries(invocation.args).map(([name, value]) => encodeArg(name, value));
  if (args.some((arg) => arg === undefined)) return undefined;
  const path = invocation.subcommand === undefined ? invocation.command : `${invocation.command}.${invocation.subcommand}`;
  const id = `${VERSION}:${ownerId}:${part === 'last' ? 'L' : part}:${path}:${args.join('&')}`;
  return id.length <= COMPONENT_LIMITS.customId ? id : undefined;
}

function decodeArg(text: string): [string, string | number | boolean] | undefined {
  const match = ARG.exec(text);
  if (!match) return undefined;
  const [, name, tag, raw] = match as unknown as [string, string, string, string];
  if (tag === '#') return NUMBER.test(raw) ? [name, Number(raw)] : undefined;
  if (tag === '!') return raw === '1' || raw === '0' ? [name, raw === '1'] : undefined;
  // A `%` that starts no escape we write, or a stray `&`, means the id was not written by us.
  if (/%(?!25|26)/.test(raw)) return undefined;
  return [name, raw.replace(/%2[56]/g, (e) => (e === '%25' ? '%' : '&'))];
}

export type ParsedPageLink = { kind: 'link'; link: PageLink } | { kind: 'malformed' };

/** A page link; `malformed` for an id in this family that does not parse; undefined when not one. */
export function parsePageLinkId(customId: string): ParsedPageLink | undefined {
  if (!ANY_VERSION.test(customId)) return undefined;
  const match = LINK.exec(customId);
  if (!match || customId.length > COMPONENT_LIMITS.customId) return { kind: 'malformed' };
  const [, ownerId, partText, command, subcommand, argsText] = match as unknown as [string, string, string, string, string | undefined, string];
  // A Map, then fromEntries: a name such as `__proto__` becomes a plain (unknown) option.
  const args = new Map<string, string | number | boolean>();
  for (const text of argsText === '' ? [] : argsText.split('&')) {
    const arg = decodeArg(text);
    if (!arg || args.has(arg[0])) return { kind: 'malformed' };
    args.set(arg[0], arg[1]);
  }
  const invocation: Invocation = { command, ...(subcommand ? { subcommand } : {}), args: Object.fromEntries(args) };
  return { kind: 'link', link: { ownerId, part: partText === 'L' ? 'last' : Number(partText), invocation } };
}
