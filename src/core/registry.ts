// The command registry: looks commands up by name, refuses duplicates, and maps the shared text
// syntax onto a command's options.
import { leafIsReadOnly, type CommandSpec, type RawOptionValue, type ResolvedLeaf } from './command-spec.js';
import { MAX_ECHOED_LENGTH } from './error-views.js';
import { UserError } from './errors.js';
import { closestNames } from './ranking.js';
import { STOPWORDS } from './search-terms.js';
import { prefixWithin } from './text-cut.js';
import { allControlsShown, wordList } from './text.js';
import { quoteIfNeeded, type ParsedText } from './text-syntax.js';
import { refuseTimeApartFromDay } from './time-words.js';

export class CommandRegistry {
  private readonly byName = new Map<string, CommandSpec>();

  constructor(commands: readonly CommandSpec[]) {
    for (const command of commands) {
      if (this.byName.has(command.name)) throw new Error(`Command /${command.name} is defined twice`);
      this.byName.set(command.name, command);
    }
  }

  get all(): readonly CommandSpec[] {
    return [...this.byName.values()];
  }

  /** `rest`: the rest of the line as typed, kept in a suggested command (`Did you mean /entry show 12?`). */
  resolve(commandName: string, subcommandName?: string, rest = ''): ResolvedLeaf {
    const command = this.byName.get(commandName.toLowerCase());
    const after = rest === '' ? '' : ` ${rest}`;
    if (!command) {
      const close = closestNames(this.all.map((c) => c.name), commandName, 1);
      const typedAfter = subcommandName === undefined ? after : ` ${subcommandName}${after}`;
      throw new UserError('unknown-command', `There is no command \`/${commandName}\`.`, [
        ...(close.length > 0 ? [`Did you mean /${close[0]}${typedAfter}?`] : []),
        `Commands: ${this.all.map((c) => `/${c.name}`).join(', ')}. Try /help.`,
      ]);
    }
    if (!command.subcommands) {
      if (subcommandName) {
        throw new UserError('unknown-subcommand', `/${command.name} has no subcommands.`);
      }
      return { command, leaf: command, path: command.name };
    }
    const names = command.subcommands.map((s) => s.name).join(', ');
    if (!subcommandName) {
      throw new UserError('unknown-subcommand', `/${command.name} needs a subcommand: ${names}.`, [
        `For example: /${command.name} ${command.subcommands[0]!.name}`,
      ]);
    }
    const subcommand = command.subcommands.find((s) => s.name === subcommandName.toLowerCase());
    if (!subcommand && isHelpWord(subcommandName)) throw helpWordError(subcommandName, command.name);
    if (!subcommand) {
      // `/entry 3`: a number where the subcommand goes most likely meant to show that item.
      const show = /^#?\d+$/.test(subcommandName) && command.subcommands.some((s) => s.name === 'show');
      const close = show ? [] : closestNames(command.subcommands.map((s) => s.name), subcommandName, 1);
      throw new UserError('unknown-subcommand', `/${command.name} has no subcommand \`${subcommandName}\`; use one of: ${names}.`, [
        ...(show ? [`To see it: /${command.name} show ${subcommandName.replace(/^#/, '')}`] : []),
        ...(close.length > 0 ? [`Did you mean /${command.name} ${close[0]}${after}?`] : []),
      ]);
    }
    return { command, subcommand, leaf: subcommand, path: `${command.name} ${subcommand.name}` };
  }

  /**
   * Refuses text that does not start with `/` and whose first word names no command: a question
   * in plain words (`What happened in Paris?`, `Note: talks in Paris`), pointed to /search for its
   * telling words rather than to a command its first word happens to resemble. `timeline
   * since:2025`, without the slash, still runs; `since:2025` alone is left to the parser, which
   * asks for a command.
   */
  refusePlainWords(text: string): void {
    const typed = text.trim();
    const first = typed.split(/\s+/)[0] ?? '';
    if (typed === '' || typed.startsWith('/') || /:[^:]/.test(first)) return;
    const name = first.replace(/:+$/, '') || first;
    if (this.byName.has(name.toLowerCase())) return;
    // The whole line is quoted, so a question reads as one (`“What happened in Paris?” is not a command`).
    const notCommand = `${quotedLine(typed)} is not a command: commands start with /, and /help lists them.`;
    if (HELP_FLAG.test(first)) throw new UserError('unknown-command', notCommand);
    // `Note: talks in Paris`, `Q: …`: a label, which entries do not hold, left out of the search.
    // An option's name typed first (`note:`, `topic: syria`) is one too: with no command before
    // it, it names no option, and search would look for the word itself.
    const label = name !== first;
    const words = searchWords(label ? typed.slice(first.length) : typed);
    throw new UserError('unknown-command', notCommand, [
      ...(words ? [`To search the entries for these words: /search ${words}`, 'Every word searched for must appear in an entry: keep to names, places and key words.'] : []),
    ]);
  }

  /** Resolves parsed text: the first word may name a subcommand, the rest fill the first option. */
  resolveText(parsed: ParsedText): { resolved: ResolvedLeaf; args: Record<string, RawOptionValue> } {
    const words = [...parsed.words];
    const command = this.byName.get(parsed.command);
    // Only options typed (`/trend topic:T`, `/watch actor:X`): the group's default subcommand, if any.
    const subcommandName = command?.subcommands ? (words.length > 0 ? words.shift() : command.typedDefault) : undefined;
    const resolved = this.resolve(parsed.command, subcommandName, restOfLine(words, parsed.options));
    const args: Record<string, RawOptionValue> = { ...parsed.options };
    refuseHelpWords(words, parsed.flags, resolved);
    // `actor: Dermer` (a space after the colon) reads as words; say how to write the option.
    const spaced = words.find((word) => resolved.leaf.options?.some((o) => word.toLowerCase() === `${o.name}:`));
    if (spaced !== undefined) {
      throw new UserError('syntax', `Option \`${spaced.slice(0, -1)}\` has no value: write it right after the colon, e.g. ${spaced.toLowerCase()}"…".`);
    }
    // `--public` (Slack's flag, which its adapter takes out) or `--topic=x`: flags are not how options are written.
    const flag = parsed.flags?.[0];
    if (flag !== undefined) {
      const name = flag.replace(/^(?:--|—|–)/, '').split('=')[0]!.toLowerCase();
      throw new UserError('syntax', `\`${flag}\` is not how options are written here: write them name:value.`, [
        name === 'public'
          ? 'On Slack, --public shows the reply to the channel; here every reply is shown to you alone, so there is nothing to add.'
          : `For example: /${resolved.path} ${resolved.leaf.options?.some((o) => o.name === name) ? name : (resolved.leaf.options?.[0]?.name ?? 'option')}:…`,
      ]);
    }
    refuseEqualsOptions(words, args, resolved);
    // `as_of:2025-07-20 09:00`: the time would fill the first option (`There is no topic 09:00`).
    refuseTimeApartFromDay(words, args, resolved);
    if (words.length > 0) {
      const first = resolved.leaf.options?.[0];
      if (!first) {
        throw new UserError('syntax', `/${resolved.path} takes no options; remove \`${words.join(' ')}\`.`);
      }
      if (first.name in args) throw strayWordsError(words, args, resolved);
      args[first.name] = words.join(' ');
    }
    return { resolved, args };
  }
}

/** Words and options as a suggested command repeats them: `12 reason:"opinion piece"`. */
function restOfLine(words: readonly string[], options: Readonly<Record<string, string>>): string {
  return [...words, ...Object.entries(options).map(([name, value]) => `${name}:${quoteIfNeeded(value)}`)].join(' ');
}

/** Commands whose first option takes any word, `help` too: the command asked about, the words searched for. */
const ANY_WORD_COMMANDS: ReadonlySet<string> = new Set(['help', 'search']);

/** `help`, `--help`, `-h`: how other tools are asked for help. */
const isHelpWord = (word: string): boolean => HELP_FLAG.test(word) || /^help$/i.test(word);

/** `path`: the command or subcommand asked about (`entry show`), as /help takes it. */
const helpWordError = (typed: string, path: string): UserError =>
  new UserError('syntax', `\`${typed}\` is not how help is asked for here.`, [`For /${path} and its options: /help ${path}`]);

/**
 * `/timeline --help` or `/timeline help`, as other tools are asked for help: the flag is no
 * option, and the word would be read as the first option's value (`There is no topic help`).
 * Both are pointed to `/help timeline`; a command that takes any word (`/search help`) reads it.
 */
function refuseHelpWords(words: readonly string[], flags: readonly string[] | undefined, resolved: ResolvedLeaf): void {
  const flag = flags?.find((word) => HELP_FLAG.test(word));
  const word = words.length === 1 && isHelpWord(words[0]!) && !ANY_WORD_COMMANDS.has(resolved.command.name) ? words[0] : undefined;
  const typed = flag ?? word;
  if (typed !== undefined) throw helpWordError(typed, resolved.path);
}

/**
 * Words left over once the first option has its value: most often the rest of a value with spaces
 * typed without quotes (`reason:opinion piece`). The words are named together, as they would be
 * joined to a value, and each option they could end is offered with them, in quotes.
 */
function strayWordsError(words: readonly string[], args: Readonly<Record<string, RawOptionValue>>, resolved: ResolvedLeaf): UserError {
  const stray = words.join(' ');
  const notOption = words.length === 1 ? 'is not an option' : 'are not options';
  const ended = optionsEndedBy(args, resolved);
  if (ended.length === 0) return new UserError('syntax', `\`${stray}\` ${notOption}; write options as name:value.`);
  const meant = ended.map((name) => `\`${name}:${quoteIfNeeded(`${String(args[name])} ${stray}`)}\``);
  return new UserError('syntax', `\`${stray}\` ${notOption}: did you mean ${meant.join(' or ')}? Put a value with spaces in quotes.`, [], ended[0]);
}

/**
 * The options given, in the order typed, whose value stray words may have been part of: text
 * options whose example is quoted or has spaces (a title, a reason, a schedule), else any text
 * option. The parsed text keeps no positions, so which of them the words followed is not known.
 */
function optionsEndedBy(args: Readonly<Record<string, RawOptionValue>>, resolved: ResolvedLeaf): string[] {
  const specs = resolved.leaf.options ?? [];
  const given = Object.keys(args).flatMap((name) => specs.filter((option) => option.name === name && typeof args[name] === 'string'));
  const text = given.filter((option) => option.type === 'text' || option.type === 'actor');
  const spaced = text.filter((option) => /^["“]|\s/.test(option.example ?? ''));
  return (spaced.length > 0 ? spaced : text).map((option) => option.name);
}

/**
 * A line typed in plain words as a refusal repeats it: in curly quotes, which replies leave as
 * typed, cut to MAX_ECHOED_LENGTH, control characters shown; backticks, which would open a code
 * span, and curly double quotes, which would end the quote, left out.
 */
function quotedLine(typed: string): string {
  const visible = allControlsShown(typed.replace(/[`“”]/g, ''));
  return `“${visible.length > MAX_ECHOED_LENGTH ? `${prefixWithin(visible, MAX_ECHOED_LENGTH)}…` : visible}”`;
}

/** The most words of a plain-words question repeated in the /search it is pointed to. */
const MAX_SEARCH_WORDS = 12;

/** `--help`, `-h` (as other tools are asked for help), also as phones turn `--` into a dash. */
const HELP_FLAG = /^(?:--?|—|–)(?:help|h|\?)$/i;

/**
 * Words of a question that no entry is searched by: question words and the filler around them
 * (`What happened in Paris?` searches for `Paris`). Search already ignores its STOPWORDS, but
 * every other word must appear in an entry, so `happened` alone would find nothing.
 */
const QUESTION_FILLER: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...'what whats who whos whom whose when where wheres why how hows which'.split(' '),
  ...'happen happens happened happening did does do done is are was were any anything there latest news'.split(' '),
  ...'about tell me show give please can could you i know going on update updates'.split(' '),
]);

/**
 * A question's words as /search takes them typed: punctuation, which search ignores and text
 * syntax may read (a quote opening a word, a dash starting a flag), left out; an apostrophe inside
 * a word (`Assad's`) kept; QUESTION_FILLER left out.
 */
function searchWords(text: string): string {
  const words = text.replace(/[^\p{L}\p{M}\p{N}\s'*-]/gu, ' ').split(/\s+/).map((word) => word.replace(/^['-]+|'+$/g, ''));
  return words.filter((word) => word !== '' && !isQuestionFiller(word)).slice(0, MAX_SEARCH_WORDS).join(' ');
}

/** Compared in lower case without apostrophes: `What's` as `whats`. (`US` is no filler: it names a country.) */
function isQuestionFiller(word: string): boolean {
  return QUESTION_FILLER.has(word.toLowerCase().replace(/'/g, ''));
}

/** `limit=5` read as an option of the command: its name and value; undefined for other words (`x=y`). */
function equalsOption(word: string, resolved: ResolvedLeaf): { name: string; value: string } | undefined {
  const [, name, value] = /^([a-z_]+)=(.*)$/i.exec(word) ?? [];
  if (name === undefined || value === undefined) return undefined;
  const known = resolved.leaf.options?.some((o) => o.name === name.toLowerCase());
  return known ? { name: name.toLowerCase(), value } : undefined;
}

/**
 * `limit=5`, as other tools write options: Sitrep's are written `limit:5`, said before the words
 * fill an option. The example is the whole line rewritten, every such option as name:value, so
 * it runs as shown.
 */
function refuseEqualsOptions(words: readonly string[], options: Readonly<Record<string, RawOptionValue>>, resolved: ResolvedLeaf): void {
  const refused = words.filter((word) => equalsOption(word, resolved));
  if (refused.length === 0) return;
  const bare = words.filter((word) => !equalsOption(word, resolved));
  // A number (`/entry show 3`) stays first, as typed; other words go last, where a reference
  // reads free words (`/search limit:5 Ron Dermer`).
  const leading = bare.every((word) => /^#?\d+$/.test(word));
  const rewritten = [
    ...(leading ? bare : []),
    ...Object.entries(options).map(([name, value]) => `${name}:${quoteIfNeeded(String(value))}`),
    ...refused.map((word) => {
      const { name, value } = equalsOption(word, resolved)!;
      return `${name}:${value ? quoteIfNeeded(value) : '…'}`;
    }),
    ...(leading ? [] : bare),
  ];
  const shown = refused.map((word) => `\`${word}\``);
  throw new UserError('syntax', `${wordList(shown)} ${refused.length > 1 ? 'are' : 'is'} not how options are written here: write them name:value.`, [
    `For example: /${resolved.path} ${rewritten.join(' ')}`,
  ], equalsOption(refused[0]!, resolved)!.name);
}

/**
 * Which invocations a page button may run again by itself: only commands whose spec says they
 * read (LeafSpec.readOnly, never an admin-only one). A button's id or value comes back from the
 * client on every press, so a button never runs an admin command, even for an admin.
 */
export function isReadOnlyInvocation(registry: CommandRegistry, invocation: { command: string; subcommand?: string }): boolean {
  try {
    return leafIsReadOnly(registry.resolve(invocation.command, invocation.subcommand));
  } catch {
    // An unknown command or subcommand: nothing to run again.
    return false;
  }
}
