// List options (actors, places, tags) take their items apart at commas. A list typed with
// semicolons, as some spreadsheets and locales write lists, would be read as one item (a place
// `Sweida; Damascus`, an actor `Druze community of Syria:initiator; Syria`): refusals give the list
// back with commas.
import { UserError } from '../../src/core/errors.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';

/** The list with its semicolons as commas: `A:initiator; B:target, C` → `A:initiator, B:target, C`. */
export const withCommas = (text: string): string => text.split(/[;,]/).map((item) => item.trim()).filter(Boolean).join(', ');

/** The refusal of a list whose items are separated by semicolons, with the list written with commas. */
export function semicolonsRefusal(text: string, option: string): UserError {
  return new UserError('invalid-option', `Option \`${option}\`: list items are separated by commas, not semicolons.`, [
    `Written with commas: ${option}:${quoteIfNeeded(withCommas(text))}`,
  ], option);
}

/**
 * Refuses a list of places or tags whose items are separated by semicolons alone. (An actors list
 * is refused when its names are looked up, as a name may be known with its semicolon.)
 */
export function checkCommaSeparated(text: string, option: string): void {
  if (!text.includes(';') || text.includes(',')) return;
  throw semicolonsRefusal(text, option);
}
