// /places unresolved and /places locate — the stored places the gazetteer could not settle, and
// an admin's decision on one: where it is (a gazetteer place, or a pin at coordinates), or that it
// stays free text.
import type { CommandSpec, SubcommandSpec } from '../src/core/command-spec.js';
import { pageInfo, pageRequest } from '../src/core/entry-views.js';
import { UserError } from '../src/core/errors.js';
import { placeChain } from '../src/core/places/gazetteer-port.js';
import { optionLines } from '../src/core/places/place-filter.js';
import { pinnedWhere } from '../src/core/places/pins.js';
import { resolvePlace } from '../src/core/places/resolve-place.js';
import { plural, wordList } from '../src/core/text.js';
import { plainLine, span } from '../src/core/view.js';
import { pinFor } from './place-pin.js';
import { limitOption, pageOption } from './shared-options.js';
import { stampOf } from './stamp.js';

const DEFAULT_LIMIT = 10;

const unresolved: SubcommandSpec = {
  name: 'unresolved',
  description: 'Stored places the gazetteer could not settle, most used first',
  readOnly: true,
  options: [limitOption(DEFAULT_LIMIT), pageOption],
  examples: [''],
  run(args, ctx) {
    const request = pageRequest(args, DEFAULT_LIMIT);
    const page = ctx.services.places.unsettled(request.limit, request.offset);
    const { pager, intro } = pageInfo({ command: 'places', subcommand: 'unresolved' }, args, request, page, ['place', 'places']);
    // Nothing waiting is good news, not an empty search.
    const none = page.total === 0 && request.page === 1;
    return {
      title: 'Places to settle',
      tone: 'normal',
      intro: [none ? plainLine('No place is waiting: every stored place is located, or kept as free text (by an admin, an import or the seed: /entry history shows which).') : intro],
      sections: none ? [] : [
        {
          lines: page.items.map((place) => [
            span.bold(place.name),
            span.plain(` — ${plural(place.entries, 'entry', 'entries')}; ${place.location === 'ambiguous' ? `could be ${place.candidates.join(', ')}` : 'not looked up yet'}`),
          ]),
        },
      ],
      ...(page.total > 0 ? { footer: [span.plain('Settle one with '), span.command('places locate', 'name:"…" as:"…"'), span.plain(' or '), span.command('places locate', 'name:"…" located:false')] } : {}),
      pager,
    };
  },
};

const locate: SubcommandSpec = {
  name: 'locate',
  description: 'Say where a stored place is, pin it at coordinates, or keep it as not located (admins)',
  adminOnly: true,
  options: [
    { name: 'name', description: 'The stored place, as entries show it', type: 'text', required: true, maxLength: 120, autocomplete: 'place', example: '"Southern Syria"' },
    { name: 'as', description: 'A gazetteer place it stands for: Syria, "Paris (Texas)", "Sweida province"', type: 'text', maxLength: 120, example: 'Syria' },
    { name: 'at', description: 'Where a place the gazetteer lacks is: latitude, longitude ("33.416, 35.857"), with `in`', type: 'text', maxLength: 60, example: '"33.416, 35.857"' },
    { name: 'in', description: 'The country or first-level region the pin lies in, as `as` takes it: Syria, Quneitra', type: 'text', maxLength: 120, example: 'Quneitra' },
    { name: 'located', description: 'false keeps it as free text, not located', type: 'boolean', example: 'false' },
  ],
  examples: ['name:"Southern Syria" as:Syria', 'name:"Golan buffer zone" at:"33.13, 35.83" in:Quneitra', 'name:"Golan buffer zone" located:false'],
  run(args, ctx) {
    const { places } = ctx.services;
    if (args.in !== undefined && args.at === undefined) {
      throw new UserError('missing-option', 'Option `in` goes with `at`: give the coordinates too, e.g. at:"33.416, 35.857" in:Syria.', [], 'at');
    }
    if (args.at !== undefined && args.in === undefined) {
      throw new UserError('missing-option', 'Option `at` needs `in`: the country or first-level region the point lies in (in:Syria, in:Quneitra). Sitrep does not decide borders from coordinates.', [], 'in');
    }
    const given = [args.as, args.at, args.located].filter((value) => value !== undefined).length;
    if (given !== 1) {
      throw new UserError('missing-option', 'Give one of `as` (the gazetteer place it is), `at` with `in` (coordinates it lies at) or `located:false` (it stays free text).', [], 'as');
    }
    const stored = places.stored(String(args.name));
    if (!stored) throw new UserError('not-found', `No stored place is called “${String(args.name)}” (option \`name\`).`, ['/places unresolved lists those waiting; an entry stores a new one with located:false, then it can be pinned.'], 'name');
    if (args.located === true) throw new UserError('invalid-option', 'Option `located` can only be false here; say where the place is with `as`.', [], 'located');
    if (args.located === false) {
      places.settle(stored.id, { kind: 'not-located' }, stampOf(ctx));
      return { title: `${stored.name}: not located`, tone: 'success', intro: [plainLine(`Kept as free text, on ${plural(places.entriesAt(stored.id), 'entry', 'entries')}.`)], sections: [] };
    }
    if (args.at !== undefined) {
      const pin = pinFor(places, stored.name, String(args.at), String(args.in));
      places.settle(stored.id, { kind: 'located', place: pin }, stampOf(ctx));
      const entries = places.entriesAt(stored.id);
      const areas = [pin.region?.name, pin.country.name].filter((name) => name !== undefined);
      return {
        title: `${stored.name}: pinned at ${pinnedWhere(pin)}`,
        tone: 'success',
        intro: [plainLine(`Located (point) on ${plural(entries, 'entry', 'entries')}: place filters by ${wordList(areas)} include ${entries === 1 ? 'it' : 'them'}, and /chart map draws the place.`)],
        sections: [],
      };
    }
    const resolution = resolvePlace(places.gazetteer, String(args.as), true, places.nearCountries());
    if (resolution.kind === 'ambiguous') throw new UserError('invalid-option', `Option \`as\`: “${String(args.as)}” names several places.`, [`Say which: ${optionLines(resolution.options).join('; ')}.`], 'as');
    if (resolution.kind === 'unknown') {
      const hint = resolution.closest.length > 0 ? `Closest: ${optionLines(resolution.closest).join('; ')}.` : 'Check the spelling.';
      throw new UserError('not-found', `Option \`as\`: “${String(args.as)}” is not in the gazetteer.`, [hint], 'as');
    }
    places.settle(stored.id, { kind: 'located', place: resolution.place }, stampOf(ctx));
    return {
      title: `${stored.name}: ${placeChain(resolution.place)}`,
      tone: 'success',
      intro: [plainLine(`Located (${resolution.place.precision}) on ${plural(places.entriesAt(stored.id), 'entry', 'entries')}.`)],
      sections: [],
    };
  },
};

export const placesCommand: CommandSpec = {
  name: 'places',
  description: 'Stored places waiting for an admin, and settling them',
  subcommands: [unresolved, locate],
};
