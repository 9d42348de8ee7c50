// The entry fields admins set through /entry add and /entry edit, and their conversion into
// a checked EntryInput. Every refusal names the option and the fix; nothing is written until
// every field is valid.
import { actorsNamedInAnySpelling, LIST_SEPARATOR_HINT, resolveActorExactly } from '../../src/core/actor-resolution.js';
import type { CommandArgs, OptionSpec } from '../../src/core/command-spec.js';
import { withSingleSpaces, type EmptyingOption } from '../../src/core/option-values.js';
import type { EntryDetail, EntryInput, SourceRecord } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { firstDay, lastDay, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import type { DossierReader } from '../../src/core/ports.js';
import { closestNames } from '../../src/core/ranking.js';
import { foldKey, holdsWords } from '../../src/core/text.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';
import { plainLine, type Line } from '../../src/core/view.js';
import { typedTopic } from '../../src/core/typed-topic.js';
import { ACTOR_ROLES, CHOSEN_ACTOR_KINDS, type ActorRole, type Confidence, type EventType } from '../../src/core/vocabulary.js';
import { fatalitiesText } from '../../src/core/fatalities.js';
import { confidenceChoices, eventTypeOption } from '../shared-options.js';
import { clearNames } from './clear-names.js';
import { checkBegun, type BegunFixes } from './date-order.js';
import { fatalityOptions, parseFatalityOptions } from './fatality-fields.js';
import { checkCommaSeparated, semicolonsRefusal, withCommas } from './list-separators.js';
import { bracketedRole, ROLE_NOTATION } from './shown-role.js';
import { attributionOption, gradeOption, outletOfUrl, outletOption, parseSource, SOURCE_LIMITS, sourceUrlOption } from './source-fields.js';
import { fatalitySourceEmptied, neededAmong, neededFieldEmptied } from './emptied-fields.js';

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
  // `Tel   Aviv` is stored and shown as `Tel Aviv`: runs of spaces inside an item are typing slips.
  const items = text.split(',').map((s) => withSingleSpaces(s.trim())).filter(Boolean);
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
  // Read as the topic options read it: `syria–israel` typed on a phone is the slug syria-israel.
  const slug = typedTopic(text);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
    throw new UserError('invalid-option', `Option \`topic\` must be a slug of letters and digits joined by single dashes, like syria-israel — got \`${text}\`.`, [], 'topic');
  }
  return slug;
}

/** The role of an actor given without one. */
export const DEFAULT_ROLE: ActorRole = 'participant';

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

/**
 * The list options. Their items, unmarked, replace the entry's list; each marked with `+` adds an
 * item and with `-` removes one (`−` too, as replies show removed items, and the dashes `–` and
 * `—` phones and Macs type for `-`). An unmarked item beside marked ones would be read one way or
 * the other by mistake, so it is refused. A name starting with a mark is written after one:
 * `++972mag` adds `+972mag`, `+-1` adds `-1`.
 */
export type ListOption = 'actors' | 'places' | 'tags';

/**
 * What a list option's marks apply to: the entry's stored list (/entry edit), the card's
 * suggestion (/review approve), nothing yet (/entry add: the list is whole, so nothing can be
 * removed), or a file's list, whose items are names as stored (an import: no item is a mark).
 */
export type ListBase = 'entry' | 'suggestion' | 'new' | 'stored';

interface ListItems {
  replaces: boolean;
  added: string[];
  removed: string[];
}

const ADD_MARK = '+';
const REMOVE_MARKS = ['-', '−', '–', '—'];

const markOf = (item: string): '+' | '-' | undefined => (item.startsWith(ADD_MARK) ? '+' : REMOVE_MARKS.some((mark) => item.startsWith(mark)) ? '-' : undefined);
const unmarked = (item: string): string => (markOf(item) === undefined ? item : item.slice(1).trim());

/** How a list option is written to add and remove single items, for hints. */
export const MARKED_FORMS: Record<ListOption, string> = {
  actors: 'actors:"+Name:role, -Name"',
  places: 'places:"+Place, -Place"',
  tags: 'tags:"+tag, -tag"',
};

/** What /entry edit's list options say: given whole, a list replaces the entry's. */
export const EDIT_LIST_DESCRIPTIONS: Record<ListOption, string> = {
  actors: "Name:role list, replacing the entry's; +Name:role adds one, -Name removes one",
  places: "Places list, replacing the entry's; +Place adds one, -Place removes one",
  tags: "Tags list, replacing the entry's; +tag adds one, -tag removes one",
};

/** Whether a list option's text replaces the entry's list (no item is marked + or -). */
export const replacesList = (text: string): boolean => text.split(',').every((item) => markOf(item.trim()) === undefined);

/** How to add `name`, a name starting with + or -, to a list: after a mark. */
const literalHint = (option: ListOption, name: string): string => `A name starting with + or - is written after a mark: \`${option}:"+${name}"\` adds \`${name}\`.`;

const LIST_OPTIONS: readonly ListOption[] = ['actors', 'places', 'tags'];

/**
 * The items the list options mark `+` on /entry add, as typed, and the names they were read as,
 * for the add's reply to say (a tag `+972mag` is written `++972mag`, which is left out here).
 */
export function addMarkedItems(args: CommandArgs): { option: ListOption; typed: string; read: string }[] {
  return LIST_OPTIONS.flatMap((option) =>
    args[option] === undefined
      ? []
      : String(args[option]).split(',').map((item) => item.trim()).filter((item) => markOf(item) === '+' && markOf(unmarked(item)) === undefined).map((typed) => ({ option, typed, read: unmarked(typed) })),
  );
}

function listItems(text: string, option: ListOption, lists: ListBase, same: (item: string) => string = (item) => item): ListItems {
  if (lists === 'stored') return { replaces: true, added: splitList(text, option, same), removed: [] };
  if (option !== 'actors') checkCommaSeparated(text, option);
  const items = splitList(text, option, (item) => `${markOf(item) ?? ''}${same(unmarked(item))}`);
  const plain = items.filter((item) => markOf(item) === undefined);
  const marked = items.filter((item) => markOf(item) !== undefined);
  if (marked.length === 0) return { replaces: true, added: plain, removed: [] };
  if (plain.length > 0) {
    throw new UserError('invalid-option', `Option \`${option}\` mixes items marked + or - (\`${marked[0]}\`) with unmarked ones (\`${plain[0]}\`).`, [
      `Unmarked items replace the entry's whole list; to add or remove single items, mark each one: ${MARKED_FORMS[option]}.`,
    ], option);
  }
  const empty = marked.find((item) => unmarked(item) === '');
  if (empty !== undefined) throw new UserError('invalid-option', `Option \`${option}\`: \`${empty}\` names nothing to add or remove.`, [`For example: ${MARKED_FORMS[option]}.`], option);
  const removed = marked.filter((item) => markOf(item) === '-');
  if (lists === 'new' && removed.length > 0) {
    throw new UserError('invalid-option', `Option \`${option}\`: \`${removed[0]}\` — /entry add sets the whole list: nothing to remove.`, [
      'Give the items without marks.', literalHint(option, removed[0]!),
    ], option);
  }
  return {
    replaces: false,
    added: marked.filter((item) => markOf(item) === '+').map(unmarked),
    removed: removed.map(unmarked),
  };
}

/** An item to take off a list, as typed after its `-`, and which of the list's items it takes. */
interface Removal<T> {
  typed: string;
  takes: (item: T) => boolean;
}

/** Where a removal looked for its item, as refusals name it. */
const holder = (lists: ListBase): string => (lists === 'suggestion' ? "in the card's suggestion" : 'on the entry');

/** What the list held, for a refusal, each item as `listed` names it. */
function heldText<T>(option: ListOption, base: readonly T[], lists: ListBase, listed: (item: T) => string): string {
  const items = base.map(listed).join(', ');
  if (lists === 'suggestion') return base.length === 0 ? `The card suggests no ${option}.` : `The card suggests: ${items}.`;
  return base.length === 0 ? `The entry has no ${option}.` : `The entry's ${option}: ${items}.`;
}

/**
 * `base` less the removed items, then with the added ones not already on it: `-Israel,
 * +Israel:target` changes a role. Removing what the list does not hold is refused, naming it; so
 * is a list grown past what an entry keeps (an entry over it already may still lose items).
 */
function withMarkedItems<T>(option: ListOption, base: readonly T[], removals: readonly Removal<T>[], added: readonly T[], same: (a: T, b: T) => boolean, lists: ListBase, listed: (item: T) => string): T[] {
  const missing = removals.filter((removal) => !base.some(removal.takes));
  if (missing.length > 0) {
    throw new UserError('invalid-option', `Option \`${option}\`: ${missing.map((removal) => `\`-${removal.typed}\``).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not ${holder(lists)}, so cannot be removed.`, [
      heldText(option, base, lists, listed),
      literalHint(option, `-${missing[0]!.typed}`),
    ], option);
  }
  const kept = base.filter((item) => !removals.some((removal) => removal.takes(item)));
  for (const item of added) if (!kept.some((other) => same(other, item))) kept.push(item);
  if (kept.length > MAX_LIST_ITEMS && kept.length > base.length) {
    const had = lists === 'suggestion' ? `The card suggests ${base.length} ${option}` : `The entry has ${base.length} ${option}`;
    throw new UserError('invalid-option', `Option \`${option}\` would leave the entry with ${kept.length} ${option}; at most ${MAX_LIST_ITEMS} are kept per entry.`, [
      `${had}: take some off in the same command (${MARKED_FORMS[option]}), or give the whole list.`,
    ], option);
  }
  return kept;
}

function editedPlaces(text: string, base: readonly string[], lists: ListBase): string[] {
  const items = listItems(text, 'places', lists, foldKey);
  const added = items.added.map(checkedPlace);
  if (items.replaces) return added;
  const removals = items.removed.map((typed) => ({ typed, takes: (place: string) => foldKey(place) === foldKey(typed) }));
  return withMarkedItems('places', base, removals, added, (a, b) => foldKey(a) === foldKey(b), lists, (place) => place);
}

function editedTags(text: string, base: readonly string[], lists: ListBase): string[] {
  const items = listItems(text.toLowerCase(), 'tags', lists);
  if (items.replaces) return items.added;
  const removals = items.removed.map((typed) => ({ typed, takes: (tag: string) => tag === typed }));
  return withMarkedItems('tags', base, removals, items.added, (a, b) => a === b, lists, (tag) => tag);
}

type EntryActor = EntryInput['actors'][number];

function editedActors(text: string, base: readonly EntryActor[], dossier: DossierReader, lists: ListBase): EntryActor[] {
  const items = listItems(text, 'actors', lists);
  const added: EntryActor[] = [];
  const removals: Removal<EntryActor>[] = [];
  // Every unknown actor or role of the list in one refusal.
  checkAll([
    ...items.added.map((item) => () => void added.push(parseActor(item, dossier, text))),
    ...items.removed.map((item) => () => void removals.push(actorRemoval(item, dossier))),
  ]);
  if (items.replaces) return added;
  const listed = (actor: EntryActor) => `${dossier.getActorProfile(actor.actorId)?.name ?? `actor ${actor.actorId}`}:${actor.role}`;
  return withMarkedItems('actors', base, removals, added, (a, b) => a.actorId === b.actorId && a.role === b.role, lists, listed);
}

/** `Name:role` split at its last colon; the role is undefined when none is given. */
function nameAndRole(item: string): { name: string; role?: string } {
  const colon = item.lastIndexOf(':');
  return colon < 0 ? { name: item.trim() } : { name: item.slice(0, colon).trim(), role: item.slice(colon + 1).trim().toLowerCase() };
}

function checkedRole(item: string, name: string, role: string): ActorRole {
  if (ACTOR_ROLES.includes(role as ActorRole)) return role as ActorRole;
  const meant = meantRole(role);
  throw new UserError('invalid-option', `Option \`actors\`: \`${item}\` has an unknown role.`, [
    `Roles: ${ACTOR_ROLES.join(', ')}.`,
    ...(meant ? [`Did you mean \`${name}:${meant}\`?`] : []),
    ...(bracketedRole(item) ? [ROLE_NOTATION] : []),
  ], 'actors');
}

/**
 * An item of the actors list as its name and role: `Name:role`, or `Name (role)` as cards and
 * /timeline show actors. Unless an actor is called so whole, a bracket is the role when it reads
 * as one (a role, a word for one, a near spelling) or follows an actor's name (`Israel (Lebanon)`),
 * to be refused then with the roles; any other bracket is part of a name (`… (PMF)`).
 */
function actorItem(item: string, dossier: DossierReader): { name: string; role?: string } {
  const split = nameAndRole(item);
  const shown = split.role === undefined ? bracketedRole(split.name) : undefined;
  if (shown === undefined || actorsNamedInAnySpelling(dossier, split.name).length > 0) return split;
  const role = shown.role.toLowerCase();
  const isRole = meantRole(role) !== undefined || actorsNamedInAnySpelling(dossier, shown.name).length > 0;
  return isRole ? { name: shown.name, role } : split;
}

/** `-Name` takes the actor off in every role, `-Name:role` in that role only. */
function actorRemoval(item: string, dossier: DossierReader): Removal<EntryActor> {
  const { name, role } = actorItem(item, dossier);
  const checked = role === undefined ? undefined : checkedRole(item, name, role);
  let id: number;
  try {
    ({ id } = resolveActorExactly(dossier, name, 'actors'));
  } catch (error) {
    // `-Minus Brigade` may have meant the actor of that name, to add.
    if (error instanceof UserError && error.code === 'not-found') throw new UserError('not-found', error.message, [...error.hints, literalHint('actors', `-${item}`)], error.option);
    throw error;
  }
  return { typed: item, takes: (actor) => actor.actorId === id && (checked === undefined || actor.role === checked) };
}

/**
 * A role left in a name by a second `:` (`Hamas:initiator` of `Hamas:initiator:target`), as
 * analysts write roles, or in brackets as Sitrep shows them (`Hamas (initiator):target`).
 */
function roleInName(name: string): { name: string; role: string } | undefined {
  const colon = nameAndRole(name);
  const { name: before, role } = colon.role === undefined ? (bracketedRole(name) ?? colon) : colon;
  const typed = role?.toLowerCase();
  const meant = typed === undefined ? undefined : ACTOR_ROLES.includes(typed as ActorRole) ? typed : ROLE_WORDS.get(typed);
  return meant === undefined ? undefined : { name: before, role: meant };
}

/** `item` of the actors list `list`, as the actor it names in its role. */
function parseActor(item: string, dossier: DossierReader, list: string): EntryActor {
  const { name, role } = actorItem(item, dossier);
  const checked = checkedRole(item, name, role ?? DEFAULT_ROLE);
  try {
    return { actorId: resolveActorExactly(dossier, name, 'actors').id, role: checked };
  } catch (error) {
    if (!(error instanceof UserError) || error.code !== 'not-found') throw error;
    if (isSemicolonList(name, dossier)) throw semicolonsRefusal(list, 'actors');
    throw new UserError('not-found', error.message, unknownActorHints(error.hints, name, checked, list), error.option);
  }
}

/** Whether a name no actor has is known actors run together with `;` (`Syria:participant; Israel`), each maybe with its role and mark. */
function isSemicolonList(name: string, dossier: DossierReader): boolean {
  if (!name.includes(';')) return false;
  return name.split(';').every((piece) => {
    const known = actorItem(unmarked(piece.trim()), dossier).name;
    return known !== '' && actorsNamedInAnySpelling(dossier, known).length > 0;
  });
}

/**
 * What a refusal of an unknown actor adds: how to create it. Not for a name holding `;` or a
 * role, which is items or roles run together: the list is given back with commas, or the item
 * with one role.
 */
function unknownActorHints(hints: readonly string[], name: string, role: ActorRole, list: string): string[] {
  if (name.includes(';')) {
    const commas = `Actors are separated by commas, each as name:role: actors:${quoteIfNeeded(withCommas(list))}.`;
    return hints.includes(LIST_SEPARATOR_HINT) ? hints.map((hint) => (hint === LIST_SEPARATOR_HINT ? commas : hint)) : [...hints, commas];
  }
  const roleLeft = roleInName(name);
  if (roleLeft) return [...hints, `An item takes one role: \`${roleLeft.name}:${roleLeft.role}\` or \`${roleLeft.name}:${role}\`.`];
  // `Hezbollah (Lebanon)`: a bracket that is no role may be part of a new actor's name, or a role mistyped.
  const bracket = bracketedRole(name);
  const notRole = bracket ? [`\`${bracket.role}\` is not a role (roles: ${ACTOR_ROLES.join(', ')}). ${ROLE_NOTATION}`] : [];
  // A new actor's kind can't be guessed (a state, a person…): the hint names them all.
  return [...hints, ...notRole, `Or, if it is a new actor, create it first: /actors add name:"${name}" kind:… (${CHOSEN_ACTOR_KINDS.join(', ')})`];
}

/**
 * The actors an `actors` option adds without a role (so as participants), by id: read after the
 * option was applied, so every name resolves.
 */
export function actorsGivenNoRole(text: string, dossier: DossierReader): number[] {
  return text
    .split(',')
    .map((item) => withSingleSpaces(item.trim()))
    .filter((item) => item !== '' && markOf(item) !== '-')
    .map((item) => actorItem(unmarked(item), dossier))
    .filter((item) => item.role === undefined)
    .map((item) => resolveActorExactly(dossier, item.name, 'actors').id);
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

/**
 * One field of the source the source options edit, emptied on its own (the Edit form's source
 * fields, or `clear:attribution`); the source stays. Its outlet, emptied, is named after its link.
 */
const SOURCE_PARTS = { source_url: 'url', outlet: 'outlet', attribution: 'attribution', published: 'published', grade: 'grade' } as const;
type SourcePart = keyof typeof SOURCE_PARTS;
const SOURCE_PART_NAMES = Object.keys(SOURCE_PARTS) as SourcePart[];

/** What `clear:` empties, by the names it takes: a whole field, one of the source's, or the figures' source (with the figures only). */
type ClearName = Clearable | SourcePart | 'fatalities_source';
const CLEAR_NAMES: readonly ClearName[] = [...CLEARABLE_NAMES, ...SOURCE_PART_NAMES, 'fatalities_source'];

/** The options that set what a `clear:` name empties. */
const settersOf = (name: ClearName): readonly string[] => (name in CLEARABLE ? CLEARABLE[name as Clearable] : [name]);

/**
 * The option an edit given empty (`tags:""`) is pointed to `clear:` for: each emptied with its own
 * field; the figures' source with the figures, which need one.
 */
const EMPTIED_BY_CLEAR: Readonly<Record<string, string>> = {
  ...Object.fromEntries(CLEARABLE_NAMES.filter((name) => name !== 'source').flatMap((name) => CLEARABLE[name].map((option) => [option, name] as const))),
  ...Object.fromEntries(SOURCE_PART_NAMES.map((name) => [name, name])),
};

export const clearOption: EmptyingOption = {
  name: 'clear',
  description: `Fields to empty, comma-separated: ${CLEARABLE_NAMES.join(', ')}`,
  type: 'text',
  maxLength: 100,
  example: '"end, tags"',
  empties: EMPTIED_BY_CLEAR,
};

/** What an edit's reply says it emptied (`clear:`, or fields emptied in its form), as `clear:` names them. */
export function emptiedLine(args: CommandArgs): Line[] {
  const names = clearNames(args.clear);
  return names.length === 0 ? [] : [plainLine(`Emptied: ${names.join(', ')}.`)];
}

/** The options a `clear` value empties (`"end, tags"`: end, tags); names it cannot clear are left to the command to refuse. */
export function fieldsCleared(clear: string | undefined): string[] {
  return [...new Set(clearNames(clear).flatMap((name) => ((CLEAR_NAMES as string[]).includes(name) ? settersOf(name as ClearName) : [])))];
}

/** The part of an entry a clear name stands for, comparable as JSON. */
function clearablePart(entry: Partial<EntryInput>, name: ClearName, sourceIndex: number): unknown {
  if (name === 'source') return entry.sources?.[sourceIndex];
  if (name === 'fatalities_source') return entry.fatalities?.source;
  if (name in SOURCE_PARTS) return entry.sources?.[sourceIndex]?.[SOURCE_PARTS[name as SourcePart]];
  return entry[name as Exclude<Clearable, 'source'>];
}

/** The refusal of a name `clear` cannot empty, with the list it can, and the name likely meant. */
function unknownClear(name: string, names: readonly string[]): UserError {
  const [meant] = closestNames(CLEAR_NAMES, name, 1);
  const rewritten = meant && quoteIfNeeded(names.map((other) => (other === name ? meant : other)).join(', '));
  return new UserError('invalid-option', `Option \`clear\` cannot empty \`${name}\`.`, [
    ...(meant ? [`Did you mean \`clear:${rewritten}\`?`] : []),
    `It can empty: ${CLEARABLE_NAMES.join(', ')}; or one field of the source: ${SOURCE_PART_NAMES.join(', ')}.`,
  ], 'clear');
}

/**
 * The sources with fields of the one at `index` emptied (`parts`). Emptied of every field it
 * has, it goes, as `clear:source` takes it; its outlet emptied, it is named after its link, as a
 * source added without an outlet is, and without a link it is refused.
 */
function withSourcePartsEmptied(sources: readonly SourceRecord[], index: number, parts: readonly SourcePart[]): SourceRecord[] {
  const source = sources[index];
  if (!source || parts.length === 0) return [...sources];
  if (SOURCE_PART_NAMES.every((part) => source[SOURCE_PARTS[part]] === undefined || parts.includes(part))) return sources.filter((_, at) => at !== index);
  const kept: SourceRecord = { ...source };
  for (const part of parts) if (part !== 'outlet') delete kept[SOURCE_PARTS[part]];
  if (parts.includes('outlet')) {
    if (!kept.url) throw outletEmptied(source, index);
    kept.outlet = outletOfUrl(kept.url);
  }
  return sources.toSpliced(index, 1, kept);
}

/**
 * Empties the fields named by the `clear` option (for /entry edit; the Edit form names so the
 * fields emptied in it). `next` is the entry with the command's other options applied, `current`
 * the stored one: a field the command also changes cannot be cleared, while one given with its
 * current value (as an edit form sends every field, pre-filled) simply is. `clear:source`
 * removes the source at `sourceIndex`, and a source field empties that field of it. A field
 * every entry needs is refused (see emptied-fields.ts), as are figures left without their source.
 */
export function clearEntryFields(args: CommandArgs, next: Partial<EntryInput>, current: Partial<EntryInput>, sourceIndex = 0): Partial<EntryInput> {
  if (args.clear === undefined) return next;
  const names = clearNames(args.clear);
  const cleared: Partial<EntryInput> = { ...next };
  // Every needed field emptied at once, each under its own name, with what it holds now.
  checkAll(neededAmong(names).map((name) => () => {
    const now = entryFieldText(current, name);
    throw neededFieldEmptied(name, now === undefined ? undefined : `The entry's ${name} is ${now}: leave it so, or give another.`);
  }));
  for (const name of names) {
    if (!(CLEAR_NAMES as string[]).includes(name)) throw unknownClear(name, names);
    const field = name as ClearName;
    const setter = settersOf(field).find((option) => args[option] !== undefined);
    if (setter && JSON.stringify(clearablePart(next, field, sourceIndex)) !== JSON.stringify(clearablePart(current, field, sourceIndex))) {
      throw new UserError('invalid-option', `Option \`clear\` empties \`${name}\`, which \`${setter}\` changes in this command.`, ['Use one or the other.'], 'clear');
    }
  }
  for (const name of names as ClearName[]) {
    switch (name) {
      case 'summary':
        cleared.summary = '';
        break;
      case 'end':
      case 'fatalities':
        // Explicitly undefined: the editor lays the result over the stored entry.
        cleared[name] = undefined;
        break;
      case 'source':
        cleared.sources = (cleared.sources ?? []).filter((_, index) => index !== sourceIndex);
        break;
      case 'fatalities_source':
        if (!names.includes('fatalities') && cleared.fatalities !== undefined) throw fatalitySourceEmptied();
        break;
      case 'source_url':
      case 'outlet':
      case 'attribution':
      case 'published':
      case 'grade':
        // Together, below: one emptied field may decide what becomes of another (an outlet without its link).
        break;
      default:
        cleared[name] = [];
    }
  }
  // A source removed whole takes its fields with it.
  const parts = names.includes('source') ? [] : SOURCE_PART_NAMES.filter((part) => names.includes(part));
  if (parts.length > 0) cleared.sources = withSourcePartsEmptied(cleared.sources ?? [], sourceIndex, parts);
  return cleared;
}

/** A source's outlet emptied while it has no link to be named by, and keeps other fields. */
function outletEmptied(source: SourceRecord, sourceIndex: number): UserError {
  return new UserError('missing-option', 'A source needs an outlet or a link, and `outlet` was emptied.', [
    `Source ${sourceIndex + 1} is ${source.outlet}: keep its outlet, or give a \`source_url\` to name it by its link.`,
    'To remove the source, empty its other fields too, or give `clear:source`.',
  ], 'outlet');
}

/** A needed field of an entry as its option would give it, for a refusal to quote. */
function entryFieldText(entry: Partial<EntryInput>, name: string): string | undefined {
  switch (name) {
    case 'title':
      return entry.title;
    case 'date':
      return entry.start && toIsoPartial(entry.start);
    case 'type':
      return entry.eventType;
    case 'topic':
      return entry.topic;
    case 'confidence':
      return entry.confidence;
    default:
      return undefined;
  }
}

/**
 * Applies the given options over `base` (an existing entry, or empty for add). The source options
 * describe the source at `sourceIndex` (one past the last adds one); `lists` says what the list
 * options' marks apply to.
 */
export function applyEntryFields(args: CommandArgs, base: Partial<EntryInput>, dossier: DossierReader, sourceIndex = 0, lists: ListBase = 'entry'): Partial<EntryInput> {
  const next: Partial<EntryInput> = { ...base };
  if (args.date !== undefined) next.start = args.date as PartialDate;
  if (args.end !== undefined) next.end = args.end as PartialDate;
  if (args.type !== undefined) next.eventType = args.type as EventType;
  if (args.confidence !== undefined) next.confidence = args.confidence as Confidence;
  // Every wrong option in one refusal, as the option conversion before it does.
  checkAll([
    () => {
      if (args.title !== undefined) next.title = worded(args.title, 'title', 'Give the headline in words: title:"Talks resume in Baku".');
    },
    () => {
      if (args.summary !== undefined) next.summary = worded(args.summary, 'summary', 'To record none, leave `summary` out of /entry add, or empty it with `clear:summary` on /entry edit and /review approve.');
    },
    () => {
      if (args.topic !== undefined) next.topic = parseTopic(String(args.topic));
    },
    () => {
      if (args.places !== undefined) next.places = editedPlaces(String(args.places), base.places ?? [], lists);
    },
    () => {
      if (args.actors !== undefined) next.actors = editedActors(String(args.actors), base.actors ?? [], dossier, lists);
    },
    () => {
      if (args.tags !== undefined) next.tags = editedTags(String(args.tags), base.tags ?? [], lists);
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
 * A title or summary as given, refused when it holds no letter, digit nor pictograph (`-`, `…`,
 * `?`; `🕊️` is kept): typed for "none" or by mistake, it would be shown as the entry's headline or account.
 */
function worded(value: unknown, name: 'title' | 'summary', hint: string): string {
  const text = String(value);
  if (!holdsWords(text)) throw new UserError('invalid-option', `Option \`${name}\` has no words — got \`${text}\`.`, [hint], name);
  return text;
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
 * the publication check to the caller (an import, which keeps entries stored before the rule);
 * `listsAsStored` reads every list item as a name, none as a mark (an import's file lists them so).
 */
export function newEntryFrom(args: CommandArgs, dossier: DossierReader, { publishedApart = false, listsAsStored = false }: { publishedApart?: boolean; listsAsStored?: boolean } = {}): EntryInput {
  const fields = applyEntryFields(args, {}, dossier, 0, listsAsStored ? 'stored' : 'new');
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
