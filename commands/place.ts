// /place NAME — where a place is (its region and country, coordinates, how precise) and its
// latest entries, within it and every place it holds.
import { authorLabel } from '../src/core/author-label.js';
import type { CommandSpec } from '../src/core/command-spec.js';
import { invocationSpan } from '../src/core/command-refs.js';
import { entrySection } from '../src/core/entry-views.js';
import { UserError } from '../src/core/errors.js';
import type { GazetteerPlace } from '../src/core/places/gazetteer-port.js';
import { optionLines, placeFilter } from '../src/core/places/place-filter.js';
import type { PlaceDirectory } from '../src/core/places/place-port.js';
import { isPinned, pinnedWhere, precisionWord } from '../src/core/places/pins.js';
import { resolvePlace } from '../src/core/places/resolve-place.js';
import type { DossierReader, TimelineQuery } from '../src/core/ports.js';
import { plainLine, span, type Fact, type View } from '../src/core/view.js';

const LATEST_ENTRIES = 5;

/** Latitude and longitude as ACLED and maps read them: decimal degrees, 5 places (about 1 m). */
export const coordinates = (place: GazetteerPlace) => `${place.latitude.toFixed(5)}, ${place.longitude.toFixed(5)}`;

/** Who pinned the place, as its location log says: the latest to locate it, by name and platform (`ed (Slack)`). */
function pinnedBy(places: PlaceDirectory, place: GazetteerPlace): string | undefined {
  const by = places.locationsOf([place.name]).filter((record) => record.location === 'located').at(-1)?.changedBy;
  return by === undefined ? undefined : authorLabel(by);
}

function whereFacts(places: PlaceDirectory, place: GazetteerPlace): Fact[] {
  const country = `${place.country.name} (${place.country.code} · ${place.country.alpha3})`;
  const facts: Fact[] = [{ label: 'Precision', value: plainLine(precisionWord(place)) }];
  if (isPinned(place)) {
    // The admin's word on where it lies, not the gazetteer's: said as such.
    const by = pinnedBy(places, place);
    facts.unshift({ label: 'Location', value: plainLine(`pinned at ${pinnedWhere(place)}${by ? ` by ${by}` : ''}`) });
  }
  if (place.precision === 'locality' && place.region) facts.push({ label: 'Region', value: plainLine(place.region.name) });
  if (place.precision !== 'country') facts.push({ label: 'Country', value: plainLine(country) });
  else facts.push({ label: 'ISO 3166', value: plainLine(`${place.country.code} · ${place.country.alpha3}`) });
  facts.push({ label: 'Coordinates', value: plainLine(coordinates(place)) });
  return facts;
}

function entriesView(dossier: DossierReader, title: string, facts: Fact[], query: Pick<TimelineQuery, 'placeArea' | 'placeKey'>, typed: string): View {
  const latest = dossier.timeline({ ...query, limit: LATEST_ENTRIES, offset: 0 });
  return {
    title,
    tone: 'normal',
    facts,
    sections: [
      {
        heading: [span.bold(`Latest entries (${latest.total}${latest.totalIsLowerBound ? '+' : ''} in all)`)],
        lines: latest.items.length === 0 ? [plainLine('No entries at this place yet.')] : [],
      },
      ...latest.items.map((entry) => entrySection(entry)),
    ],
    // Only where /timeline would list something: with no entry here, it would refuse the place.
    ...(latest.total > 0 ? { footer: [span.plain('All entries: '), invocationSpan({ command: 'timeline', args: { place: typed } })] } : {}),
  };
}

function notFound(places: PlaceDirectory, typed: string): UserError {
  const resolution = resolvePlace(places.gazetteer, typed, true, places.nearCountries());
  const closest = resolution.kind === 'unknown' ? resolution.closest : [];
  return new UserError('not-found', `No place called “${typed}” is stored or in the gazetteer.`, [
    closest.length > 0 ? `Closest in the gazetteer: ${optionLines(closest).join('; ')}.` : 'Check the spelling, or try the name in English.',
  ], 'name');
}

/**
 * The place the name itself means, as an entry typed with it stores it: the stored place's own,
 * else the gazetteer's reading (a seat sharing its governorate's name is the seat).
 */
function namedPlace(places: PlaceDirectory, typed: string): GazetteerPlace | undefined {
  const ref = places.stored(typed)?.ref;
  if (ref) return places.gazetteer.byRef(ref);
  const resolution = resolvePlace(places.gazetteer, typed, false, places.nearCountries());
  return resolution.kind === 'located' ? resolution.place : undefined;
}

export function placeView(ctx: { services: { dossier: DossierReader; places: PlaceDirectory } }, typed: string): View {
  const { dossier, places } = ctx.services;
  const filter = placeFilter(places, typed, 'name');
  if (filter?.kind === 'area') {
    // Where the place is; its entries are those within the widest area the name means, as /timeline reads it.
    const place = namedPlace(places, typed) ?? filter.place;
    const facts = whereFacts(places, place);
    if (place.ref !== filter.place.ref) facts.push({ label: 'Entries', value: plainLine(`from all of ${filter.place.name} (${filter.place.precision}), as place:${typed} filters read it`) });
    return entriesView(dossier, place.name, facts, { placeArea: filter.area }, typed);
  }
  const stored = filter ? places.stored(filter.name) : undefined;
  if (!stored) throw notFound(places, typed);
  const status =
    stored.location === 'ambiguous'
      ? `not located: could be ${stored.candidates.join(', ')}`
      : stored.location === undefined
        ? 'not looked up yet'
        : 'not located (free text)';
  return entriesView(dossier, stored.name, [{ label: 'Location', value: plainLine(status) }], { placeKey: stored.key }, typed);
}

export const placeCommand: CommandSpec = {
  name: 'place',
  description: 'Where a place is (region, country, coordinates) and its latest entries',
  readOnly: true,
  options: [{ name: 'name', description: 'Place name, any spelling, e.g. Odesa, Kiev or Sweida', type: 'text', required: true, maxLength: 100, autocomplete: 'place', example: 'Sweida' }],
  examples: ['Sweida', 'Ukraine', 'name:"Paris (Texas)"'],
  run: (args, ctx) => placeView(ctx, String(args.name)),
};
