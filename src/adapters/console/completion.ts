// Tab completion at the console prompt: command and subcommand names, option names, and option
// values drawn from the same lists as Discord's autocomplete (actors, places, topics, types,
// choices), quoted as the text syntax needs them.
import type { Caller } from '../../core/caller.js';
import type { CommandSpec, LeafSpec, OptionSpec } from '../../core/command-spec.js';
import type { AutocompleteRequest } from '../../core/dispatcher.js';
import { quoteIfNeeded } from '../../core/text-syntax.js';
import { beforeWord, quoteOpening, type QuoteOpening } from '../../core/value-quotes.js';

export interface CompletionSource {
  readonly commands: readonly CommandSpec[];
  autocomplete(request: AutocompleteRequest): { value: string }[];
}

/** What readline's completer returns: the candidates, and the text they would replace. */
export type Completion = [string[], string];

/** `name:` at the start of a word, the value possibly not typed yet. */
const OPTION_PREFIX = /^([a-z][a-z0-9_-]*):/i;

interface LineParts {
  /** The words before the one being typed, as written (quotes included). */
  before: string[];
  /** The word being typed ('' right after a space). */
  current: string;
  /** Whether the word being typed opens with a quote that opens a value only once closed (`„Tel`, `’Ayn`). */
  leftOpen: boolean;
}

/**
 * How a quote not closed before the cursor is read: as the opening of the value being typed
 * (`actor:„Ron D` is one word), or as the parser reads a mark that opens a value only when
 * closed, as text (`’Ayn` is a name written with its ʿayn).
 */
type OpenMarks = 'quote' | 'text';

/** Whether a closer of `opening` follows the mark at `start`, as the parser finds one. */
function closedAfter(line: string, start: number, opening: QuoteOpening): boolean {
  for (let i = start + 1; i < line.length; i += 1) {
    if (opening.closers.includes(line[i]!) && (opening.mustClose || !beforeWord(line, i))) return true;
  }
  return false;
}

/** Splits the text before the cursor into whole words and the word being typed, minding quotes. */
function splitAtCursor(line: string, openMarks: OpenMarks): LineParts {
  const before: string[] = [];
  let start = -1;
  let valueStart = -1;
  let quote: QuoteOpening | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quote !== undefined) {
      if (quote.closers.includes(ch) && (quote.mustClose || !beforeWord(line, i))) quote = undefined;
      continue;
    }
    if (/\s/.test(ch)) {
      if (start >= 0) before.push(line.slice(start, i));
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      valueStart = i + (OPTION_PREFIX.exec(line.slice(i))?.[0].length ?? 0);
    }
    // As the parser reads it: a quote opens only where a value starts (any of the marks it accepts).
    const opening = i === valueStart ? quoteOpening(ch) : undefined;
    if (opening && (opening.mustClose || openMarks === 'quote' || closedAfter(line, i, opening))) quote = opening;
  }
  return { before, current: start >= 0 ? line.slice(start) : '', leftOpen: quote !== undefined && !quote.mustClose };
}

function startsWithFolded(text: string, prefix: string): boolean {
  return text.toLowerCase().startsWith(prefix.toLowerCase());
}

/** The typed value without its opening (and any closing) quote, whichever of the accepted marks they are. */
function unquote(value: string): string {
  const opening = quoteOpening(value[0] ?? '');
  if (!opening) return value;
  const inner = value.slice(1);
  return inner !== '' && opening.closers.includes(inner.at(-1)!) ? inner.slice(0, -1) : inner;
}

/**
 * Candidates replace the typed word; one alone is finished with a space. Whether several may be
 * inserted (their common prefix) or only listed is for the prompt to decide (see insertable).
 */
function offer(candidates: string[], typed: string, finished: boolean): Completion {
  const unique = [...new Set(candidates)];
  if (unique.length === 1) return [[finished ? `${unique[0]!} ` : unique[0]!], typed];
  return [unique, typed];
}

/**
 * Whether Tab may put a completion in the line: one candidate replaces the typed word, several
 * only their common prefix, and only when it extends the word. Otherwise (`actor:sharaa` →
 * `actor:"Ahmed al-Sharaa"`, `actor:"Asaad al-Shaibani"`) the word would become a fragment
 * (`actor:"A`), so the candidates are listed instead.
 */
export function insertable([candidates, typed]: Completion): boolean {
  if (candidates.length === 1) return true;
  const prefix = commonPrefix(candidates);
  return candidates.length > 1 && prefix.startsWith(typed) && prefix.length > typed.length;
}

export function commonPrefix(values: readonly string[]): string {
  if (values.length === 0) return '';
  let prefix = values[0]!;
  for (const value of values.slice(1)) {
    while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

function leafOf(command: CommandSpec, subcommandWord: string | undefined): { leaf: LeafSpec; subcommand?: string } | undefined {
  if (!command.subcommands) return { leaf: command };
  const subcommand = command.subcommands.find((s) => s.name === subcommandWord?.toLowerCase());
  return subcommand ? { leaf: subcommand, subcommand: subcommand.name } : undefined;
}

export class CommandCompleter {
  constructor(
    private readonly source: CompletionSource,
    private readonly caller: Caller,
  ) {}

  /** readline's completer: the text before the cursor in, candidates for the word being typed out. */
  complete(line: string): Completion {
    const typing = splitAtCursor(line, 'quote');
    const completion = this.completeParts(typing);
    // A mark that opens a value only once closed, left open, may be text (`’Ayn`): read as the parser would.
    if (typing.leftOpen && completion[0].length === 0) return this.completeParts(splitAtCursor(line, 'text'));
    return completion;
  }

  /** Candidates for the word being typed, after the words before it. */
  private completeParts({ before, current }: LineParts): Completion {
    if (before.length === 0) return this.commandNames(current);
    const commandWord = before[0]!.replace(/^\//, '').toLowerCase();
    const command = this.source.commands.find((c) => c.name === commandWord);
    if (!command) return [[], current];
    if (command.subcommands && before.length === 1) {
      const names = command.subcommands.map((s) => s.name).filter((name) => startsWithFolded(name, current));
      return offer(names, current, true);
    }
    const target = leafOf(command, before[1]);
    if (!target) return [[], current];
    const words = before.slice(command.subcommands ? 2 : 1);
    const request = { command: command.name, ...(target.subcommand ? { subcommand: target.subcommand } : {}) };
    return this.optionWord(target.leaf, request, words, current);
  }

  private commandNames(typed: string): Completion {
    const slash = typed.startsWith('/') || typed === '' ? '/' : '';
    const word = typed.replace(/^\//, '');
    const names = this.source.commands.filter((c) => startsWithFolded(c.name, word)).map((c) => `${slash}${c.name}`);
    return offer(names, typed, true);
  }

  private optionWord(
    leaf: LeafSpec,
    request: { command: string; subcommand?: string },
    words: string[],
    typed: string,
  ): Completion {
    const options = leaf.options ?? [];
    const named = OPTION_PREFIX.exec(typed);
    if (named) {
      const option = options.find((o) => o.name === named[1]!.toLowerCase());
      if (!option) return [[], typed];
      const values = this.values(option, request, unquote(typed.slice(named[0].length)));
      return offer(values.map((value) => `${option.name}:${quoteIfNeeded(value)}`), typed, true);
    }
    const given = new Set(words.map((word) => OPTION_PREFIX.exec(word)?.[1]?.toLowerCase()).filter(Boolean));
    const names = options.filter((o) => !given.has(o.name) && startsWithFolded(o.name, typed)).map((o) => `${o.name}:`);
    // The first bare word fills the first option (`/actor Barrack`), so offer its values too.
    const bareWordsSoFar = words.filter((word) => !OPTION_PREFIX.test(word)).length;
    const first = options[0];
    const bareValues =
      typed !== '' && bareWordsSoFar === 0 && first && !given.has(first.name)
        ? this.values(first, request, unquote(typed)).map(quoteIfNeeded)
        : [];
    if (bareValues.length > 0 && names.length === 0) return offer(bareValues, typed, true);
    return offer([...names, ...bareValues], typed, false);
  }

  private values(option: OptionSpec, request: { command: string; subcommand?: string }, typed: string): string[] {
    if (option.type === 'boolean') return ['true', 'false'].filter((v) => startsWithFolded(v, typed));
    if (!option.choices && !option.autocomplete) return [];
    return this.source.autocomplete({ ...request, option: option.name, value: typed, caller: this.caller }).map((c) => c.value);
  }
}
