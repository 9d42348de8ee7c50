// Checks and converts raw option values (text from Slack and the console, typed values from
// Discord) into the typed arguments handlers receive. Every refusal names the option, the bad
// value and what is accepted.
import { z } from 'zod';
import type { CommandArgs, OptionSpec, OptionValue, RawOptionValue } from './command-spec.js';
import { UserError } from './errors.js';
import { parsePartialDate } from './partial-date.js';

/** Length limit of text options that set none; platforms declare it too (Discord max_length). */
export const DEFAULT_TEXT_LIMIT = 200;

function shown(value: RawOptionValue): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** The zod schema for one option, with messages that say what is accepted. */
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
      // Text digits become a number first; anything else fails the number check with `range`.
      // `#3` as lists show entry numbers is 3.
      return z
        .unknown()
        .transform((v) => (typeof v === 'string' && /^\s*#?-?\d+\s*$/.test(v) ? Number(v.trim().replace(/^#/, '')) : v))
        .pipe(z.number(range).int(range).min(min, range).max(max, range));
    }
    case 'date':
      return z.string().transform((text, ctx) => {
        const date = parsePartialDate(text);
        if (!date) {
          ctx.addIssue({ code: 'custom', message: 'a date like 2025, 2025-07 or 2025-07-12' });
          return z.NEVER;
        }
        return date;
      });
    case 'boolean':
      return z
        .unknown()
        .transform((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v))
        .transform((v) => (v === 'true' || v === 'yes' ? true : v === 'false' || v === 'no' ? false : v))
        .pipe(z.boolean('true or false'));
    case 'choice': {
      const values = (option.choices ?? []).map((c) => c.value);
      // A label as replies show it (`Air/drone strike`, `government body`) is its value.
      const byLabel = new Map((option.choices ?? []).map((c) => [c.label.toLowerCase(), c.value]));
      return z
        .string()
        .trim()
        .toLowerCase()
        .transform((v) => byLabel.get(v) ?? v)
        .pipe(z.enum(values as [string, ...string[]], `one of: ${values.join(', ')}`));
    }
    case 'text':
    case 'actor': {
      const max = option.maxLength ?? DEFAULT_TEXT_LIMIT;
      return z
        .string()
        .trim()
        .min(1, 'some text')
        .max(max, `at most ${max} characters`);
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

/** Converts one raw value; throws a UserError naming the option on failure. */
export function convertOption(
  option: OptionSpec,
  raw: RawOptionValue,
  commandPath: string,
): OptionValue {
  const result = cachedSchema(option).safeParse(raw);
  if (result.success) return result.data;
  const accepted = result.error.issues[0]?.message ?? 'a valid value';
  throw new UserError(
    'invalid-option',
    `Option \`${option.name}\` of /${commandPath} must be ${accepted} — got \`${shown(raw)}\`.`,
  );
}

/** Checks names, required options and values against the spec. */
export function convertArgs(
  options: readonly OptionSpec[],
  raw: Readonly<Record<string, RawOptionValue>>,
  commandPath: string,
): CommandArgs {
  const known = new Map(options.map((o) => [o.name, o]));
  const args: Record<string, OptionValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const option = known.get(name);
    if (!option) {
      const names = options.map((o) => o.name).join(', ') || 'none';
      throw new UserError('unknown-option', `/${commandPath} has no option \`${name}\`.`, [
        `Options: ${names}.`,
      ]);
    }
    args[name] = convertOption(option, value, commandPath);
  }
  for (const option of options) {
    if (option.required && args[option.name] === undefined) {
      throw new UserError('missing-option', `/${commandPath} needs option \`${option.name}\`.`, [
        `${option.name}: ${option.description}`,
      ]);
    }
  }
  return args;
}
