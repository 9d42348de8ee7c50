// The entry a candidate becomes: what it suggests, with the fields the admin gave (typed, or
// changed in the Edit form) over it, checked exactly as /entry add checks them.
import type { CommandArgs } from '../../src/core/command-spec.js';
import type { ClaimInput, EntryInput, SourceRecord } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { fatalitiesText } from '../../src/core/fatalities.js';
import { parsePartialDate, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import type { DossierReader } from '../../src/core/ports.js';
import { publicationDay, type Candidate } from '../../src/core/review/candidate.js';
import { reportDay } from '../../src/core/review/report-day.js';
import { canonicalLink } from '../../src/core/sources/item-key.js';
import type { BegunFixes } from '../entry/date-order.js';
import { clearNames } from '../entry/clear-names.js';
import { fatalitySourceEmptied, isNeededField, neededFieldEmptied } from '../entry/emptied-fields.js';
import { applyEntryFields, ENTRY_LIMITS } from '../entry/fields.js';
import type { EmptyingOption } from '../../src/core/option-values.js';

/**
 * The options of /review approve (besides its id): the entry's fields, the fatality figures, and
 * the day the report was published (where a feed dates it ahead, or wrongly).
 */
export const APPROVAL_OPTIONS = ['title', 'date', 'type', 'actors', 'places', 'summary', 'topic', 'confidence', 'fatalities', 'fatalities_source', 'published'] as const;
/**
 * The Edit form's fields, in the order it shows them: every option of an approval, so whatever
 * an approval can be refused for can be corrected in the form. A platform with room for fewer
 * (Discord's five) shows the first, the summary among them; the publication and the figures
 * come last, as a card rarely needs them changed.
 */
export const APPROVAL_FIELDS = ['title', 'date', 'type', 'actors', 'places', 'summary', 'topic', 'confidence', 'published', 'fatalities', 'fatalities_source'] as const;

const DEFAULT_CONFIDENCE = 'reported';

/** The ids of the actors in the dossier (one merged away is not). */
const liveActorIds = (dossier: DossierReader): Set<number> => new Set(dossier.allActorNames().map((n) => n.actorId));

/** The suggested actors still in the dossier (one merged away since is left out). */
function liveActors(candidate: Candidate, dossier: DossierReader): Candidate['suggested']['actors'] {
  const live = liveActorIds(dossier);
  return candidate.suggested.actors.filter((actor) => live.has(actor.id));
}

/** The other outlets that carried the story, as further sources of the entry, each dated by its feed's own day. */
function otherSources(candidate: Candidate): SourceRecord[] {
  return candidate.reports.slice(1).map((report) => ({
    outlet: report.outlet.slice(0, ENTRY_LIMITS.outlet),
    attribution: `according to ${report.outlet}`.slice(0, ENTRY_LIMITS.attribution),
    ...(report.link && report.link.length <= ENTRY_LIMITS.url ? { url: report.link } : {}),
    ...(report.published ? { published: reportDay(report.published, report.publishedDay) } : {}),
    ...(report.grade ? { grade: report.grade } : {}),
  }));
}

/**
 * The reports of the candidate's story as an entry's sources, the proposing one first: one source
 * per article (link), as the dossier cites an article once. Other outlets that carried the same
 * link are named in its attribution (`according to Levant Wire; also carried by Mideast Eye`), so
 * every outlet on the card is cited. A report without a link is its outlet's source.
 */
export function candidateSources(candidate: Candidate): SourceRecord[] {
  // Each report is graded as its feed is graded at the time of the decision.
  const proposing = candidate.reports[0]?.grade;
  const reported = [{ ...candidate.suggested.source, ...(proposing ? { grade: proposing } : {}) }, ...otherSources(candidate)];
  const articles = new Map<string, { source: SourceRecord; alsoBy: string[] }>();
  for (const source of reported) {
    const key = source.url === undefined ? `outlet:${source.outlet}` : (canonicalLink(source.url) ?? source.url);
    const held = articles.get(key);
    if (!held) articles.set(key, { source, alsoBy: [] });
    else if (held.source.outlet !== source.outlet && !held.alsoBy.includes(source.outlet)) held.alsoBy.push(source.outlet);
  }
  return [...articles.values()].map(({ source, alsoBy }) => (alsoBy.length === 0 ? source : { ...source, attribution: carriedAlsoBy(source, alsoBy) }));
}

/** The attribution of an article other outlets carried too, naming them (cut to the field's limit). */
function carriedAlsoBy(source: SourceRecord, alsoBy: readonly string[]): string {
  return `${source.attribution ?? `according to ${source.outlet}`}; also carried by ${alsoBy.join(', ')}`.slice(0, ENTRY_LIMITS.attribution);
}

/** The day the candidate suggests for its entry: its item's, else the day it was proposed. */
export const suggestedStart = (candidate: Candidate): PartialDate => parsePartialDate(candidate.suggested.date ?? candidate.createdAt.toISOString().slice(0, 10))!;

/**
 * The item's own day where that day has begun where it was published: its feed wrote its time at
 * an offset (`00:30 +1400` on 7 Dec, which is 6 Dec 10:30 UTC), and the instant has passed. Absent
 * for an item dated by its day alone, or ahead of `now` (a wrong clock).
 */
function begunFeedDay(candidate: Candidate, now: Date): string | undefined {
  const { published, suggested } = candidate;
  if (!published || suggested.publishedDayOnly || published.getTime() > now.getTime()) return undefined;
  return publicationDay(suggested);
}

/**
 * The days of an approval to refuse if they are in the future: all but the item's own day where
 * it has begun at the feed's offset, which may be a day ahead of the reader's today without
 * being a day to come.
 */
export function daysToCome(candidate: Candidate, now: Date, days: Record<string, PartialDate | undefined>): Record<string, PartialDate | undefined> {
  const feedDay = begunFeedDay(candidate, now);
  if (feedDay === undefined) return days;
  return Object.fromEntries(Object.entries(days).map(([name, day]) => [name, day && toIsoPartial(day) === feedDay ? undefined : day]));
}

/** What the candidate suggests, as an entry. */
function suggestedEntry(candidate: Candidate, dossier: DossierReader): EntryInput {
  const { suggested } = candidate;
  const start = suggestedStart(candidate);
  const sources = candidateSources(candidate);
  return {
    topic: candidate.topic,
    title: candidate.title,
    summary: candidate.summary,
    eventType: suggested.type,
    start,
    confidence: suggested.claimed ? 'claimed' : DEFAULT_CONFIDENCE,
    places: suggested.places,
    actors: liveActors(candidate, dossier).map((actor) => ({ actorId: actor.id, role: actor.role ?? 'participant' })),
    sources,
    tags: [],
    ...(suggested.fatalities === undefined ? {} : { fatalities: { best: suggested.fatalities, source: suggested.source.outlet.slice(0, ENTRY_LIMITS.attribution) } }),
  };
}

/** `fatalities:none`, `actors:none`, `places:none`: what the card suggests there is wrong, and the entry records none. */
const saysNone = (args: CommandArgs, name: string) => typeof args[name] === 'string' && args[name].trim().toLowerCase() === 'none';

/**
 * `clear:summary, places`: fields of the suggestion the entry leaves empty. The Edit form names
 * so the fields emptied in it (FormSpec.emptiedOption), rather than keeping the suggestion there;
 * an option typed empty (`summary:""`) is pointed here, as /entry edit's are to its `clear:`.
 */
export const approvalClearOption: EmptyingOption = {
  name: 'clear',
  description: 'Fields of the suggestion to leave empty, comma-separated: summary, actors, places, published, fatalities, claims',
  type: 'text',
  maxLength: 200,
  example: '"summary, places"',
  empties: { summary: 'summary', actors: 'actors', places: 'places', published: 'published', fatalities: 'fatalities', fatalities_source: 'fatalities' },
};

/** The fields `clear` may name: every field of the Edit form but those an entry needs, and the claim the card reads in the title (no field of the form). */
const CLEARABLE = [...APPROVAL_FIELDS.filter((name) => !isNeededField(name)), 'claims'];

/** What the suggestion gives a field, as the Edit form shows it, for a refusal to quote. */
const suggestedText = (candidate: Candidate, dossier: DossierReader, name: string): string | undefined => approvalFormValues(candidate, dossier)[name];

/** The fields `clear` empties, each refused that cannot be: unknown, needed by every entry, or set in the same command. */
function checkedClears(candidate: Candidate, args: CommandArgs, dossier: DossierReader): string[] {
  const names = clearNames(args.clear);
  checkAll(
    names.map((name) => () => {
      if (name !== 'claims' && !(APPROVAL_FIELDS as readonly string[]).includes(name)) {
        throw new UserError('invalid-option', `Option \`clear\` cannot empty \`${name}\`.`, [`It can empty: ${CLEARABLE.join(', ')}.`], 'clear');
      }
      if (isNeededField(name)) {
        const suggested = suggestedText(candidate, dossier, name);
        throw neededFieldEmptied(name, suggested === undefined ? undefined : `The card suggests: ${suggested}`);
      }
      if (args[name] !== undefined) throw new UserError('invalid-option', `Option \`clear\` empties \`${name}\`, which \`${name}\` sets in this command.`, ['Use one or the other.'], 'clear');
      if (name === 'fatalities_source' && !names.includes('fatalities') && !saysNone(args, 'fatalities') && (args.fatalities !== undefined || candidate.suggested.fatalities !== undefined)) {
        throw fatalitySourceEmptied();
      }
    }),
  );
  return names;
}

/** The entry to add: the suggestion with the given options over it, and without the fields cleared. */
export function approvalInput(candidate: Candidate, args: CommandArgs, dossier: DossierReader): EntryInput {
  const cleared = new Set(checkedClears(candidate, args, dossier));
  const noFigures = saysNone(args, 'fatalities') || cleared.has('fatalities');
  const none = new Set(['actors', 'places'].filter((name) => saysNone(args, name) || cleared.has(name)));
  const given = ([name]: [string, unknown]) => name !== 'id' && name !== 'clear' && !none.has(name) && !(noFigures && name.startsWith('fatalities'));
  const fields = Object.fromEntries(Object.entries(args).filter(given));
  const suggested = suggestedEntry(candidate, dossier);
  if (noFigures) delete suggested.fatalities;
  if (none.has('actors')) suggested.actors = [];
  if (none.has('places')) suggested.places = [];
  if (cleared.has('summary')) suggested.summary = '';
  if (cleared.has('published')) suggested.sources = suggested.sources.map((source, index) => (index === 0 ? withoutPublished(source) : source));
  // Every field is set in the suggestion, so the result is a whole entry.
  const entry = applyEntryFields(fields, suggested, dossier, 0, 'suggestion') as EntryInput;
  const claim = cleared.has('claims') ? undefined : candidateClaim(candidate, entry.start, entry.sources[0], dossier);
  return claim ? { ...entry, claims: [claim] } : entry;
}

/**
 * The party whose own account the item gives, as claiming an entry dated `start` through `source`
 * (the item's report), on the day that source was published (the entry's own day if later: a
 * claim is not made before its event). None where the party is unknown or merged away since.
 */
export function candidateClaim(candidate: Candidate, start: PartialDate, source: SourceRecord | undefined, dossier: DossierReader): ClaimInput | undefined {
  const actorId = candidate.suggested.claimed?.actorId;
  if (actorId === undefined || !source || !liveActorIds(dossier).has(actorId)) return undefined;
  const published = source.published === undefined ? undefined : parsePartialDate(source.published);
  const date = published && toIsoPartial(published) >= toIsoPartial(start) ? published : start;
  const { outlet, url, attribution, grade } = source;
  return { actorId, stance: 'claims', date, source: { outlet, ...(url ? { url } : {}), ...(attribution ? { attribution } : {}), ...(grade ? { grade } : {}) } };
}

function withoutPublished(source: SourceRecord): SourceRecord {
  const { published: _published, ...rest } = source;
  return rest;
}

/** The Edit form's starting values: the suggestion, as the options that would set it. */
export function approvalFormValues(candidate: Candidate, dossier: DossierReader): Record<string, string> {
  const entry = suggestedEntry(candidate, dossier);
  const values: Record<string, string> = {
    title: entry.title,
    date: toIsoPartial(entry.start),
    type: entry.eventType,
    actors: liveActors(candidate, dossier).map((a) => `${a.name}:${a.role ?? 'participant'}`).join(', '),
    places: entry.places.join(', '),
    summary: entry.summary,
    topic: entry.topic,
    confidence: entry.confidence,
    published: entry.sources[0]?.published ?? '',
    fatalities: entry.fatalities ? fatalitiesText(entry.fatalities) : '',
    fatalities_source: entry.fatalities?.source ?? '',
  };
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}

/**
 * How an approval's refusal of its item's report published before the entry's date (see
 * checkBegun, as /entry add checks its source) says to correct it:
 * `published:` beside the date, on candidate `id`. `dateFrom`: said when no `date:` was given.
 */
export function approvalFixes(id: number, dateFrom?: string): BegunFixes {
  return {
    always: true,
    published: (date) => `correct it with \`published:\` in the same command: /review approve id:${id} date:${date} published:…`,
    ...(dateFrom === undefined ? {} : { dateFrom }),
  };
}
