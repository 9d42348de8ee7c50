// A place typed on /entry add or edit must be one the gazetteer can locate, unless it is stored
// already (decided before) or the admin keeps it as free text with located:false.
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { ChangeStamp } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { optionLines } from '../../src/core/places/place-filter.js';
import type { PlaceDirectory } from '../../src/core/places/place-port.js';
import { resolvePlace } from '../../src/core/places/resolve-place.js';

export const locatedOption: OptionSpec = {
  name: 'located',
  description: 'false keeps new places the gazetteer cannot locate as free text, not located',
  type: 'boolean',
  example: 'false',
};

/**
 * Refuses new places the gazetteer does not know or cannot tell apart, offering the closest
 * matches or the spellings that name one; returns those the admin keeps unlocated (located:false).
 */
export function checkNewPlaces(places: PlaceDirectory, typed: readonly string[], args: CommandArgs): string[] {
  const unsettled = typed.flatMap((name) => {
    if (places.has(name)) return [];
    const resolution = resolvePlace(places.gazetteer, name);
    if (resolution.kind === 'located') return [];
    const hint =
      resolution.kind === 'ambiguous'
        ? `“${name}” names several places; say which: ${optionLines(resolution.options).join('; ')}.`
        : resolution.closest.length > 0
          ? `“${name}” is not in the gazetteer; closest: ${optionLines(resolution.closest).join('; ')}.`
          : `“${name}” is not in the gazetteer.`;
    return [{ name, hint }];
  });
  if (unsettled.length === 0 || args.located === false) return unsettled.map((u) => u.name);
  const names = unsettled.map((u) => `“${u.name}”`).join(', ');
  throw new UserError('not-found', `Option \`places\`: ${names} could not be located.`, [
    ...unsettled.map((u) => u.hint),
    'To keep a place as free text, not located, add located:false.',
  ], 'places');
}

/** After the write: the places kept unlocated are settled so, not left for /places unresolved. */
export function keepUnlocated(places: PlaceDirectory, names: readonly string[], stamp: ChangeStamp): void {
  for (const name of names) {
    const stored = places.stored(name);
    if (stored && stored.location !== 'not-located') places.settle(stored.id, { kind: 'not-located' }, stamp);
  }
}
