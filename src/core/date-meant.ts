// The one date a refused date option most likely meant, when how it was written leaves no doubt:
// a day with its year last (`14/07/2025`), a day and month in numbers without a year (`14/7`, in
// the year on the channel's clock), a day with a time of day (`2025-07-14T09:30`) or digits run
// together (`20250714`). A refusal offers the command with it; it is never read in the user's stead.
// An option that takes a time (`as_of`) is never offered its day for a time it refused: the time
// meant something.
import type { OptionSpec, RawOptionValue } from './command-spec.js';
import { takesTimeOfDay } from './day-time.js';
import { UserError } from './errors.js';
import { dayBeforeTime, runTogetherDate, toIsoPartial, yearLastReadings, yearlessNumberReadings, type PartialDate } from './partial-date.js';
import { quoteIfNeeded } from './text-syntax.js';
import type { ExampleYear } from './yearless-date.js';

/**
 * The date `typed` can only mean, or undefined when it is not written so or could mean two;
 * `withTime`: the option takes a time, so a day with one is not a day mistyped.
 */
export function dateMeant(typed: string, exampleYear: ExampleYear, withTime = false): PartialDate | undefined {
  const yearLast = yearLastReadings(typed);
  if (yearLast.length > 0) return yearLast.length === 1 ? yearLast[0] : undefined;
  const numbers = /^\d{1,2}[-/.]\d{1,2}$/.test(typed.trim()) ? yearlessNumberReadings(typed, exampleYear()) : [];
  if (numbers.length > 0) return numbers.length === 1 ? numbers[0] : undefined;
  return (withTime ? undefined : dayBeforeTime(typed)) ?? runTogetherDate(typed);
}

/**
 * `refusal` of a date option with the whole command as it runs with every date written so
 * (`/entry add date:2025-07-14 title:…` for `date:14/7/2025`), when its own date has one meaning
 * and is the first date so written.
 */
export function withCorrectedCommand(
  refusal: unknown,
  option: OptionSpec,
  options: readonly OptionSpec[],
  raw: Readonly<Record<string, RawOptionValue>>,
  commandPath: string,
  exampleYear: ExampleYear,
): unknown {
  const value = raw[option.name];
  if (!(refusal instanceof UserError) || option.type !== 'date' || typeof value !== 'string') return refusal;
  const dated = new Map(options.filter((o) => o.type === 'date').map((o) => [o.name, o]));
  const meantFor = (name: string, given: RawOptionValue | undefined) => {
    const spec = dated.get(name);
    return spec && typeof given === 'string' ? dateMeant(given, exampleYear, takesTimeOfDay(spec)) : undefined;
  };
  // Said once, under the first date written so: `since:14/7 until:15/7` gets one command with both.
  const first = Object.entries(raw).find(([name, given]) => meantFor(name, given) !== undefined);
  if (first?.[0] !== option.name) return refusal;
  const written = Object.entries(raw).map(([name, given]) => {
    const meant = meantFor(name, given);
    return `${name}:${meant ? toIsoPartial(meant) : quoteIfNeeded(String(given))}`;
  });
  const hint = `Corrected: /${commandPath} ${written.join(' ')}`;
  return new UserError(refusal.code, refusal.message, [...refusal.hints, hint], refusal.option, refusal.gathered);
}
