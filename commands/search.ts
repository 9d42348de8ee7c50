// /search QUERY — full-text search over titles, summaries, places and actor names, best first.
import type { CommandSpec } from '../src/core/command-spec.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, type EntrySummary, type SearchHit } from '../src/core/domain.js';
import { entrySection, pageInfo, pageRequest } from '../src/core/entry-views.js';
import { UserError } from '../src/core/errors.js';
import type { DossierReader, Page } from '../src/core/ports.js';
import { MIN_PREFIX_LENGTH, parseSearchTerms, SEARCH_RANK_BAND, significantTerms, type SearchTerm } from '../src/core/search-terms.js';
import { placeChain } from '../src/core/places/gazetteer-port.js';
import { areaFilter } from '../src/core/places/place-filter.js';
import type { PlaceDirectory } from '../src/core/places/place-port.js';
import { namedQuery, type NamedQuery } from '../src/core/search-names.js';
import { quoteIfNeeded } from '../src/core/text-syntax.js';
import { plural } from '../src/core/text.js';
import { respelledQuery } from '../src/core/search-respelling.js';
import { withoutWrappingQuotes } from '../src/core/value-quotes.js';
import { span, type Line } from '../src/core/view.js';
import { limitOption, pageOption } from './shared-options.js';

const DEFAULT_LIMIT = 10;

/** Turns the store's marked snippet into spans, highlighting the matched words. */
export function snippetLine(snippet: string): Line {
  const line: Line = [];
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'g');
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) line.push(span.plain(snippet.slice(last, match.index)));
    line.push({ text: match[1]!, style: 'highlight' });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) line.push(span.plain(snippet.slice(last)));
  return line;
}

/** Said when ranking works band by band, so nobody takes page 1 for the best of every match. */
const bandNote: Line = [
  span.plain(`Ranked by relevance ${SEARCH_RANK_BAND} at a time, most recently added first — add words to narrow the search.`),
];

/** Said when nothing matched: what to change in the query. */
const noMatchHint: Line = [
  span.plain('Every word must appear in an entry: try fewer words, or the start of a word with * (Shaib*).'),
];

/** Names the common words the search left out, so nobody wonders why they are not highlighted. */
function leftOutWords(terms: SearchTerm[]): string[] {
  const kept = new Set(significantTerms(terms));
  return [...new Set(terms.filter((t) => !kept.has(t)).map((t) => t.word))];
}

/** The left-out words the operator note has not already explained (OR, AND, NOT). */
function leftOutNote(terms: SearchTerm[], explained: ReadonlySet<string>): Line[] {
  const left = leftOutWords(terms).filter((word) => !explained.has(word));
  return left.length > 0 ? [[span.plain(`Left out as too common: ${left.join(', ')}.`)]] : [];
}

/**
 * People try search-engine operators; there are none, and each would silently change the
 * results (NOT becomes a required word, -Baku requires Baku; OR and AND, common words, are left out beside rarer ones), so the reply says how they were read.
 */
function operatorNote(query: string, terms: SearchTerm[]): { lines: Line[]; explained: Set<string> } {
  const words = [...new Set([...query.matchAll(/(?:^|\s)(OR|AND|NOT)(?=\s|$)/g)].map((m) => m[1]!))];
  // OR, AND and NOT are common words too: beside rarer words they are left out, not required.
  const leftOut = new Set(leftOutWords(terms));
  const dropped = words.filter((word) => leftOut.has(word.toLowerCase()));
  const read = [
    ...words.filter((word) => !dropped.includes(word)),
    ...(/(?:^|\s)-[\p{L}\p{N}]/u.test(query) ? ['a leading -'] : []),
    ...(/(?:^|\s)site:/i.test(query) ? ['site:'] : []),
  ];
  if (read.length === 0 && dropped.length === 0) return { lines: [], explained: new Set() };
  const clauses = [
    ...(read.length > 0 ? [`${read.join(', ')} ${read.length === 1 ? 'was' : 'were'} read as words to find`] : []),
    ...(dropped.length > 0 ? [`${dropped.join(', ')} ${dropped.length === 1 ? 'was' : 'were'} left out as too common`] : []),
  ];
  const every = dropped.length > 0 ? 'Every other word must appear.' : 'Every word must appear.';
  return {
    lines: [[span.plain(`Search has no operators: ${clauses.join('; ')}. ${every}`)]],
    explained: new Set(dropped.map((word) => word.toLowerCase())),
  };
}

/**
 * Actors the typed words name by an alias only (`Damascus`, an alias of Syria), by id: an entry
 * found through one shows no highlighted word, so its result says which actor it was found by.
 */
function aliasMatches(dossier: DossierReader, terms: readonly SearchTerm[]): Map<number, string> {
  const found = new Map<number, string>();
  for (const term of terms) {
    if (term.prefix) continue;
    for (const actor of dossier.actorsNamed(term.word)) if (actor.matchedName !== actor.name) found.set(actor.id, actor.matchedName);
  }
  return found;
}

function aliasLine(hit: SearchHit, aliases: ReadonlyMap<number, string>): Line[] {
  if (hit.snippet.includes(HIGHLIGHT_START)) return [];
  const actor = hit.entry.actors.find((a) => aliases.has(a.actorId));
  return actor ? [[span.italic(`Found through ${actor.name}, also known as “${aliases.get(actor.actorId)}”`)]] : [];
}

function didYouMean(dossier: DossierReader, query: string, terms: readonly SearchTerm[]): Line[] {
  const respelled = respelledQuery(dossier, query, terms);
  return respelled ? [[span.plain('Did you mean '), span.command('search', `query:"${respelled.replace(/"/g, '')}"`), span.plain('?')]] : [];
}

/** Says which typed names were read as whom, so nobody takes the results for the words typed. */
function namedLine(named: NamedQuery): Line {
  const read = named.read.map(({ typed, name }) => `“${typed}” is another name of ${name}`).join('; ');
  return [span.plain(`No entry holds the words as typed; ${read}: showing `), span.command('search', `query:"${named.query.replace(/"/g, '')}"`), span.plain('.')];
}

/** Entries compared one by one below this many; above it, only the counts. */
const COMPARED_ONE_BY_ONE = 200;

/**
 * Whether an entry at the place is missing from the results: fewer results than entries there,
 * or, the results being as many or more (some only name the place in their text), one entry
 * there that no result is.
 */
function missesSomeThere(dossier: DossierReader, query: string, found: Page<SearchHit>, there: Page<EntrySummary>, area: string): boolean {
  if (there.total > found.total) return true;
  if (there.totalIsLowerBound || found.total > COMPARED_ONE_BY_ONE) return false;
  const results = found.items.length === found.total ? found.items : dossier.search(query, COMPARED_ONE_BY_ONE, 0).items;
  const foundIds = new Set(results.map((hit) => hit.entry.id));
  return dossier.timeline({ placeArea: area, limit: COMPARED_ONE_BY_ONE, offset: 0 }).items.some((entry) => !foundIds.has(entry.id));
}

/**
 * When the query is a place's name and the place has entries the search did not find: a
 * spelling no entry holds (`Soueida`, `Deraa`), or one only some entries hold (`درعا` beside
 * `Daraa`). The timeline of that place, which reads every spelling, lists what search cannot.
 */
function placeLine(dossier: DossierReader, places: PlaceDirectory, query: string, found: Page<SearchHit>): Line[] {
  if (found.totalIsLowerBound) return [];
  const typed = query.trim();
  const filter = areaFilter(places, typed);
  if (!filter) return [];
  const there = dossier.timeline({ placeArea: filter.area, limit: 1, offset: 0 });
  if (!missesSomeThere(dossier, query, found, there, filter.area)) return [];
  const command = span.command('timeline', `place:${quoteIfNeeded(typed)}`);
  if (found.total === 0) return [[span.plain(`“${typed}” is a place (${placeChain(filter.place)}) with entries under other spellings: `), command, span.plain(' lists them.')]];
  const all = there.totalIsLowerBound ? 'every entry' : `all ${plural(there.total, 'entry', 'entries')}`;
  return [[span.plain(`“${typed}” is a place (${placeChain(filter.place)}): `), command, span.plain(` lists ${all} there, under any spelling.`)]];
}

export const searchCommand: CommandSpec = {
  name: 'search',
  description: 'Full-text search over titles, summaries, places and actor names',
  readOnly: true,
  options: [
    {
      name: 'query',
      description: 'Words to find, in any form (talk finds talks); end a word with * to match its start: Shaib*',
      type: 'text',
      required: true,
      maxLength: 200,
      example: '"buffer zone"',
    },
    limitOption(DEFAULT_LIMIT),
    pageOption,
  ],
  examples: ['Golan buffer zone', 'query:disengagement limit:5', 'Shaib*'],
  run(args, ctx) {
    const query = String(args.query);
    const terms = parseSearchTerms(query);
    if (terms.length === 0) {
      throw new UserError('invalid-option', 'Option `query` needs at least one letter or digit.', ['For example: /search buffer zone'], 'query');
    }
    const shortPrefix = terms.find((t) => t.prefix && t.word.length < MIN_PREFIX_LENGTH);
    if (shortPrefix) {
      throw new UserError('invalid-option', `Option \`query\`: a word ending in * needs at least ${MIN_PREFIX_LENGTH} letters — got \`${shortPrefix.word}*\`.`, [
        'For example: /search Shaib*',
      ], 'query');
    }
    const request = pageRequest(args, DEFAULT_LIMIT);
    const typed = ctx.services.dossier.search(query, request.limit, request.offset);
    const named = typed.total === 0 ? namedQuery(ctx.services.dossier, query, significantTerms(terms)) : undefined;
    const renamed = named && ctx.services.dossier.search(named.query, request.limit, request.offset);
    const result = renamed && renamed.total > 0 ? renamed : typed;
    const { pager, intro } = pageInfo({ command: 'search' }, args, request, result, ['result', 'results']);
    const operators = operatorNote(query, terms);
    const searched = result === renamed && named ? parseSearchTerms(named.query) : terms;
    const aliases = result.items.some((hit) => !hit.snippet.includes(HIGHLIGHT_START)) ? aliasMatches(ctx.services.dossier, significantTerms(searched)) : new Map<number, string>();
    return {
      // The title quotes the query: a query typed in quotes of its own is quoted once.
      title: `Search — “${withoutWrappingQuotes(query)}”`,
      tone: 'normal',
      intro: [
        intro,
        ...(result === renamed && named ? [namedLine(named)] : []),
        ...operators.lines,
        ...leftOutNote(terms, operators.explained),
        ...(result.total > SEARCH_RANK_BAND ? [bandNote] : []),
        ...placeLine(ctx.services.dossier, ctx.services.places, query, result),
        ...(result.total === 0 ? [noMatchHint, ...didYouMean(ctx.services.dossier, query, significantTerms(terms))] : []),
      ],
      sections: result.items.map((hit) => entrySection(hit.entry, [snippetLine(hit.snippet), ...aliasLine(hit, aliases)])),
      ...(result.total > 0 ? { footer: [span.plain('Details: '), span.command('entry show', 'ID')] } : {}),
      pager,
    };
  },
};
