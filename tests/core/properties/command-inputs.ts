// Generators of whole commands, built from the real command specs so most inputs get past name
// lookup and into option conversion and the handlers: command lines as Slack and the console send
// them, and already-split requests as Discord sends them (or as a forged request could).
import fc from 'fast-check';
import { allCommands } from '../../../commands/index.js';
import type { CommandSpec, OptionSpec, RawOptionValue } from '../../../src/core/command-spec.js';
import { leaves } from '../../../src/core/help.js';
import { formatInvocation } from '../../../src/core/text-syntax.js';
import { anyRawValue, deliveredValueFor, hostileText, plausibleValueFor, typedValueFor } from './hostile-values.js';

/** Names no command has, some of them properties every JavaScript object inherits. */
const UNKNOWN_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'foo', 'x', 'limit_', 'id2', 'a-b', 'Ü'];

const leafPaths = allCommands.flatMap((command) => leaves(command).map(({ path, leaf }) => ({ command, path, leaf })));
type LeafChoice = (typeof leafPaths)[number];

const anyLeaf: fc.Arbitrary<LeafChoice> = fc.constantFrom(...leafPaths);

function optionsOf(leaf: LeafChoice): readonly OptionSpec[] {
  return leaf.leaf.options ?? [];
}

const everyName = [...new Set(leafPaths.flatMap(optionsOf).map((o) => o.name))];
/** Built once: stringMatching compiles its pattern into generators, tens of milliseconds each time. */
const nameLikeWord = fc.stringMatching(/^[a-z][a-z0-9_-]{0,12}$/);

/** An option name as typed: a real one (any case), one of another command, or none at all. */
function optionName(options: readonly OptionSpec[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: options.length > 0 ? fc.constantFrom(...options.map((o) => o.name)) : fc.constantFrom(...everyName) },
    { weight: 1, arbitrary: options.length > 0 ? fc.constantFrom(...options.map((o) => o.name.toUpperCase())) : fc.constantFrom(...everyName) },
    { weight: 1, arbitrary: fc.constantFrom(...everyName, ...UNKNOWN_NAMES) },
    { weight: 1, arbitrary: nameLikeWord },
  );
}

/** The subcommand word: the real one, in another case, a number, an unknown word or missing. */
function subcommandWord(leaf: LeafChoice): fc.Arbitrary<string | undefined> {
  const real = leaf.path.split(' ')[1];
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(real) },
    { weight: 1, arbitrary: fc.constant(real?.toUpperCase()) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '3', '#3', 'shw', 'list', 'constructor') },
    { weight: 1, arbitrary: hostileText },
  );
}

const QUOTES: [string, string][] = [['"', '"'], ["'", "'"], ['“', '”'], ['‘', '’'], ['«', '»'], ['“', '"'], ['"', ''], ['«', '”']];

/** A value as typed: bare, or between quotes of any kind (some never closed, some mismatched). */
function typedForm(value: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: value },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...QUOTES), value).map(([[open, close], text]) => `${open}${text}${close}`) },
  );
}

/** One token after the command: `name:value`, a bare word, or `name:` with nothing after it. */
function token(options: readonly OptionSpec[]): fc.Arbitrary<string> {
  const known = new Map(options.map((o) => [o.name, o]));
  const named = optionName(options).chain((name) => {
    const option = known.get(name.toLowerCase());
    return typedForm(option ? typedValueFor(option) : hostileText).map((value) => `${name}:${value}`);
  });
  return fc.oneof(
    { weight: 5, arbitrary: named },
    { weight: 2, arbitrary: typedForm(hostileText) },
    { weight: 1, arbitrary: optionName(options).map((name) => `${name}:`) },
  );
}

const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000');

/** The command word: real (with or without its slash, any case), close to real, or anything. */
function commandWord(command: CommandSpec): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(`/${command.name}`) },
    { weight: 1, arbitrary: fc.constantFrom(command.name, `/${command.name.toUpperCase()}`, `/${command.name}s`, '//timeline', '/', '/constructor', '/__proto__') },
    { weight: 1, arbitrary: hostileText.map((text) => `/${text}`) },
  );
}

/** A command line built from a real command's spec, with real and hostile parts mixed. */
const scrambledLine: fc.Arbitrary<string> = anyLeaf.chain((leaf) =>
  fc
    .tuple(
      commandWord(leaf.command),
      subcommandWord(leaf),
      fc.array(fc.tuple(separator, token(optionsOf(leaf))), { maxLength: 6 }),
      fc.constantFrom('', ' ', '\n'),
    )
    .map(([command, subcommand, tokens, tail]) =>
      [command, subcommand === undefined ? '' : ` ${subcommand}`, ...tokens.map(([sep, text]) => `${sep}${text}`), tail].join(''),
    ),
);

/**
 * The options a working call of this leaf could have: every required one and some others, each
 * with a value of its own kind or, now and then, a hostile one; so most calls reach the handler.
 */
function wellFormedArgs<T>(leaf: LeafChoice, value: (option: OptionSpec) => fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  const options = optionsOf(leaf);
  const required = options.filter((o) => o.required);
  const optional = options.filter((o) => !o.required);
  return fc
    .subarray(optional, { maxLength: Math.min(4, optional.length) })
    .chain((optional) => fc.tuple(...[...required, ...optional].map((o) => value(o).map((v) => [o.name, v] as const))))
    .map((entries) => Object.fromEntries(entries));
}

const typedMostlyPlausible = (option: OptionSpec) =>
  fc.oneof({ weight: 4, arbitrary: plausibleValueFor(option) }, { weight: 1, arbitrary: typedValueFor(option) });

/** A well-formed line as formatInvocation writes it (values quoted where needed), with values that may be bad. */
const wellFormedLine: fc.Arbitrary<string> = anyLeaf.chain((leaf) =>
  wellFormedArgs(leaf, typedMostlyPlausible).map((args) => {
    const [command, subcommand] = leaf.path.split(' ') as [string, string | undefined];
    return formatInvocation({ command, ...(subcommand ? { subcommand } : {}), args });
  }),
);

/** Command lines: half well-formed (reaching the handlers), half scrambled (exercising the parser). */
export const commandLine: fc.Arbitrary<string> = fc.oneof(wellFormedLine, scrambledLine);

/** Anything at all where a command line is expected. */
export const anyText: fc.Arbitrary<string> = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 200 }));

export interface SplitRequest {
  command: string;
  subcommand?: string;
  args: Record<string, RawOptionValue>;
}

/** Args as a platform delivers them: real names with values of the right type or any type, and unknown names. */
function splitArgs(options: readonly OptionSpec[]): fc.Arbitrary<Record<string, RawOptionValue>> {
  const known = new Map(options.map((o) => [o.name, o]));
  const entry = optionName(options).chain((name) => {
    const option = known.get(name);
    return (option ? deliveredValueFor(option) : anyRawValue).map((value) => [name, value] as const);
  });
  // fromEntries defines own properties, so `__proto__` arrives as a key, as JSON.parse would give it.
  return fc.array(entry, { maxLength: 6 }).map((entries) => Object.fromEntries(entries));
}

/** A request with options already split, for `dispatcher.run`. */
const scrambledRequest: fc.Arbitrary<SplitRequest> = anyLeaf.chain((leaf) =>
  fc
    .tuple(
      fc.oneof({ weight: 8, arbitrary: fc.constant(leaf.command.name) }, { weight: 1, arbitrary: hostileText }),
      subcommandWord(leaf),
      splitArgs(optionsOf(leaf)),
    )
    .map(([command, subcommand, args]) => ({ command, ...(subcommand === undefined ? {} : { subcommand }), args })),
);

/** A request for a real leaf with its required options, values mostly of the right type. */
const wellFormedRequest: fc.Arbitrary<SplitRequest> = anyLeaf.chain((leaf) =>
  wellFormedArgs(leaf, (option) => fc.oneof({ weight: 3, arbitrary: deliveredValueFor(option) }, { weight: 1, arbitrary: anyRawValue })).map((args) => {
    const [command, subcommand] = leaf.path.split(' ') as [string, string | undefined];
    return { command, ...(subcommand ? { subcommand } : {}), args };
  }),
);

/** Split requests: half well-formed, half scrambled. */
export const splitRequest: fc.Arbitrary<SplitRequest> = fc.oneof(wellFormedRequest, scrambledRequest);
