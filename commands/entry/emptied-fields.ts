// What emptying a field does, in a form or named in `clear:`, for /entry edit and /review approve
// alike: a field an entry can do without is left empty; one every entry needs is refused under
// its own name, saying what it holds and how to keep it, and nothing is written.
import { UserError } from '../../src/core/errors.js';

/** The fields every entry needs, as a refusal names them. A confidence is always recorded (reported unless given). */
const NEEDED: Readonly<Record<string, string>> = { title: 'a title', date: 'a date', type: 'a type', topic: 'a topic', confidence: 'a confidence' };

/** Whether an entry needs `name` (an option name): emptying it is refused. */
export const isNeededField = (name: string): boolean => NEEDED[name] !== undefined;

/** The fields of `names` an entry needs, in the order given. */
export const neededAmong = (names: readonly string[]): string[] => names.filter(isNeededField);

/**
 * The refusal of a needed field emptied. `keep` says how to have it back (what the card suggests,
 * or what the entry holds now); without it, to give one.
 */
export function neededFieldEmptied(name: string, keep?: string): UserError {
  const needed = NEEDED[name] ?? `\`${name}\``;
  return new UserError('missing-option', `An entry needs ${needed}, and \`${name}\` was emptied.`, [keep ?? `Give ${needed}.`], name);
}

/** Figures without who gives them: `fatalities_source` emptied while the fatalities stay. */
export function fatalitySourceEmptied(): UserError {
  return new UserError('missing-option', 'Fatality figures need their source, and `fatalities_source` was emptied.', ['Give who gives them, or empty `fatalities` too to record none.'], 'fatalities_source');
}
