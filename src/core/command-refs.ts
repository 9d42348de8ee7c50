// Command references as data: how a platform spells them, an invocation as one, and Sitrep's own
// message strings (refusals and their hints) read into spans that hold them. Stored text never
// passes through here: it stays in plain spans, whatever it mentions.
import { quoteIfNeeded } from './text-syntax.js';
import { span, type CommandRef, type Invocation, type Line, type Span, type View } from './view.js';

/** How a platform writes a command reference, e.g. as a workspace whose commands are renamed has it. */
export type CommandSpelling = (command: CommandRef) => string;

/** An invocation as a reference: `timeline` with `limit:5 page:2`. */
export function invocationRef(invocation: Invocation): CommandRef {
  const name = invocation.subcommand ? `${invocation.command} ${invocation.subcommand}` : invocation.command;
  const args = Object.entries(invocation.args).map(([option, value]) => `${option}:${quoteIfNeeded(String(value))}`).join(' ');
  return args ? { name, args } : { name };
}

export function invocationSpan(invocation: Invocation): Span {
  const ref = invocationRef(invocation);
  return span.command(ref.name, ref.args);
}

export function spelledLine(line: Line, spell: CommandSpelling): Line {
  return line.map((s) => (s.command ? { ...s, text: spell(s.command) } : s));
}

/** The view with the commands it names spelled by `spell`; its pager and buttons stay the core's. */
export function spelledView(view: View, spell: CommandSpelling): View {
  const lines = (all: readonly Line[]) => all.map((line) => spelledLine(line, spell));
  return {
    ...view,
    ...(view.titleCommand ? { title: spell(view.titleCommand) } : {}),
    ...(view.intro ? { intro: lines(view.intro) } : {}),
    ...(view.facts ? { facts: view.facts.map((fact) => ({ ...fact, value: spelledLine(fact.value, spell) })) } : {}),
    sections: view.sections.map((s) => ({ ...s, ...(s.heading ? { heading: spelledLine(s.heading, spell) } : {}), lines: lines(s.lines) })),
    ...(view.footer ? { footer: spelledLine(view.footer, spell) } : {}),
  };
}

/** A top-level command a message may name, with its subcommands. */
export interface KnownCommand {
  name: string;
  subcommands?: readonly { name: string }[];
}

/** `/name` not inside a word or a path (`AC/DC`, `https://x/timeline`). */
const NAME_AT = /(?<![\p{L}\p{N}_/])\/([a-z][a-z0-9-]*)/giu;
const SUBCOMMAND = /^ ([a-z][a-z0-9-]*)/i;
/** `id:18`, `actor:"Ron Dermer"`, `kind:…`, or a bare number (`/entry show 3`). */
const ARG = /^ (?:[a-z_]+:(?:"[^"]*"|[^\s"]+)|#?\d+)/i;
/** Punctuation that ends the sentence, not the value: `… with /entry undo id:18.` */
const SENTENCE_END = /[.,;:!?)]+$/;
/**
 * Free words belong to a reference only as Sitrep writes an example to type: introduced by a
 * colon, `e.g.` or `Did you mean`, and running to the end of the message (`For example: /search
 * buffer zone`); elsewhere words after a command are the sentence's (`as /review list shows it`).
 */
const INTRODUCED = /(?::|e\.g\.|mean) $/;
const LAST_WORDS = /^((?: [^\s.,;:()/?“”"]+)+)\??$/;

/** One reference starting at `at` (the slash): its span and where it ends. */
function referenceAt(text: string, at: number, command: KnownCommand, example: boolean): { span: Span; end: number } {
  let end = at + 1 + command.name.length;
  let name = command.name;
  const sub = SUBCOMMAND.exec(text.slice(end));
  const subcommand = sub && command.subcommands?.find((s) => s.name === sub[1]!.toLowerCase());
  if (sub && subcommand) {
    name += ` ${subcommand.name}`;
    end += sub[0].length;
  }
  const argsFrom = end;
  for (let arg = ARG.exec(text.slice(end)); arg; arg = ARG.exec(text.slice(end))) {
    const value = arg[0].endsWith('"') ? arg[0] : arg[0].replace(SENTENCE_END, '');
    end += value.length;
    if (value.length < arg[0].length) break;
  }
  const words = example ? LAST_WORDS.exec(text.slice(end)) : null;
  if (words) end += words[1]!.length;
  return { span: span.command(name, text.slice(argsFrom, end).trim() || undefined), end };
}

/** Plain words with the commands they name as command spans. */
function referencesIn(text: string, known: readonly KnownCommand[], atEnd: boolean): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const match of text.matchAll(NAME_AT)) {
    const command = known.find((c) => c.name === match[1]!.toLowerCase());
    if (!command || match.index < from) continue;
    const found = referenceAt(text, match.index, command, atEnd && INTRODUCED.test(text.slice(0, match.index)));
    if (match.index > from) spans.push(span.plain(text.slice(from, match.index)));
    spans.push(found.span);
    from = found.end;
  }
  if (from < text.length) spans.push(span.plain(text.slice(from)));
  return spans;
}

/**
 * Sitrep's own words as spans: each `/name …` naming a known command becomes a command span.
 * Text in “curly quotes” is what Sitrep quotes from the store (a title), so it is left as it is.
 * `atEnd`: these words end the message, so a reference may run to their end.
 */
export function commandSpans(text: string, known: readonly KnownCommand[], atEnd = true): Span[] {
  const pieces = text.split(/(“[^”]*”)/);
  return pieces.flatMap((piece, i) => (i % 2 === 1 ? [span.plain(piece)] : referencesIn(piece, known, atEnd && i === pieces.length - 1)));
}

/** Sitrep's own words as a line (see commandSpans). */
export function commandLine(text: string, known: readonly KnownCommand[]): Line {
  return commandSpans(text, known).filter((s) => s.text !== '');
}
