// What /entry add and edit replies say of the lists they set (actors, places, tags) and of what an
// entry lacks: the items an edit added and took off, the actors that got the default role, and a
// missing source.
import type { CommandArgs } from '../../src/core/command-spec.js';
import type { EntryDetail, EntryInput } from '../../src/core/domain.js';
import { fieldChanges } from '../../src/core/entry-diff.js';
import { foldKey, wordList } from '../../src/core/text.js';
import { span, type Line } from '../../src/core/view.js';
import { ACTOR_ROLES } from '../../src/core/vocabulary.js';
import { changeLine } from './diff.js';
import { addMarkedItems, DEFAULT_ROLE, MARKED_FORMS, replacesList, type ListOption } from './fields.js';

const LIST_OPTIONS: readonly ListOption[] = ['actors', 'places', 'tags'];

/**
 * The items an edit added to and took off the lists it set (`Actors: + Benjamin Netanyahu
 * (subject), − Tom Barrack (subject)`). A list given whole replaces the entry's: when that took
 * items off, the reply says how to change single items instead, and how to take the edit back.
 */
export function listEditNotes(args: CommandArgs, before: EntryInput, after: EntryInput, names: ReadonlyMap<number, string>, id: number): Line[] {
  const given = new Set<string>(LIST_OPTIONS.filter((option) => args[option] !== undefined));
  // A place re-spelled (respell:true) is said by its own note, not as one taken off and one added.
  const respelled = { ...before, places: before.places.map((place) => after.places.find((other) => foldKey(other) === foldKey(place)) ?? place) };
  const changes = fieldChanges(respelled, after, names).filter((change) => given.has(change.field));
  const lines = changes.map(changeLine);
  const replacedWithLoss = changes.find((change) => change.kind === 'list' && change.removed.length > 0 && replacesList(String(args[change.field])));
  if (replacedWithLoss === undefined) return lines;
  const option = replacedWithLoss.field as ListOption;
  return [
    ...lines,
    [
      span.plain(`A list with no item marked + or - replaces the entry's whole list; to add or remove single items: `),
      span.code(MARKED_FORMS[option]),
      span.plain('. To take this edit back: '),
      span.command('entry undo', `id:${id}`),
    ],
  ];
}

/**
 * The actors given without a role, which were recorded as participants: the reply names them,
 * and gives the edit that sets their roles (the entry's whole list, theirs left to fill in).
 */
export function defaultRoleNote(entry: EntryDetail, rolelessIds: readonly number[], id: number): Line[] {
  const roleless = (actor: EntryDetail['actors'][number]) => actor.role === DEFAULT_ROLE && rolelessIds.includes(actor.actorId);
  const named = entry.actors.filter(roleless).map((actor) => actor.name);
  if (named.length === 0) return [];
  const list = entry.actors.map((actor) => `${actor.name}:${roleless(actor) ? '…' : actor.role}`).join(', ');
  return [
    [
      span.plain(`${wordList(named)} ${named.length === 1 ? 'was' : 'were'} recorded as ${DEFAULT_ROLE}, as no role was given (roles: ${ACTOR_ROLES.join(', ')}). To set ${named.length === 1 ? 'one' : 'theirs'}: `),
      span.command('entry edit', `id:${id} actors:"${list}"`),
    ],
  ];
}

/** A timeline is sourced: an entry added without a source is kept, and the reply says how to give it one. */
export function noSourceNote(entry: EntryDetail, id: number): Line[] {
  if (entry.sources.length > 0) return [];
  return [[span.plain(`Entry #${id} has no source. Add one with `), span.command('entry edit', `id:${id} outlet:… source_url:…`)]];
}

/**
 * On /entry add, a `+` item adds to a list that starts empty: the reply says how each was read, as
 * a name that itself starts with + or - (`+972mag`) is written after a mark (`++972mag`).
 */
export function addMarksNote(args: CommandArgs): Line[] {
  const marked = addMarkedItems(args);
  const [first] = marked;
  if (!first) return [];
  const read = marked.map((item) => `“${item.typed}” as “${item.read}”`).join(', ');
  return [
    [
      span.plain(`Read ${read}: a + before an item marks one to add, and /entry add sets the whole list. A name starting with + or - is written after a mark: `),
      span.code(`${first.option}:"+${first.typed}"`),
      span.plain(` adds “${first.typed}”.`),
    ],
  ];
}
