// The text syntax Slack and the console share:
//   /timeline actor:"Ron Dermer" since:2025-07 limit:5
//   /actor Barrack            (bare words fill the first option)
//   /entry show 3             (the first word names the subcommand)
import { UserError } from './errors.js';
import type { Invocation } from './view.js';
import { beforeWord, QUOTE_MARKS, quoteOpening } from './value-quotes.js';

export interface ParsedText {
  command: string;
  /** Words that were not `name:value` pairs, in order. */
  words: string[];
  options: Record<string, string>;
  /** Words written as flags, unquoted (`--public`, `—public`, `--topic=gaza`): not how options are written. */
  flags?: string[];
}

// Straight and typographic quotes, since Slack and phones turn " into “ ” (value-quotes.ts).
export { QUOTE_PAIRS } from './value-quotes.js';
/**
 * Characters no one types that text copied from a chat may carry: the word joiner (U+2060) Slack
 * replies put after the colon of anything reading as an emoji code (`url:https:`), zero-width
 * spaces, a byte-order mark. Outside quotes they are not read; inside quotes text is as typed.
 */
const UNTYPED = /[\u200B\u2060\uFEFF]/;
/** `_` as Slack replies used to show it (ˍ, U+02CD): in an option's name it is read as `_` (`asˍof:`). */
const NAME_LOOKALIKES: Readonly<Record<string, string>> = { '\u02CD': '_' };

interface Token {
  text: string;
  /** The option name when the token was written `name:value`. */
  option?: string;
  /** Written in quotes: text as typed, whatever it looks like. */
  quoted?: boolean;
}

/** `--public`, also as phones and macOS turn `--` into a dash: `—public`, `–public`. */
const FLAG = /^(?:--|—|–)\p{L}/u;

/** Inside quotes, `\` before a quote or a backslash writes that character: `"He said \"no\""`. */
const ESCAPABLE = new Set(['\\', ...QUOTE_MARKS]);

/**
 * The quoted value opening at `start`; undefined when its mark opens a value only once closed
 * (`”`, as a phone types it after a colon) and nothing closes it.
 */
function readQuoted(input: string, start: number): { value: string; end: number } | undefined {
  const opening = quoteOpening(input[start]!)!;
  let value = '';
  for (let i = start + 1; i < input.length; i += 1) {
    const ch = input[i]!;
    const next = input[i + 1];
    if (ch === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      value += next;
      i += 1;
    } else if (opening.closers.includes(ch) && (opening.mustClose || !beforeWord(input, i))) {
      return { value, end: i + 1 };
    } else {
      value += ch;
    }
  }
  if (!opening.mustClose) return undefined;
  const close = opening.closers;
  const endsInBackslash = input.slice(start + 1).includes(`\\${close}`);
  throw new UserError('syntax', `A quote opened at character ${start + 1} is never closed.`, [
    endsInBackslash
      ? `\\${close} is a quote inside the value, not its end: close the value with one more ${close}, or end it with a backslash as \\\\${close}.`
      : 'Close it, e.g. actor:"Ron Dermer".',
  ]);
}

/**
 * Text typed right after a closing quote (`title:"He said "no""`) would be joined to the value
 * unseen, so it is refused, saying how a quote goes inside a value.
 */
function refuseGluedText(input: string, afterQuote: number, option: string | undefined): void {
  const start = skipUntyped(input, afterQuote);
  if (start >= input.length || /\s/.test(input[start]!)) return;
  const glued = input.slice(start).split(/\s/, 1)[0]!;
  const name = option === undefined ? '' : `${option}:`;
  throw new UserError(
    'syntax',
    `\`${glued}\` follows a closing quote at character ${afterQuote}: text right after a quote is not read into the value.`,
    [`Write a quote inside a value as \\" (${name}"He said \\"no\\"") or use the other quotes: ${name}'He said "no"'.`],
    option,
  );
}

function skipUntyped(input: string, start: number): number {
  let i = start;
  while (i < input.length && UNTYPED.test(input[i]!)) i += 1;
  return i;
}

/**
 * The option name written at `start` (`as_of:`) and where its value starts; undefined when the
 * word is no option. The value comes right after the colon: `Syria: unity` (a title typed into
 * /search) is two words.
 */
function readOptionName(input: string, start: number): { name: string; valueStart: number } | undefined {
  let name = '';
  let i = start;
  for (; i < input.length && input[i] !== ':'; i += 1) {
    const ch = input[i]!;
    if (UNTYPED.test(ch)) continue;
    const read = NAME_LOOKALIKES[ch] ?? ch;
    if (!(name === '' ? /^[a-z]$/i : /^[a-z0-9_-]$/i).test(read)) return undefined;
    name += read;
  }
  if (name === '' || i >= input.length) return undefined;
  const valueStart = skipUntyped(input, i + 1);
  if (valueStart >= input.length || /\s/.test(input[valueStart]!)) return undefined;
  return { name: name.toLowerCase(), valueStart };
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!) || UNTYPED.test(input[i]!)) {
      i += 1;
      continue;
    }
    const named = readOptionName(input, i);
    const option = named?.name;
    if (named) i = named.valueStart;
    let text = '';
    let quoted = false;
    const valueStart = i;
    while (i < input.length) {
      const ch = input[i]!;
      // Before the whitespace test: a byte-order mark is whitespace to a RegExp.
      if (UNTYPED.test(ch)) {
        i += 1;
      } else if (/\s/.test(ch)) {
        break;
      } else if (i === valueStart && quoteOpening(ch)) {
        // A quote opens only where a value starts: inside a word it is an apostrophe (Sa'ar, Assad's).
        const read = readQuoted(input, i);
        if (read) {
          text += read.value;
          i = read.end;
          quoted = true;
          refuseGluedText(input, i, option);
        } else {
          text += ch;
          i += 1;
        }
      } else {
        text += ch;
        i += 1;
      }
    }
    tokens.push({ text, ...(option === undefined ? {} : { option }), ...(quoted ? { quoted } : {}) });
  }
  return tokens;
}

/** Splits a command line into its command, bare words and `name:value` options. */
export function parseCommandText(input: string): ParsedText {
  const tokens = tokenize(input.trim());
  const first = tokens.shift();
  if (!first || first.option !== undefined) {
    throw new UserError('syntax', 'Start with a command, e.g. /timeline or /help.');
  }
  const command = first.text.replace(/^\//, '').toLowerCase();
  const words: string[] = [];
  const flags: string[] = [];
  const options: Record<string, string> = {};
  for (const token of tokens) {
    if (token.option === undefined) {
      words.push(token.text);
      if (!token.quoted && FLAG.test(token.text)) flags.push(token.text);
    } else if (Object.hasOwn(options, token.option)) {
      // Own keys only: `in` also sees what every object inherits, so `constructor:x` read as given twice.
      throw new UserError('syntax', `Option \`${token.option}\` is given twice.`, [], token.option);
    } else {
      options[token.option] = token.text;
    }
  }
  return { command, words, options, ...(flags.length > 0 ? { flags } : {}) };
}

/**
 * A value as it must be typed to read back the same: quoted when it has spaces or starts with a
 * quote, and then a `"` inside written `\"` (a backslash before one, or at the end, doubled).
 */
export function quoteIfNeeded(value: string): string {
  const needsQuotes = /[\s"]/.test(value) || value === '' || QUOTE_MARKS.has(value[0]!);
  if (!needsQuotes) return value;
  const escaped = value.replace(/\\(?=[\\"“”‘’«»„‚']|$)/g, '\\\\').replace(/"/g, '\\"');
  return `"${escaped}"`;
}

/** Writes an invocation back as text, e.g. for "next page: /timeline topic:syria-israel page:2". */
export function formatInvocation(invocation: Invocation): string {
  const parts = [`/${invocation.command}`];
  if (invocation.subcommand) parts.push(invocation.subcommand);
  for (const [name, value] of Object.entries(invocation.args)) {
    parts.push(`${name}:${quoteIfNeeded(String(value))}`);
  }
  return parts.join(' ');
}
