// /places unresolved and /places locate — the stored places the gazetteer could not settle, and
// an admin's decision on one: where it is, or that it stays free text.
import type { CommandSpec, SubcommandSpec } from '../src/core/command-spec.js';
import { pageInfo, pageRequest } from '../src/core/entry-views.js';
import { UserError } from '../src/core/errors.js';
import { placeChain } from '../src/core/places/gazetteer-port.js';
import { optionLines } from '../src/core/places/place-filter.js';
import { resolvePlace } from '../src/core/places/resolve-place.js';
import { plural } from '../src/core/text.js';
import { plainLine, span } from '../src/core/view.js';
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
  description: 'Say where a stored place is, or keep it as not located (admins)',
  adminOnly: true,
  options: [
    { name: 'name', description: 'The stored place, as entries show it', type: 'text', required: true, maxLength: 120, autocomplete: 'place', example: '"Southern Syria"' },
    { name: 'as', description: 'A gazetteer place it stands for: Syria, "Paris (Texas)", "Sweida province"', type: 'text', maxLength: 120, example: 'Syria' },
    { name: 'located', description: 'false keeps it as free text, not located', type: 'boolean', example: 'false' },
  ],
  examples: ['name:"Southern Syria" as:Syria', 'name:"Golan buffer zone" located:false'],
  run(args, ctx) {
    const { places } = ctx.services;
    const stored = places.stored(String(args.name));
    if (!stored) throw new UserError('not-found', `No stored place is called “${String(args.name)}” (option \`name\`).`, ['/places unresolved lists those waiting.'], 'name');
    if ((args.as === undefined) === (args.located === undefined)) {
      throw new UserError('missing-option', 'Give either `as` (where it is) or `located:false` (it stays free text).', [], 'as');
    }
    if (args.located === true) throw new UserError('invalid-option', 'Option `located` can only be false here; say where the place is with `as`.', [], 'located');
    if (args.located === false) {
      places.settle(stored.id, { kind: 'not-located' }, stampOf(ctx));
      return { title: `${stored.name}: not located`, tone: 'success', intro: [plainLine(`Kept as free text, on ${plural(places.entriesAt(stored.id), 'entry', 'entries')}.`)], sections: [] };
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
