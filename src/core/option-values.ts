// Checks and converts raw option values (text from Slack and the console, typed values from
// Discord) into the typed arguments handlers receive. Every refusal names the option, the bad
// value and what is accepted.
import { z } from 'zod';
import type { Choice, CommandArgs, OptionSpec, OptionValue, RawOptionValue } from './command-spec.js';
import { checkAll, UserError } from './errors.js';
import { dateParts as datePartsOf, daysInMonth, monthName, parsePartialDate, toIsoPartial, yearLastReadings, type PartialDate } from './partial-date.js';
import { withMarkupTyped } from './markup-lookalikes.js';
import { meantOptionName, meantOptionValue, timeNameNote } from './option-names.js';
import { closestNames } from './ranking.js';
import { DELETE_AND_C1, DIRECTION_CONTROLS, foldKey, westernDigits, wordList } from './text.js';
import { withoutWrappingQuotes } from './value-quotes.js';
import { clip } from './text-cut.js';
import { quoteIfNeeded } from './text-syntax.js';
import { hasVisibleText } from './visible-text.js';
import { runTogetherHint, withMonthYearHint, yearInUtcNow, yearlessDayHint, yearlessNumbersHint, type ExampleYear } from './yearless-date.js';
import { dayWithTimeHint } from './day-with-time.js';
import { DATE_OR_TIME_ACCEPTED, parseDayTime, takesTimeOfDay } from './day-time.js';
import { withCorrectedCommand } from './date-meant.js';

/** Length limit of text options that set none; platforms declare it too (Discord max_length). */
export const DEFAULT_TEXT_LIMIT = 200;

/** The value as a refusal repeats it: its first 40 characters, cut between graphemes. */
const shown = (value: RawOptionValue): string => clip(String(value), 41);

const DATE_ACCEPTED = 'a date like 2025, 2025-07 or 2025-07-12';

/** Line breaks (LF, CRLF) with the spaces around them, as one space in a one-line option; a lone CR stays a control character. */
const LINE_BREAKS = /[ \t]*(?:\r\n|\n)+[ \t]*/g;
/** Runs of spaces or tabs, as one space in a one-line option (`Strike   near   Daraa`): a headline's spacing is no part of it. */
const SPACE_RUNS = /[ \t\u00a0]{2,}/g;

/** `text` with each run of spaces or tabs as one space: a title, a list item (`Tel   Aviv`). */
export const withSingleSpaces = (text: string): string => text.replace(SPACE_RUNS, ' ');

/**
 * Text is stored and shown to everyone: a control character (NUL, ESC, a lone CR that sends a
 * terminal's cursor back over the line…) would drive the console's terminal or vanish on chat
 * platforms. Tabs and line breaks (\n or \r\n, a summary typed in a form or imported from a file)
 * are text. C1 controls (U+0080–U+009F) include a terminal's one-byte escape.
 */
const CONTROL_CHARACTER = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${DELETE_AND_C1}]|\\r(?!\\n)`);
/** Searched for, not matched whole: a pattern over the whole text recurses per character and overflows the stack on megabytes. */
const withoutControlCharacters = (text: string) => !CONTROL_CHARACTER.test(text);
/**
 * Direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reverse or reorder
 * the text after them, names and links included, on every platform; feeds lose them too
 * (src/sources/html-text.ts). Arabic and Hebrew need none of them to show right to left.
 */
const NO_DIRECTION_CONTROLS = new RegExp(`^[^${DIRECTION_CONTROLS}]*$`);
/**
 * The first-strong isolates replies put around a right-to-left value (bidi-isolate.ts): copied
 * with the value from a reply, they are no part of it, and are dropped rather than refused.
 */
const SHOWN_VALUE_ISOLATES = /[\u2068\u2069]/g;

/** Every whole number of this many digits is exact (Number.MAX_SAFE_INTEGER has 16). */
const SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER).length - 1;

/**
 * The zod schema for one option, with messages that say what is accepted. Every check names it,
 * the type check too: a forged request (a number for a text option) would otherwise get zod's
 * own "Invalid input: expected string, received number" inside the sentence.
 */
function schemaFor(option: OptionSpec): z.ZodType<OptionValue> {
  switch (option.type) {
    case 'integer': {
      const min = option.min ?? Number.MIN_SAFE_INTEGER;
      const max = option.max ?? Number.MAX_SAFE_INTEGER;
      // An id's maximum is only the largest exact number: "1 or more" says what matters.
      const range =
        option.min !== undefined && option.max !== undefined && option.max < Number.MAX_SAFE_INTEGER
          ? `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`
          : option.min !== undefined
            ? `a whole number, ${min.toLocaleString('en-US')} or more`
            : 'a whole number';
      // Past that maximum, though, the refusal states it: "1 or more" holds for 9007199254740992.
      // (Checked before int(), which refuses numbers past the exact ones with its own message.)
      // Without a maximum of its own, the limit is said in digits: 9,007,199,254,740,991 means nothing to a reader.
      const pastMax = range.startsWith('a whole number from') ? range : max >= Number.MAX_SAFE_INTEGER ? `${range}, of at most ${SAFE_DIGITS} digits` : `a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
      // Text digits become a number first; anything else fails the number check with `range`.
      // `#3` as lists show entry numbers is 3.
      return z
        .unknown()
        .transform((v) => (typeof v === 'string' && /^\s*#?-?\d+\s*$/.test(v) ? Number(v.trim().replace(/^#/, '')) : v))
        .pipe(z.number(range).max(max, pastMax).int(range).min(min, range));
    }
    case 'date': {
      // Past views take a time of day too (day-time.ts).
      const withTime = takesTimeOfDay(option);
      const accepted = withTime ? DATE_OR_TIME_ACCEPTED : DATE_ACCEPTED;
      return z.string(accepted).transform((text, ctx) => {
        const date = (withTime ? parseDayTime(text) : undefined) ?? parsePartialDate(text);
        if (!date) {
          ctx.addIssue({ code: 'custom', message: accepted });
          return z.NEVER;
        }
        return date;
      });
    }
    case 'boolean':
      return z
        .unknown()
        .transform((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v))
        .transform((v) => (v === 'true' || v === 'yes' ? true : v === 'false' || v === 'no' ? false : v))
        .pipe(z.boolean('true or false'));
    case 'choice': {
      const values = (option.choices ?? []).map((c) => c.value);
      // A label as replies show it (`Air/drone strike`, `government body`) is its value; any case is.
      const byLabel = new Map((option.choices ?? []).flatMap((c) => [[c.label.toLowerCase(), c.value] as const, [c.value.toLowerCase(), c.value] as const]));
      const accepted = `one of: ${values.join(', ')}`;
      return z
        .string(accepted)
        .trim()
        .toLowerCase()
        .transform((v) => byLabel.get(v) ?? v)
        .pipe(z.enum(values as [string, ...string[]], accepted));
    }
    case 'text':
    case 'actor': {
      const max = option.maxLength ?? DEFAULT_TEXT_LIMIT;
      return z
        .string('some text')
        .overwrite((v) => v.replace(SHOWN_VALUE_ISOLATES, ''))
        .overwrite((v) => (option.oneLine ? withSingleSpaces(v.replace(LINE_BREAKS, ' ')) : v))
        .trim()
        .min(1, 'some text')
        .max(max, `at most ${max} characters`)
        .refine(withoutControlCharacters, 'text without control characters')
        .regex(NO_DIRECTION_CONTROLS, 'text without direction controls (U+202A–U+202E, U+2066–U+2069: they reorder the rest of the line; right-to-left text needs none)')
        .refine(hasVisibleText, 'text with something visible in it (this holds only spaces, zero-width characters or marks)');
    }
  }
}

// Building a zod schema costs far more than using one; specs are static, so build each once.
const schemas = new WeakMap<OptionSpec, z.ZodType<OptionValue>>();
function cachedSchema(option: OptionSpec): z.ZodType<OptionValue> {
  let schema = schemas.get(option);
  if (!schema) {
    schema = schemaFor(option);
    schemas.set(option, schema);
  }
  return schema;
}

/**
 * Text values converted before, per option: an import converts the same types, topics, dates,
 * outlets and confidences thousands of times, and a zod parse costs ~1.5 µs. Kept small (cleared
 * when full) since unique values (titles, links) only pass through. Values are frozen: shared.
 */
const CONVERTED_PER_OPTION = 256;
const converted = new WeakMap<OptionSpec, Map<string, OptionValue>>();

function rememberConverted(option: OptionSpec, raw: string, value: OptionValue): OptionValue {
  let values = converted.get(option);
  if (!values) converted.set(option, (values = new Map()));
  if (values.size >= CONVERTED_PER_OPTION) values.clear();
  values.set(raw, Object.freeze(value));
  return value;
}

/** A value ending with a full stop (`12.`) ends the refusal's sentence too: another would read `12..`. */
const endsSentence = (text: string): boolean => /[.!?…]$/.test(text);

/** Converts one raw value; throws a UserError naming the option on failure, a date's example dated in `exampleYear`. */
export function convertOption(
  option: OptionSpec,
  raw: RawOptionValue,
  commandPath: string,
  exampleYear: ExampleYear = yearInUtcNow,
): OptionValue {
  const known = typeof raw === 'string' ? converted.get(option)?.get(raw) : undefined;
  if (known !== undefined) return known;
  // A value copied from a Slack reply reads its look-alikes as typed (`alˍQusayr` is `al_Qusayr`);
  // numbers and dates read Arabic-Indic digits as 0–9; the refusal repeats the value as typed.
  // A name a platform passes as typed (`“Sweida”` from a phone) is the name without its quotes,
  // as the text parser reads it; titles and queries keep theirs.
  const named = typeof raw === 'string' && option.autocomplete !== undefined && option.autocomplete !== 'type' ? withoutWrappingQuotes(raw) : raw;
  const typed = typeof named === 'string' ? withMarkupTyped(named) : named;
  const value = typeof typed === 'string' && (option.type === 'integer' || option.type === 'date') ? westernDigits(typed) : typed;
  const result = cachedSchema(option).safeParse(value);
  if (result.success) return typeof raw === 'string' ? rememberConverted(option, raw, result.data) : result.data;
  const accepted = result.error.issues[0]?.message ?? 'a valid value';
  throw new UserError(
    'invalid-option',
    `Option \`${option.name}\` of /${commandPath} must be ${accepted} — got ${typeof raw === 'string' && raw.trim() === '' ? 'nothing.' : `\`${shown(raw)}\`${endsSentence(shown(raw)) ? '' : '.'}`}`,
    refusalHints(option, value, exampleYear),
    option.name,
  );
}

/** A month name or a day alone: the start of `Jul 2025` or `12 Jul 2025` typed without quotes. */
const DATE_START = /^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|0?[1-9]|[12]\d|3[01])$/i;

/** A word without a plural's ending, so that `clashes` meets `clash` and `negotiations` `negotiation`. */
const stem = (word: string) => (word.length > 4 ? word.replace(/(?:es|s)$/, '') : word);
const wordsOf = (text: string) => foldKey(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);

/** Choices whose label or value holds each word typed (`strike` → air-strike, `Air/drone strike`). */
function choicesNamed(choices: readonly Choice[], raw: string): Choice[] {
  const typed = wordsOf(raw);
  if (typed.length === 0) return [];
  return choices.filter((choice) => {
    const words = new Set([...wordsOf(choice.label), ...wordsOf(choice.value)]);
    return typed.every((word) => words.has(word));
  });
}

/**
 * Why a date of the right shape is no day (`2025-02-30` or `30 Feb 2025`: February 2025 has 28
 * days), or that the rest of a date went unquoted.
 */
function dateHints(name: string, typed: string, exampleYear: ExampleYear, takesTime = false): string[] {
  const parts = datePartsOf(typed);
  if (parts?.month !== undefined && (parts.month < 1 || parts.month > 12)) return [`There is no month ${String(parts.month).padStart(2, '0')}: months run from 01 to 12.`];
  if (parts?.month !== undefined && parts.day !== undefined && parts.month >= 1 && parts.month <= 12) {
    const days = daysInMonth(parts.year, parts.month);
    if (parts.day < 1 || parts.day > days) return [`${monthName(parts.month)} ${parts.year} has ${days} days.`];
  }
  const yearLast = yearLastHint(typed) ?? yearlessNumbersHint(name, typed, exampleYear) ?? dayWithTimeHint(name, typed, takesTime) ?? yearlessDayHint(name, typed, exampleYear) ?? runTogetherHint(name, typed);
  if (yearLast) return [yearLast];
  // `since:July 2025` reads as since:July plus a stray word: the date as shown needs its quotes.
  if (/^\d+$/.test(typed) && DATE_START.test(typed)) return [`A year is written in full (${name}:2025); a day goes with its month and year, in quotes: ${name}:"${typed} Jul 2025".`];
  if (DATE_START.test(typed)) return [`A date with spaces goes in quotes: ${name}:"Jul 2025".`];
  return [];
}

/**
 * A day written before its month and year (`29/07/2025`) is not read, as `12/07/2025` could be 12
 * July or 7 December: the hint gives the day it names, or both it could name.
 */
function yearLastHint(typed: string): string | undefined {
  const [first, second] = yearLastReadings(typed);
  if (!first) return undefined;
  if (!second) return `The year goes first: did you mean ${toIsoPartial(first)}?`;
  const said = (date: PartialDate) => `${date.day} ${monthName(date.month!)}`;
  return `\`${typed}\` could be ${said(first)} or ${said(second)} ${first.year}: write ${toIsoPartial(first)} or ${toIsoPartial(second)}.`;
}

function refusalHints(option: OptionSpec, raw: RawOptionValue, exampleYear: ExampleYear): string[] {
  if (typeof raw !== 'string') return [];
  // A typo of one of a few known values (`type:talk`) gets the value meant, as commands do for names.
  const meant = option.choices ? closestNames(option.choices.map((c) => c.value), raw, 1) : [];
  if (meant.length > 0) return [`Did you mean \`${meant[0]}\`?`];
  // A word of a choice's label (`type:strike`, `type:negotiations`) gets the choices it names.
  const named = option.choices ? choicesNamed(option.choices, raw).slice(0, 3) : [];
  if (named.length > 0) return [`Did you mean ${named.map((c) => `\`${c.value}\` (${c.label})`).join(' or ')}?`];
  if (option.type === 'date') return dateHints(option.name, raw.trim(), exampleYear, takesTimeOfDay(option));
  return [];
}

/** A command's options by name, built once per list (an import converts one row after another). */
const byName = new WeakMap<readonly OptionSpec[], Map<string, OptionSpec>>();
function optionsByName(options: readonly OptionSpec[]): Map<string, OptionSpec> {
  let named = byName.get(options);
  if (!named) byName.set(options, (named = new Map(options.map((o) => [o.name, o]))));
  return named;
}

/**
 * An option that empties fields (`clear:` of /entry edit), with the name it takes for each option
 * whose field it empties. An option given empty (`tags:""`) sets nothing and is refused; the
 * refusal says how to empty the field instead.
 */
export interface EmptyingOption extends OptionSpec {
  empties: Readonly<Record<string, string>>;
}

const isEmptying = (option: OptionSpec): option is EmptyingOption => 'empties' in option;

/** The value of an emptying option (`clear:`) naming `fields` too: those it names already kept, the others added after them. */
export function emptyingAlso(value: RawOptionValue | undefined, fields: readonly string[]): string {
  const given = typeof value === 'string' ? value.split(',').map((name) => name.trim()).filter(Boolean) : [];
  const added = fields.filter((field) => !given.some((name) => name.toLowerCase() === field));
  return [...given, ...added].join(', ');
}

/** `refusal` with, for an option given empty that `emptying` can empty, the `clear:` to give instead (beside any the command gives already). */
function withEmptyingHint(refusal: unknown, option: OptionSpec, value: RawOptionValue, emptying: EmptyingOption | undefined, raw: Readonly<Record<string, RawOptionValue>>): unknown {
  const field = emptying?.empties[option.name];
  if (!(refusal instanceof UserError) || field === undefined || typeof value !== 'string' || value.trim() !== '') return refusal;
  const hint = `An empty value sets nothing: to empty \`${field}\`, give \`${emptying!.name}:${quoteIfNeeded(emptyingAlso(raw[emptying!.name], [field]))}\` instead.`;
  return new UserError(refusal.code, refusal.message, [...refusal.hints, hint], refusal.option);
}

/**
 * Checks names, required options and values against the spec. A date refused gets examples dated
 * in `exampleYear`: a channel's commands give the year on its clock.
 */
export function convertArgs(
  options: readonly OptionSpec[],
  raw: Readonly<Record<string, RawOptionValue>>,
  commandPath: string,
  exampleYear: ExampleYear = yearInUtcNow,
): CommandArgs {
  const known = optionsByName(options);
  const args: Record<string, OptionValue> = {};
  const conversions: (() => void)[] = [];
  const emptying = options.find(isEmptying);
  for (const [name, value] of Object.entries(raw)) {
    const option = known.get(name);
    if (!option) {
      const names = options.map((o) => o.name);
      const meant = meantOptionName(names, name);
      const timeNote = timeNameNote(names, name, commandPath);
      throw new UserError('unknown-option', `/${commandPath} has no option \`${name}\`.`, [
        ...(meant === undefined ? [] : [`Did you mean \`${meant}:${quoteIfNeeded(meantOptionValue(meant, String(value)))}\`?`]),
        ...(timeNote === undefined ? [] : [timeNote]),
        `Options: ${names.join(', ') || 'none'}.`,
      ], name);
    }
    conversions.push(() => {
      try {
        args[name] = convertOption(option, value, commandPath, exampleYear);
      } catch (refusal) {
        const hinted = withMonthYearHint(withCorrectedCommand(refusal, option, options, raw, commandPath, exampleYear), option, value, raw, exampleYear);
        throw withEmptyingHint(hinted, option, value, emptying, raw);
      }
    });
  }
  // Every wrong value at once, each with its own hints.
  checkAll(conversions);
  // Every missing option at once: fixing them one refusal at a time would take as many tries.
  const missing = options.filter((option) => option.required && args[option.name] === undefined);
  if (missing.length > 0) {
    const names = missing.map((option) => `\`${option.name}\``);
    const listed = wordList(names);
    throw new UserError(
      'missing-option',
      `/${commandPath} needs ${missing.length === 1 ? 'option' : 'options'} ${listed}.`,
      missing.map((option) => `${option.name}: ${option.description}`),
      missing[0]!.name,
    );
  }
  return args;
}
