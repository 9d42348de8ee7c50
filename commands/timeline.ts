// /timeline — the dossier's entries, newest first, narrowed by topic, actor, place, type or dates.
import { resolveActor } from '../src/core/actor-resolution.js';
import { beforeDossierText, type AsOfInstant } from '../src/core/as-of-day.js';
import type { CommandContext, CommandSpec } from '../src/core/command-spec.js';
import type { ActorMatch } from '../src/core/domain.js';
import { entrySection, fatalitiesSumLine, pageInfo, pageRequest } from '../src/core/entry-views.js';
import { firstDay, formatPartialDate, lastDay, type PartialDate } from '../src/core/partial-date.js';
import { pastActorFilter } from '../src/core/past-actor-filter.js';
import { placeChain, type GazetteerPlace } from '../src/core/places/gazetteer-port.js';
import { freeTextWithin } from '../src/core/places/free-text-within.js';
import { areaFilter, placeFilter, termsOf, type PlaceTerms } from '../src/core/places/place-filter.js';
import type { PlaceDirectory } from '../src/core/places/place-port.js';
import type { DossierReader, TimelineQuery } from '../src/core/ports.js';
import { closestNames } from '../src/core/ranking.js';
import { quoteIfNeeded } from '../src/core/text-syntax.js';
import { foldKey, formatCount, plural } from '../src/core/text.js';
import { typedTopic } from '../src/core/typed-topic.js';
import type { EventType } from '../src/core/vocabulary.js';
import { eventTypeLabel } from '../src/core/vocabulary.js';
import { checkAll, UserError } from '../src/core/errors.js';
import { plainLine, span, type Line } from '../src/core/view.js';
import { asOfOption, pastInstant, pastViewLine } from './as-of.js';
import { actorFilterOption, eventTypeOption, placeFilterOption, limitOption, pageOption, resolveTopic, topicOption } from './shared-options.js';

const DEFAULT_LIMIT = 10;

/** How many place names a "did you mean" considers: every place the dossier has, in practice. */
const PLACES_CONSIDERED = 10_000;

/**
 * Nothing matched: when a topic or place filter names nothing the dossier has, say so (and what
 * is close, or where the gazetteer puts the place) rather than "No entries match", which reads as
 * if the filter were fine.
 */
export function checkFiltersExist(dossier: DossierReader, topic: string | undefined, place: string | undefined, directory?: PlaceDirectory): void {
  if (topic !== undefined) checkTopic(dossier, topic);
  if (place !== undefined) {
    const places = dossier.suggest('place', '', PLACES_CONSIDERED);
    if (places.some((name) => foldKey(name) === foldKey(place))) return;
    const area = directory && areaFilter(directory, place);
    // Entries lie within the area the name reads (`Deraa`, Daraa's governorate): the other filters left none.
    if (area && dossier.timeline({ placeArea: area.area, limit: 1, offset: 0 }).total > 0) return;
    throw unknownPlaceError(dossier, place, places, area?.place);
  }
}

/**
 * No entry has this place: the refusal names the known places closest to it, and where the
 * gazetteer puts it when it knows it (no entry lies there yet).
 */
export function unknownPlaceError(dossier: DossierReader, place: string, places = dossier.suggest('place', '', PLACES_CONSIDERED), located?: GazetteerPlace): UserError {
  // Places holding the typed word first (`Sweida` → Sweida province), then spellings alike.
  const word = foldKey(place);
  const holding = places.filter((name) => foldKey(name).split(' ').includes(word));
  const close = [...new Set([...holding, ...dossier.suggest('place', place, 3), ...closestNames(places, place)])].slice(0, 3);
  const where = located ? [`“${place}” is in the gazetteer (${placeChain(located)}), but no entry lies there yet: /place name:${quoteIfNeeded(place)} shows where it is.`] : [];
  const nearby = close.length > 0 ? [`Closest known places: ${close.join(', ')}.`] : located ? [] : ['No place the entries name is close: find entries by a word with /search, or see where a place is with /place.'];
  return new UserError('not-found', `No entry has the place \`${place}\` (option \`place\`).`, [...where, ...nearby], 'place');
}

/** A range that ends before it starts, refused alike by every command filtering by since/until. */
export function refuseSinceAfterUntil(since: PartialDate | undefined, until: PartialDate | undefined): void {
  if (since && until && firstDay(since) > lastDay(until)) throw new UserError('invalid-option', 'Option `since` is after `until`; swap them or widen the range.', [], 'since');
}

/**
 * The query terms of a typed place, refused when it is neither a stored place nor one the
 * gazetteer knows (no entry can be at it).
 */
export function knownPlaceTerms(ctx: CommandContext, typed: string): PlaceTerms {
  const place = placeFilter(ctx.services.places, typed);
  if (!place) throw unknownPlaceError(ctx.services.dossier, typed);
  return termsOf(place, typed);
}

/**
 * A bare word after /timeline fills `topic`: when it is no topic but an actor or a place
 * (`/timeline Dermer`), the refusal says which option was meant.
 */
function checkTopic(dossier: DossierReader, topic: string): void {
  try {
    resolveTopic(dossier, topic);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const actor = dossier.findActors(topic, 1)[0];
    const place = dossier.suggest('place', topic, 1).find((name) => foldKey(name) === foldKey(topic));
    const quoted = (text: string) => (/\s/.test(text) ? `"${text}"` : text);
    const meant = actor ? [`${actor.name} is an actor: /timeline actor:${quoted(actor.name)}`] : place ? [`${place} is a place: /timeline place:${quoted(place)}`] : [];
    throw new UserError(error.code, error.message, [...meant, ...error.hints], error.option);
  }
}

/**
 * A past view's topic: one the dossier has now, or one an entry had just before `before` (a topic
 * whose entries have since moved to another or been removed still reads in a view of then).
 * Any other is refused as the live timeline refuses it. Without `before` (the dossier had no
 * entry yet, or the instant was refused), only the topics of now count.
 */
function checkTopicThen(ctx: CommandContext, topic: string, before: string | undefined): void {
  if (ctx.services.dossier.topics().includes(topic)) return;
  if (before !== undefined && ctx.services.past.timeline({ topic, limit: 1, offset: 0 }, before).total > 0) return;
  checkTopic(ctx.services.dossier, topic);
}

/** Free-text places a note names before saying how many more there are. */
const FREE_TEXT_NAMED = 3;

/**
 * A country or region holds the located places within it only: the places kept as free text
 * (`Golan Heights`, `Southern Syria`) are in no area, so the note names those that could lie
 * within this one (see free-text-within.ts) and how to place one.
 */
function freeTextNote(ctx: CommandContext, typed: string): Line[] {
  const area = areaFilter(ctx.services.places, typed);
  if (!area) return [];
  const free = freeTextWithin(ctx.services.places, area.place, typed, FREE_TEXT_NAMED);
  const [first] = free.names;
  if (!first) return [];
  const more = free.more === undefined ? ' and more' : free.more > 0 ? ` and ${formatCount(free.more)} more` : '';
  return [
    [
      span.plain(`Places kept as free text lie in no country or region, so this leaves out their entries: ${free.names.join(', ')}${more}. To place one: `),
      span.command('places locate', `name:${quoteIfNeeded(first)} as:…`),
      span.plain(' (the gazetteer place it stands for), or a point: '),
      span.command('places locate', `name:${quoteIfNeeded(first)} at:"LAT, LON" in:…`),
    ],
  ];
}

/** What to try when nothing matched: fewer filters, or wider dates, as the query has them. */
function emptyHint(filterCount: number, dated: boolean): string | undefined {
  if (filterCount > 1) return `Every filter must hold for an entry: drop one${dated ? ', or widen since/until' : ''}.`;
  return dated ? 'Widen since/until, or drop them.' : undefined;
}

export const timelineCommand: CommandSpec = {
  name: 'timeline',
  description: 'Show dated entries, newest first, with optional filters',
  readOnly: true,
  options: [
    topicOption,
    actorFilterOption,
    placeFilterOption,
    eventTypeOption,
    { name: 'since', description: 'From this date: 2025, 2025-07 or 2025-07-12 (an entry dated Jul 2025 meets any July day)', type: 'date', example: '2025-07' },
    { name: 'until', description: 'Up to this date: 2025, 2025-07 or 2025-07-12 (entries whose dates reach it count)', type: 'date', example: '2025-07-24' },
    limitOption(DEFAULT_LIMIT),
    pageOption,
    asOfOption,
  ],
  examples: ['', 'actor:"Ron Dermer" since:2025-07 limit:5', 'type:talks place:Paris', 'since:2024-12 limit:5 page:2', 'topic:syria-israel as_of:2025-07-20'],
  run(args, ctx) {
    const request = pageRequest(args, DEFAULT_LIMIT);
    const since = args.since as PartialDate | undefined;
    const until = args.until as PartialDate | undefined;
    const query: TimelineQuery = { limit: request.limit, offset: request.offset };
    const filters: string[] = [];
    let actor: { match: ActorMatch; filterAt: number } | undefined;
    let asOf: AsOfInstant | undefined;
    if (args.topic) {
      query.topic = typedTopic(String(args.topic));
      filters.push(`topic ${query.topic}`);
    }
    // Every filter the dossier makes nothing of is named in one refusal. An unknown topic alone
    // shows as no match (said after the query, without reading the topics for every timeline).
    try {
      checkAll([
        () => refuseSinceAfterUntil(since, until),
        () => {
          if (!args.actor) return;
          const match = resolveActor(ctx.services.dossier, String(args.actor));
          query.actorId = match.id;
          actor = { match, filterAt: filters.length };
          filters.push(`actor ${match.name}`);
        },
        () => {
          // A located place reads its area: place:Ukraine holds Odesa and Sevastopol.
          if (args.place) Object.assign(query, knownPlaceTerms(ctx, String(args.place)));
        },
        () => {
          if (args.as_of) asOf = pastInstant(args.as_of as PartialDate, ctx, 'as_of');
        },
      ]);
    } catch (refused) {
      const topic = query.topic;
      if (topic !== undefined) checkAll([() => { throw refused; }, () => checkTopicThen(ctx, topic, asOf?.before)]);
      throw refused;
    }
    if (args.place) filters.push(`place ${String(args.place)}`);
    if (args.type) {
      query.eventType = args.type as EventType;
      filters.push(eventTypeLabel(query.eventType));
    }
    if (since) {
      query.since = firstDay(since);
      filters.push(`since ${formatPartialDate(since)}`);
    }
    if (until) {
      query.until = lastDay(until);
      filters.push(`until ${formatPartialDate(until)}`);
    }
    // A past view filters by the actor the name stood for then: one merged in since was its own actor.
    const actorThen = asOf && actor ? pastActorFilter(ctx.services.past, actor.match, asOf, 'timeline', args) : undefined;
    if (actor && actorThen) {
      query.actorId = actorThen.actorId;
      filters[actor.filterAt] = `actor ${actorThen.name}`;
    }
    const title = filters.length > 0 ? `Timeline — ${filters.join(', ')}` : 'Timeline';
    const past = asOf ? [pastViewLine(asOf, 'timeline', args), ...(actorThen?.notes ?? [])] : [];
    const notYet = asOf && beforeDossierText(asOf, ctx.services.past.firstEntryAt());
    // A past view reads the topics of then: with no entry yet, only those of now are known.
    if (asOf && notYet && query.topic !== undefined) checkTopicThen(ctx, query.topic, undefined);
    if (asOf && notYet) return { title: `${title} — as of ${asOf.label}`, tone: 'normal', intro: [...past, plainLine(notYet)], sections: [] };
    const result = asOf ? ctx.services.past.timeline(query, asOf.before) : ctx.services.dossier.timeline(query);
    const empty = result.total === 0;
    if (empty && asOf && query.topic !== undefined) checkTopicThen(ctx, query.topic, asOf.before);
    if (empty) checkFiltersExist(ctx.services.dossier, asOf ? undefined : query.topic, args.place === undefined ? undefined : String(args.place), ctx.services.places);
    const { pager, intro } = pageInfo({ command: 'timeline' }, args, request, result, ['entry', 'entries']);
    return {
      title: asOf ? `${title} — as of ${asOf.label}` : title,
      tone: 'normal',
      intro: [
        ...past,
        intro,
        ...fatalitiesSumLine(result.items, 'on this page', { since: query.since, until: query.until }),
        ...(/^(country|region):/.test(query.placeArea ?? '') && args.page === undefined ? freeTextNote(ctx, String(args.place)) : []),
        ...(empty ? [emptyHint(filters.length, Boolean(since || until))].filter((h) => h !== undefined).map((h) => plainLine(h)) : []),
      ],
      sections: result.items.map((entry) => entrySection(entry)),
      ...(empty ? {} : { footer: [span.plain('Details: '), span.command('entry show', 'ID')] }),
      pager,
    };
  },
};
