// Tab completion at the console prompt: command and subcommand names, option names, and option
// values drawn from the same lists as Discord's autocomplete (actors, places, topics, types,
// choices), quoted as the text syntax needs them.
import type { Caller } from '../../core/caller.js';
import type { CommandSpec, LeafSpec, OptionSpec } from '../../core/command-spec.js';
import type { AutocompleteRequest } from '../../core/dispatcher.js';
import { QUOTE_PAIRS, quoteIfNeeded } from '../../core/text-syntax.js';

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
}

/** Splits the text before the cursor into whole words and the word being typed, minding quotes. */
function splitAtCursor(line: string): LineParts {
  const before: string[] = [];
  let start = -1;
  let valueStart = -1;
  let closingQuote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (closingQuote !== undefined) {
      if (ch === closingQuote) closingQuote = undefined;
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
    // As the parser reads it: a quote opens only where a value starts.
    if (i === valueStart && ch in QUOTE_PAIRS) closingQuote = QUOTE_PAIRS[ch];
  }
  return { before, current: start >= 0 ? line.slice(start) : '' };
}

function startsWithFolded(text: string, prefix: string): boolean {
  return text.toLowerCase().startsWith(prefix.toLowerCase());
}

/** The typed value without its opening (and any closing) quote. */
function unquote(value: string): string {
  const close = QUOTE_PAIRS[value[0] ?? ''];
  if (close === undefined) return value;
  const inner = value.slice(1);
  return inner.endsWith(close) ? inner.slice(0, -1) : inner;
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
    const { before, current } = splitAtCursor(line);
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
