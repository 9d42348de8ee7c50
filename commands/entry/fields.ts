// The entry fields admins set through /entry add and /entry edit, and their conversion into
// a checked EntryInput. Every refusal names the option and the fix; nothing is written until
// every field is valid.
import { resolveActorExactly } from '../../src/core/actor-resolution.js';
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import type { EntryDetail, EntryInput } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { firstDay, lastDay, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import type { DossierReader } from '../../src/core/ports.js';
import { closestNames } from '../../src/core/ranking.js';
import { foldKey } from '../../src/core/text.js';
import { ACTOR_ROLES, CHOSEN_ACTOR_KINDS, type ActorRole, type Confidence, type EventType } from '../../src/core/vocabulary.js';
import { fatalitiesText } from '../../src/core/fatalities.js';
import { confidenceChoices, eventTypeOption } from '../shared-options.js';
import { checkBegun, type BegunFixes } from './date-order.js';
import { fatalityOptions, parseFatalityOptions } from './fatality-fields.js';
import { attributionOption, gradeOption, outletOption, parseSource, SOURCE_LIMITS, sourceUrlOption } from './source-fields.js';

/** Limits chosen so every renderer can show a field whole (Discord embed titles are 256). */
export const ENTRY_LIMITS = { title: 200, summary: 4000, list: 1000, ...SOURCE_LIMITS } as const;
const MAX_LIST_ITEMS = 25;

export const entryIdOption: OptionSpec = {
  name: 'id', description: 'Entry number, as shown in /timeline', type: 'integer', required: true, min: 1, max: Number.MAX_SAFE_INTEGER, example: '3',
};

/** The editable fields; `required` marks what /entry add needs. */
export const entryFieldOptions: readonly (OptionSpec & { requiredOnAdd?: boolean })[] = [
  { name: 'title', description: 'Short headline', type: 'text', maxLength: ENTRY_LIMITS.title, oneLine: true, requiredOnAdd: true, example: '"Talks resume in Baku"' },
  { name: 'date', description: 'When: 2025, 2025-07 or 2025-07-12', type: 'date', requiredOnAdd: true, example: '2025-08' },
  { ...eventTypeOption, requiredOnAdd: true },
  { name: 'topic', description: 'Dossier slug, e.g. syria-israel', type: 'text', maxLength: 60, autocomplete: 'topic', requiredOnAdd: true, example: 'syria-israel' },
  { name: 'summary', description: 'What happened, as sourced', type: 'text', maxLength: ENTRY_LIMITS.summary, example: '"…"' },
  { name: 'end', description: 'End of a span: 2025, 2025-07 or 2025-07-12', type: 'date', example: '2025-09' },
  { name: 'places', description: 'Comma-separated places, e.g. Paris, France', type: 'text', maxLength: ENTRY_LIMITS.list, example: '"Baku, Azerbaijan"' },
  { name: 'actors', description: 'Comma-separated Name:role, e.g. Israel:initiator, Syria:target', type: 'text', maxLength: ENTRY_LIMITS.list, example: '"Syria:participant, Israel:participant"' },
  sourceUrlOption,
  outletOption,
  attributionOption,
  { name: 'published', description: 'Source publication date', type: 'date', example: '2025-07-26' },
  gradeOption,
  { name: 'confidence', description: 'confirmed, reported, claimed or disputed (default reported)', type: 'choice', choices: confidenceChoices, example: 'reported' },
  ...fatalityOptions,
  { name: 'tags', description: 'Comma-separated tags', type: 'text', maxLength: ENTRY_LIMITS.list, example: '"baku, direct-talks"' },
];

/** The longest single item: an actor's name (100) with its role, a place, a tag. */
const MAX_ITEM_LENGTH = 120;

/**
 * A comma-separated option as its items, each once: `same` says when two items are the same
 * (places by folded name, tags by lower case), and the first spelling is kept.
 */
function splitList(text: string, option: string, same: (item: string) => string = (item) => item): string[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length > MAX_LIST_ITEMS) {
    throw new UserError('invalid-option', `Option \`${option}\` lists ${items.length} items; at most ${MAX_LIST_ITEMS} are kept per entry.`, [], option);
  }
  const long = items.find((item) => item.length > MAX_ITEM_LENGTH);
  if (long !== undefined) {
    throw new UserError('invalid-option', `Option \`${option}\`: \`${long.slice(0, 40)}…\` is ${long.length} characters; each item may have ${MAX_ITEM_LENGTH}.`, [
      'Items are separated by commas.',
    ], option);
  }
  const kept = new Map<string, string>();
  for (const item of items) if (!kept.has(same(item))) kept.set(same(item), item);
  return [...kept.values()];
}

/**
 * Places are shared by their letters and digits (foldKey): one with none (`👍`, `?`) would be the
 * same place as every other such text, and re-spell it on every entry showing it.
 */
function checkedPlace(place: string): string {
  if (foldKey(place) === '') {
    throw new UserError('invalid-option', `Option \`places\`: \`${place}\` has no letter or digit, and places are matched by theirs.`, ['Places are separated by commas.'], 'places');
  }
  return place;
}

export function parseTopic(text: string): string {
  const slug = text.trim().toLowerCase();
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new UserError('invalid-option', `Option \`topic\` must be a slug of letters and digits joined by single dashes, like syria-israel — got \`${text}\`.`, [], 'topic');
  }
  return slug;
}

/** What analysts also call the roles (ACLED's and the press's words), for a refusal's "did you mean". */
const ROLE_WORDS: ReadonlyMap<string, ActorRole> = new Map([
  ...['perpetrator', 'attacker', 'aggressor', 'instigator', 'actor'].map((word) => [word, 'initiator'] as const),
  ...['victim', 'targeted', 'attacked'].map((word) => [word, 'target'] as const),
  ...['broker', 'facilitator', 'mediation'].map((word) => [word, 'mediator'] as const),
  ...['party', 'side', 'participants'].map((word) => [word, 'participant'] as const),
  ['hosts', 'host'],
  ...['mentioned', 'object'].map((word) => [word, 'subject'] as const),
]);

/** The role a typed word most likely means: a synonym, else a near spelling. */
function meantRole(typed: string): ActorRole | undefined {
  return ROLE_WORDS.get(typed) ?? (closestNames(ACTOR_ROLES, typed, 1)[0] as ActorRole | undefined);
}

function parseActors(text: string, dossier: DossierReader): EntryInput['actors'] {
  const actors: EntryInput['actors'] = [];
  // Every unknown actor or role of the list in one refusal.
  checkAll(splitList(text, 'actors').map((item) => () => void actors.push(parseActor(item, dossier))));
  return actors;
}

function parseActor(item: string, dossier: DossierReader): EntryInput['actors'][number] {
  const colon = item.lastIndexOf(':');
  const name = (colon < 0 ? item : item.slice(0, colon)).trim();
  const role = (colon < 0 ? 'participant' : item.slice(colon + 1).trim().toLowerCase()) as ActorRole;
  if (!ACTOR_ROLES.includes(role)) {
    const meant = meantRole(role);
    throw new UserError('invalid-option', `Option \`actors\`: \`${item}\` has an unknown role.`, [`Roles: ${ACTOR_ROLES.join(', ')}.`, ...(meant ? [`Did you mean \`${name}:${meant}\`?`] : [])], 'actors');
  }
  try {
    return { actorId: resolveActorExactly(dossier, name, 'actors').id, role };
  } catch (error) {
    if (error instanceof UserError && error.code === 'not-found') {
      // A new actor's kind can't be guessed (a state, a person…): the hint names them all.
      const create = `Or, if it is a new actor, create it first: /actors add name:"${name}" kind:… (${CHOSEN_ACTOR_KINDS.join(', ')})`;
      throw new UserError('not-found', error.message, [...error.hints, create], error.option);
    }
    throw error;
  }
}

/**
 * What `/entry edit clear:` can empty, and the options that set each one (a command cannot both
 * change a field and clear it). `source` is the source the source options edit (`source:`, else the first).
 */
const CLEARABLE = {
  summary: ['summary'],
  end: ['end'],
  places: ['places'],
  actors: ['actors'],
  source: ['source_url', 'outlet', 'attribution', 'published', 'grade'],
  tags: ['tags'],
  fatalities: ['fatalities', 'fatalities_source'],
  // Claims are recorded with /entry claim: no option of /entry edit sets them.
  claims: [],
} as const;
type Clearable = keyof typeof CLEARABLE;
const CLEARABLE_NAMES = Object.keys(CLEARABLE) as Clearable[];

export const clearOption: OptionSpec = {
  name: 'clear',
  description: `Fields to empty, comma-separated: ${CLEARABLE_NAMES.join(', ')}`,
  type: 'text',
  maxLength: 100,
  example: '"end, tags"',
};

/** The options a `clear` value empties (`"end, tags"`: end, tags); names it cannot clear are left to the command to refuse. */
export function fieldsCleared(clear: string | undefined): string[] {
  const names = (clear ?? '').split(',').map((s) => s.trim().toLowerCase());
  return names.flatMap((name) => ((CLEARABLE_NAMES as string[]).includes(name) ? [...CLEARABLE[name as Clearable]] : []));
}

/** The part of an entry a clearable name stands for, comparable as JSON. */
function clearablePart(entry: Partial<EntryInput>, name: Clearable, sourceIndex: number): unknown {
  return name === 'source' ? entry.sources?.[sourceIndex] : entry[name];
}

/**
 * Empties the fields named by the `clear` option (for /entry edit). `next` is the entry with
 * the command's other options applied, `current` the stored one: a field the command also
 * changes cannot be cleared, while one given with its current value (as an edit form sends
 * every field, pre-filled) simply is. `clear:source` removes the source at `sourceIndex`.
 */
export function clearEntryFields(args: CommandArgs, next: Partial<EntryInput>, current: Partial<EntryInput>, sourceIndex = 0): Partial<EntryInput> {
  if (args.clear === undefined) return next;
  const names = String(args.clear).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const cleared: Partial<EntryInput> = { ...next };
  for (const name of names) {
    if (!(CLEARABLE_NAMES as string[]).includes(name)) {
      throw new UserError('invalid-option', `Option \`clear\` cannot empty \`${name}\`.`, [`It can empty: ${CLEARABLE_NAMES.join(', ')}.`], 'clear');
    }
    const field = name as Clearable;
    const setter = CLEARABLE[field].find((option) => args[option] !== undefined);
    if (setter && JSON.stringify(clearablePart(next, field, sourceIndex)) !== JSON.stringify(clearablePart(current, field, sourceIndex))) {
      throw new UserError('invalid-option', `Option \`clear\` empties \`${name}\`, which \`${setter}\` changes in this command.`, ['Use one or the other.'], 'clear');
    }
    switch (field) {
      case 'summary':
        cleared.summary = '';
        break;
      case 'end':
      case 'fatalities':
        // Explicitly undefined: the editor lays the result over the stored entry.
        cleared[field] = undefined;
        break;
      case 'source':
        cleared.sources = (cleared.sources ?? []).filter((_, index) => index !== sourceIndex);
        break;
      default:
        cleared[field] = [];
    }
  }
  return cleared;
}

/**
 * Applies the given options over `base` (an existing entry, or empty for add). The source options
 * describe the source at `sourceIndex` (one past the last adds one).
 */
export function applyEntryFields(args: CommandArgs, base: Partial<EntryInput>, dossier: DossierReader, sourceIndex = 0): Partial<EntryInput> {
  const next: Partial<EntryInput> = { ...base };
  if (args.title !== undefined) next.title = String(args.title);
  if (args.summary !== undefined) next.summary = String(args.summary);
  if (args.date !== undefined) next.start = args.date as PartialDate;
  if (args.end !== undefined) next.end = args.end as PartialDate;
  if (args.type !== undefined) next.eventType = args.type as EventType;
  if (args.confidence !== undefined) next.confidence = args.confidence as Confidence;
  // Every wrong option in one refusal, as the option conversion before it does.
  checkAll([
    () => {
      if (args.topic !== undefined) next.topic = parseTopic(String(args.topic));
    },
    () => {
      if (args.places !== undefined) next.places = splitList(String(args.places), 'places', foldKey).map(checkedPlace);
    },
    () => {
      if (args.actors !== undefined) next.actors = parseActors(String(args.actors), dossier);
    },
    () => {
      if (args.tags !== undefined) next.tags = splitList(String(args.tags).toLowerCase(), 'tags');
    },
    () => {
      const source = parseSource(args, base.sources?.[sourceIndex]);
      if (source) next.sources = (base.sources ?? []).toSpliced(sourceIndex, 1, source);
    },
    () => {
      const fatalities = parseFatalityOptions(args, base.fatalities);
      if (fatalities) next.fatalities = fatalities;
    },
  ]);
  return next;
}

/**
 * An end must come after the date: not before it, and (when this command sets either) not
 * within the date's own period (`date:2025-07 end:2025-07-15`). Checked after `clear:`, which may
 * drop the end a new date would otherwise contradict. Entries stored before the stricter rule
 * can still be edited in other fields. The sources' publications and the claims' days are checked
 * too (see checkBegun: `begun` says how to correct them).
 */
export function checkSpan(args: CommandArgs, entry: Partial<EntryInput>, begun: BegunFixes = entryFixes()): void {
  checkAll([() => checkEnd(args, entry), () => checkBegun(args, entry, begun)]);
}

function checkEnd(args: CommandArgs, entry: Partial<EntryInput>): void {
  const { start, end } = entry;
  if (!start || !end) return;
  const setsSpan = args.date !== undefined || args.end !== undefined;
  const before = lastDay(end) < firstDay(start);
  if (!before && !(setsSpan && lastDay(end) <= lastDay(start))) return;
  const problem = before ? 'is before the date' : 'must end after the date';
  const hints = args.end === undefined ? [`The entry's end is ${toIsoPartial(end)}: change it with \`end:\`, or drop it with \`clear:end\`.`] : [];
  throw new UserError('invalid-option', `Option \`end\` (${toIsoPartial(end)}) ${problem} (${toIsoPartial(start)}).`, hints, 'end');
}

/**
 * How /entry add and edit say to correct a source or claim dated before the entry (see
 * checkBegun): the first source with `published:` or `clear:source`, a claim by /entry unclaim on
 * entry `entryId`, whose claims' actors `claimActor` names.
 */
export function entryFixes(entryId?: number, claimActor?: (index: number) => string): BegunFixes {
  return {
    published: () => 'correct it with `published:` in the same command (or drop the source with `clear:source`).',
    ...(entryId === undefined ? {} : { entryId }),
    ...(claimActor ? { claimActor } : {}),
  };
}

/**
 * A complete entry for /entry add, with defaults for what was not given. `publishedApart` leaves
 * the publication check to the caller (an import, which keeps entries stored before the rule).
 */
export function newEntryFrom(args: CommandArgs, dossier: DossierReader, { publishedApart = false }: { publishedApart?: boolean } = {}): EntryInput {
  const fields = applyEntryFields(args, {}, dossier);
  if (publishedApart) checkEnd(args, fields);
  else checkSpan(args, fields);
  return {
    topic: fields.topic!,
    title: fields.title!,
    summary: fields.summary ?? '',
    eventType: fields.eventType!,
    start: fields.start!,
    ...(fields.end ? { end: fields.end } : {}),
    confidence: fields.confidence ?? 'reported',
    places: fields.places ?? [],
    actors: fields.actors ?? [],
    sources: fields.sources ?? [],
    tags: fields.tags ?? [],
    ...(fields.fatalities ? { fatalities: fields.fatalities } : {}),
  };
}

/** An entry's fields as the option text that would set them: the reverse of applyEntryFields. */
export function entryFormValues(entry: EntryDetail): Record<string, string> {
  const [source] = entry.sources;
  const values: Record<string, string | undefined> = {
    title: entry.title,
    summary: entry.summary,
    date: toIsoPartial(entry.start),
    end: entry.end ? toIsoPartial(entry.end) : undefined,
    type: entry.eventType,
    topic: entry.topic,
    places: entry.places.join(', '),
    actors: entry.actors.map((a) => `${a.name}:${a.role}`).join(', '),
    source_url: source?.url,
    outlet: source?.outlet,
    attribution: source?.attribution,
    published: source?.published,
    grade: source?.grade,
    confidence: entry.confidence,
    fatalities: entry.fatalities ? fatalitiesText(entry.fatalities) : undefined,
    fatalities_source: entry.fatalities?.source,
    tags: entry.tags.join(', '),
  };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}
