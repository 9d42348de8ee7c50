// What npm does to a program's options, and what a mistyped one was meant to be.
//
// `npm run import FILE --dry-run` (no `--` before the options) keeps `--dry-run` for npm itself:
// the program runs without the flag in its arguments and with `npm_config_dry_run=true` in its
// environment, so the import writes. npm sets npm_config_NAME for each option typed before `--`
// (`true`, or the value given as `--name=value`; a `--name value` leaves the value as a stray
// argument), and `npm_config_x=` (empty) for `--no-x`. It also sets, from its defaults and the
// user's .npmrc, variables of its own (npm_config_cache, npm_config_prefix, npm_config_audit=…):
// only the program's own option names count, never one npm always sets (`prefix`), never an
// empty value (an .npmrc's `dry-run=false`), and never `--help`, which npm answers itself.
// An option that is the abbreviation of one of npm's (`--format` for --format-package-lock) sets
// nothing and only leaves its value: a stray argument that is one of an option's values, in the
// npm script that program is, is taken as that option.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestNames } from '../core/ranking.js';
import { wordList } from '../core/text.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** npm config keys npm exports to every script whatever was typed: they say nothing of the command line. */
const ALWAYS_SET = new Set(['prefix', 'global-prefix', 'local-prefix', 'cache', 'userconfig', 'globalconfig', 'user-agent', 'node-gyp', 'npm-version', 'init-module']);

export interface NpmScript {
  /** The package.json script that runs the program: `npm run <script>`. */
  script: string;
  /** What the program does, as a noun: "this import would have run for real". */
  noun: string;
  /** The program's parseArgs options. */
  options: Options;
  /** The values an option takes, when it takes only these (`--format json|csv`). */
  choices?: Readonly<Record<string, readonly string[]>>;
  /** What stands for an option's value in the command to run when it is not known (`SLUG`). */
  placeholders?: Readonly<Record<string, string>>;
  /** How many positional arguments the call takes, given those it got. */
  positionals: (given: readonly string[]) => number;
}

interface Taken {
  name: string;
  /** The value of a string option, when known; its placeholder otherwise. */
  value?: string;
}

const envName = (name: string) => `npm_config_${name.replace(/-/g, '_')}`;

/** Whether `argv` gives the option `name` itself (`--name` or `--name=value`, or its short form). */
function given(argv: readonly string[], name: string, short: string | undefined): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  return args.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`) || (short !== undefined && arg.startsWith(`-${short}`) && !arg.startsWith('--')));
}

/** What npm's environment says it took of option `name`: undefined when nothing, else its value (`true` for a bare flag). */
function tookByEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (name === 'help' || ALWAYS_SET.has(name)) return undefined;
  // `--no-public-channels` reaches npm as the negation of `public-channels`: an empty value.
  if (name.startsWith('no-')) return env[envName(name.slice(3))] === '' && env[envName(name)] === undefined ? 'true' : undefined;
  const value = env[envName(name)];
  return value === undefined || value === '' ? undefined : value;
}

/** The positional arguments of `argv` with their indexes, read as leniently as npm leaves them. */
function positionalsOf(argv: readonly string[], options: Options): { value: string; index: number }[] {
  try {
    const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
    return tokens.filter((token) => token.kind === 'positional').map(({ value, index }) => ({ value, index }));
  } catch {
    return [];
  }
}

/** An argument as a shell reads it back: quoted when it holds more than plain path characters. */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Why the program must not run: npm took one of its options for itself (see the head of this
 * file), with the command to run instead; undefined when npm took none.
 */
export function npmTookOptions(argv: readonly string[], env: NodeJS.ProcessEnv, call: NpmScript): string | undefined {
  const positionals = positionalsOf(argv, call.options);
  const extra = positionals.length - call.positionals(positionals.map((p) => p.value));
  const strays = new Set<number>();
  /** The stray argument npm left of a string option: one of its values, or the last one the call does not take. */
  const strayValue = (name: string): string | undefined => {
    const choices = call.choices?.[name];
    const candidates = positionals.filter((p) => !strays.has(p.index) && (choices ? choices.includes(p.value) : true));
    if (extra - strays.size <= 0) return undefined;
    const stray = choices ? candidates[0] : candidates.at(-1);
    if (stray === undefined) return undefined;
    strays.add(stray.index);
    return stray.value;
  };
  const mistyped = new Set(unknownOptionsOf(argv, call.options).flatMap((typed) => nearestOption(typed, call.options) ?? []));
  const taken: Taken[] = [];
  for (const [name, option] of Object.entries(call.options)) {
    if (given(argv, name, option.short)) continue;
    const byEnv = tookByEnv(env, name);
    if (option.type === 'boolean') {
      if (byEnv !== undefined) taken.push({ name });
      continue;
    }
    if (byEnv !== undefined && byEnv !== 'true') {
      taken.push({ name, value: byEnv });
      continue;
    }
    // A bare `--name value` before `--`: npm's `true`, or nothing at all for an abbreviation of
    // one of npm's options, then known only by its value, within this program's own npm script.
    // Not when the call gives a mistyped option meant for this one (`--fromat csv`): that is where its value went.
    const byValue = byEnv !== undefined || (env['npm_lifecycle_event'] === call.script && call.choices?.[name] !== undefined && !mistyped.has(name));
    if (!byValue) continue;
    const value = strayValue(name);
    if (byEnv === undefined && value === undefined) continue;
    taken.push({ name, value: value ?? call.placeholders?.[name] ?? 'VALUE' });
  }
  if (taken.length === 0) return undefined;

  const flags = taken.map(({ name }) => `--${name}`);
  const left = argv.filter((_, index) => !strays.has(index));
  const leftAsStrays = [...strays].sort((a, b) => a - b).map((index) => argv[index]!);
  const run = ['npm', 'run', call.script, '--', ...left, ...taken.flatMap(({ name, value }) => (value === undefined ? [`--${name}`] : [`--${name}`, value]))];
  const one = taken.length === 1;
  const why = `npm took ${wordList(flags)} for itself (${one ? 'it' : 'they'} came before \`--\`)`;
  const stray = leftAsStrays.length === 0 ? '' : `, leaving ${wordList(leftAsStrays.map((s) => `\`${s}\``))} as ${leftAsStrays.length === 1 ? 'a stray argument' : 'stray arguments'}`;
  const outcome = taken.some(({ name }) => name === 'dry-run') ? 'would have run for real' : `would have run without ${one ? 'it' : 'them'}`;
  return `${why}${stray}, so this ${call.noun} ${outcome}. Nothing was done.\nRun: ${run.map(shellWord).join(' ')}`;
}

/** The option a mistyped name was likely meant as, if any. */
function nearestOption(typed: string, options: Options): string | undefined {
  const names = Object.keys(options);
  // A shortened name (`--unlocated`) is far from the whole one by edits, but plainly meant it.
  const extending = names.filter((name) => name.startsWith(typed));
  return (extending.length === 1 ? extending : closestNames(names, typed, 1))[0];
}

/** The names of the options `argv` gives that the program does not take (`fromat` for `--fromat`). */
function unknownOptionsOf(argv: readonly string[], options: Options): string[] {
  try {
    const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
    return tokens.flatMap((token) => (token.kind === 'option' && !(token.name in options) ? [token.name] : []));
  } catch {
    return [];
  }
}

/** A mistyped option's refusal (`Unknown option '--dryrun'.`) with the nearest option it may have meant. */
export function withNearestOption(problem: string, options: Options): string {
  const typed = /^Unknown option '--?([^'=]+)'/.exec(problem)?.[1];
  if (typed === undefined) return problem;
  const nearest = nearestOption(typed, options);
  return nearest === undefined ? problem : `${problem} Did you mean --${nearest}?`;
}
