// A place typed on /entry add or edit must be one the gazetteer can locate, unless it is stored
// already (decided before) or the admin keeps it as free text with located:false.
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { ChangeStamp } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { placeChain, type GazetteerPlace } from '../../src/core/places/gazetteer-port.js';
import type { PlaceDirectory } from '../../src/core/places/place-port.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';
import { foldKey, wordList } from '../../src/core/text.js';
import { span, type Line } from '../../src/core/view.js';
import { quotedNames, unlocatedPlace } from '../../src/core/places/unlocated-places.js';

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
  const unsettled = typed.flatMap((name) => unlocatedPlace(places, name) ?? []);
  if (unsettled.length === 0 || args.located === false) return unsettled.map((u) => u.name);
  throw new UserError('not-found', `Option \`places\`: ${quotedNames(unsettled)} could not be located.`, [
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

/** `Daraa, Syria` for Nawa (the record's own name left out when it is the one typed), `Nawá, Daraa, Syria` for Nawa typed as Nava, `region, Syria`, `country`. */
function whereIs(name: string, place: GazetteerPlace): string {
  if (place.precision === 'country') return 'country';
  const chain = placeChain(place).split(', ');
  const sameName = foldKey(chain[0]!) === foldKey(name);
  if (place.precision === 'region') return `${sameName ? 'region' : `region ${chain[0]}`}, ${place.country.name}`;
  return (sameName ? chain.slice(1) : chain).join(', ');
}

/** The typed places not stored yet: a write locates them, and the reply says where. */
export const newPlaces = (places: PlaceDirectory, typed: readonly string[]): string[] => typed.filter((name) => !places.stored(name));

/**
 * Where the places this change stored first were located (`Nawa` as Nawá, Daraa, Syria), so an
 * admin sees at once a name the gazetteer placed elsewhere, and how to place it otherwise; and
 * which of them are another spelling of a place stored already (see `samePlaceLines`).
 */
export function locatedNote(places: PlaceDirectory, fresh: readonly string[], entry: { id: number; places: readonly string[] }): Line[] {
  const located = fresh.flatMap((name) => {
    const stored = places.stored(name);
    const place = stored?.location === 'located' && stored.ref ? places.gazetteer.byRef(stored.ref) : undefined;
    return place ? [{ name: stored!.name, id: stored!.id, ref: place.ref, where: whereIs(stored!.name, place) }] : [];
  });
  const [first] = located;
  if (!first) return [];
  const which = located.map(({ name, where }) => `${name} (${where})`).join(', ');
  return [
    [
      span.plain(`${located.length === 1 ? 'New place located' : 'New places located'}: ${which}. If one is another place: `),
      span.command('places locate', `name:"${first.name}" as:"…"`),
      span.plain(', or '),
      span.command('places locate', `name:"${first.name}" located:false`),
      span.plain(' to keep it as text.'),
    ],
    ...located.flatMap((place) => samePlaceLines(places, place, entry)),
  ];
}

/**
 * A new spelling of a place stored already (`Kuneitra` beside `Quneitra`): lists read both as
 * one place, but search finds each spelling apart, so the reply says so and how to write the
 * spelling the dossier uses most instead.
 */
function samePlaceLines(places: PlaceDirectory, place: { name: string; id: number; ref: string }, entry: { id: number; places: readonly string[] }): Line[] {
  const others = places.locatedAs(place.ref).filter((other) => other.id !== place.id && other.entries > 0);
  const [most] = others;
  if (!most) return [];
  const names = others.map((other) => other.name);
  const either = others.length === 1 ? 'either' : 'any of them';
  const instead = [...new Set(entry.places.map((name) => (foldKey(name) === foldKey(place.name) ? most.name : name)))];
  return [
    [
      span.plain(
        `${place.name} is the same place as ${wordList(names)}, stored already: entries under ${either} are read together by /timeline place:, /chart map and /place, but /search finds each spelling apart. To write it as ${most.name}: `,
      ),
      span.command('entry edit', `id:${entry.id} places:${quoteIfNeeded(instead.join(', '))}`),
    ],
  ];
}
