// /entry add, edit and remove — admin changes, each with its revision.
import type { OptionSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntryInput } from '../../src/core/domain.js';
import { actorIdsNamed } from '../../src/core/entry-diff.js';
import type { EntryEdit, PlaceRespelling } from '../../src/core/editor-port.js';
import { checkAll, isUserError, UserError } from '../../src/core/errors.js';
import type { FormWithParts, PositionalPart } from '../../src/core/interaction/form-parts.js';
import { firstDay, lastDay, type PartialDate } from '../../src/core/partial-date.js';
import type { DossierReader, LookAlike } from '../../src/core/ports.js';
import { foldKey, plural } from '../../src/core/text.js';
import { commandText, plainLine, span, type CommandRef, type Line } from '../../src/core/view.js';
import { fieldOptionNames } from '../../src/core/vocabulary.js';
import { stampOf } from '../stamp.js';
import { refuseImplausibleDates } from './plausible-dates.js';
import { actorsGivenNoRole, applyEntryFields, checkSpan, clearEntryFields, clearOption, DEFAULT_ROLE, EDIT_LIST_DESCRIPTIONS, emptiedLine, entryFieldOptions, entryFixes, entryFormValues, entryIdOption, fieldsCleared, newEntryFrom } from './fields.js';
import { respellOption, withStoredCase } from './place-case.js';
import { fatalityEditNotes } from './fatality-fields.js';
import { chosenSourceIndex, keptOutletLine, keptOutletText, replacedSourceNote, respelledOutletNote, sourceNumberOption, withStoredOutletCase } from './source-fields.js';
import { checkNewPlaces, keepUnlocated, locatedNote, locatedOption, newPlaces } from './place-check.js';
import { entryDetailView, requireEntry } from './show.js';
import { newTopicNote } from '../topic-note.js';
import { addMarksNote, defaultRoleNote, listEditNotes, noSourceNote } from './list-notes.js';
import { instantsFor } from '../when.js';
import { addUnseenCause, entryFormAuthors, replacedChangesNote, unseenChanges } from './unseen-changes.js';

/** The new-topic note of an entry's change, with the /entry edit that takes a close topic. */
const entryTopicNote = (topicsBefore: readonly string[], topic: string, id: number): Line[] => newTopicNote(topicsBefore, topic, { command: 'entry edit', id });

/** An entry added beside one it may repeat stays (two events can share a day, a title or an article); the reply says which, and how to remove it. */
function lookAlikeNote(alikes: readonly LookAlike[], id: number): Line[] {
  const [first] = alikes;
  if (!first) return [];
  const which = alikes.map((alike) => `#${alike.id} (${alike.why})`).join(', ');
  return [[span.plain(`Possibly the same event as ${which}. If it repeats it: `), span.command('entry remove', `id:${id} reason:"duplicate of #${first.id}"`)]];
}

/** Entry numbers to name in a reply before saying how many more. */
const LISTED_ENTRIES = 10;

/** A re-spelled place changes what other entries show too: the reply says which, and how to take it back. */
function respellingNote(place: PlaceRespelling, id: number): Line {
  const others = place.entryIds.filter((entryId) => entryId !== id);
  const listed = others.slice(0, LISTED_ENTRIES).map((entryId) => `#${entryId}`).join(', ');
  const more = others.length > LISTED_ENTRIES ? ` and ${others.length - LISTED_ENTRIES} more` : '';
  const where = others.length === 0 ? 'No other entry shows it.' : `It now reads so on ${plural(others.length, 'other entry', 'other entries')} too: ${listed}${more}.`;
  return [span.plain(`Re-spelled the place “${place.from}” as “${place.to}” everywhere. ${where} `), span.command('entry undo', `id:${id}`), span.plain(' spells it back.')];
}

/**
 * A new entry naming a stored place with another spelling shows the stored one, which other
 * entries share, and so does an edit whose spelling differs only in letter case: the reply says
 * so, and how to re-spell it everywhere.
 */
interface KeptSpelling {
  said: string;
  respell: CommandRef;
}

function keptSpelling(typed: readonly string[], shown: readonly string[], id: number, lead: string): KeptSpelling | undefined {
  const kept = typed.flatMap((place) => {
    const stored = shown.find((name) => foldKey(name) === foldKey(place));
    return stored !== undefined && stored !== place ? [`“${place}” as “${stored}”`] : [];
  });
  if (kept.length === 0) return undefined;
  return { said: `${lead}: shown ${kept.join(', ')}. To re-spell everywhere: `, respell: { name: 'entry edit', args: `id:${id} places:"${typed.join(', ')}" respell:true` } };
}

const keptLine = (kept: KeptSpelling): Line => [span.plain(kept.said), span.command(kept.respell.name, kept.respell.args)];

function keptSpellingNote(typed: readonly string[], shown: readonly string[], id: number, lead = 'Places keep the spelling other entries share'): Line[] {
  const kept = keptSpelling(typed, shown, id, lead);
  return kept === undefined ? [] : [keptLine(kept)];
}

const KEPT_ON_EDIT = 'Kept the stored spelling of places that differ only in letter case';

/** The entry's fields in a form: what is asked for first where a platform has room for few. */
const FORM_FIELDS = [
  'title', 'date', 'type', 'topic', 'summary', 'places', 'actors', 'tags', 'confidence', 'end', 'source_url', 'outlet', 'attribution', 'published',
  'grade', 'fatalities', 'fatalities_source', 'located',
];

export const addEntry: SubcommandSpec = {
  name: 'add',
  description: 'Add an entry (admins)',
  adminOnly: true,
  options: [...entryFieldOptions.map(({ requiredOnAdd, ...option }) => ({ ...option, required: requiredOnAdd === true })), locatedOption],
  form: {
    fields: FORM_FIELDS,
    longText: ['summary'],
    opensWithout: 'summary',
    title: (values) => (values.title ? `Add: ${values.title}` : 'Add an entry'),
    submit: 'Add entry',
  },
  examples: ['title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel actors:"Syria:participant, Israel:participant" confidence:reported outlet:AFP'],
  run(args, ctx) {
    let input!: EntryInput;
    // The dates beside every other wrong option, in one refusal.
    checkAll([
      () => void (input = newEntryFrom(args, ctx.services.dossier)),
      () => refuseImplausibleDates(ctx, { date: args.date as PartialDate | undefined, end: args.end as PartialDate | undefined, published: args.published as PartialDate | undefined }),
    ]);
    const unlocated = checkNewPlaces(ctx.services.places, input.places, args);
    const fresh = newPlaces(ctx.services.places, input.places);
    const topicsBefore = ctx.services.dossier.topics();
    const urls = input.sources.flatMap((source) => (source.url ? [source.url] : []));
    const alikes = ctx.services.dossier.lookAlikes({ dayFrom: firstDay(input.start), dayTo: lastDay(input.end ?? input.start), title: input.title, urls });
    const id = ctx.services.editor.addEntry(input, stampOf(ctx));
    keepUnlocated(ctx.services.places, unlocated, stampOf(ctx));
    const entry = requireEntry(ctx, id);
    const view = entryDetailView(entry, instantsFor(ctx));
    const notes = [
      ...noSourceNote(entry, id),
      ...addMarksNote(args),
      ...(args.actors === undefined ? [] : defaultRoleNote(entry, actorsGivenNoRole(String(args.actors), ctx.services.dossier), id)),
      ...keptSpellingNote(input.places, entry.places, id),
      ...locatedNote(ctx.services.places, fresh, entry),
      ...entryTopicNote(topicsBefore, input.topic, id),
      ...lookAlikeNote(alikes, id),
    ];
    return { ...view, tone: 'success', intro: [plainLine(`Added entry #${id}.`), ...notes] };
  },
};

/** The actors an edit gives without a role that were not participants of the entry already. */
function newlyRoleless(actors: string, current: EntryInput, dossier: DossierReader): number[] {
  const wasParticipant = (actorId: number) => current.actors.some((actor) => actor.actorId === actorId && actor.role === DEFAULT_ROLE);
  return actorsGivenNoRole(actors, dossier).filter((actorId) => !wasParticipant(actorId));
}

/** An option as /entry edit describes it: no default (what is left out is kept), and lists that replace or change single items. */
function editDescription(option: OptionSpec): string {
  return (EDIT_LIST_DESCRIPTIONS as Record<string, string>)[option.name] ?? option.description.replace(/ \(default [^)]*\)$/, '');
}

/**
 * The Edit form's source fields fill source 1, whichever that is when the form is submitted: one
 * removed or moved meanwhile must not pass its values on to the source now first. A source is
 * told apart by its outlet, letter case and accents aside, as an edit's options tell them apart.
 */
const FIRST_SOURCE: PositionalPart = {
  noun: 'source', position: 1, identifiedBy: 'outlet', fields: ['source_url', 'outlet', 'attribution', 'published', 'grade'],
  same: (a, b) => foldKey(a) === foldKey(b),
};

const editForm: FormWithParts = {
  keys: ['id'],
  fields: [...FORM_FIELDS, 'clear'],
  longText: ['summary'],
  title: (values) => `Edit entry #${values.id ?? ''}`,
  submit: 'Save changes',
  note: 'Fields start with the current values (shown above); change what you need. A field emptied is left empty in the entry (a title, date, type, topic and confidence are needed); Clear empties fields the form does not show, such as claims.',
  preview: { command: 'entry', subcommand: 'show' },
  emptied: (typed) => fieldsCleared(typed.clear),
  // A field emptied is emptied in the entry, as in a review card's Edit form (or refused, for one every entry needs).
  emptiedOption: 'clear',
  parts: [FIRST_SOURCE],
};

export const editEntry: SubcommandSpec = {
  name: 'edit',
  description: 'Change fields of an entry (admins)',
  adminOnly: true,
  // A default applies only on add: an edit that leaves an option out keeps the stored value.
  options: [
    entryIdOption,
    ...entryFieldOptions.map(({ requiredOnAdd: _r, ...option }) => ({ ...option, description: editDescription(option) })),
    sourceNumberOption,
    clearOption,
    respellOption,
    locatedOption,
  ],
  examples: [
    'id:12 confidence:confirmed',
    'id:12 date:2025-07 places:Baku',
    'id:12 actors:"+Ron Dermer:participant, -Ahmed al-Sharaa"',
    'id:12 clear:"end, tags"',
    'id:12 source:2 outlet:Reuters',
  ],
  formValues: (args, ctx) => entryFormValues(requireEntry(ctx, args.id as number)),
  formAuthors: (args, since, ctx) => entryFormAuthors(args.id as number, since, ctx),
  form: editForm,
  run(args, ctx) {
    const id = args.id as number;
    if (Object.keys(args).length === 1) {
      throw new UserError('missing-option', '/entry edit needs at least one field to change besides `id`.', [`For example: /entry edit id:${id} confidence:confirmed`]);
    }
    if (args.respell === true && args.places === undefined && args.outlet === undefined) {
      throw new UserError('missing-option', 'Option `respell` re-spells the places given in `places`, and none are given.', [
        `Give them as they should be spelled: /entry edit id:${id} places:"…" respell:true`,
        `It re-spells an outlet given in \`outlet\` too: /entry edit id:${id} outlet:… respell:true`,
      ], 'places');
    }
    // A removed entry is refused naming who removed it, when and why, as /entry show says it.
    requireEntry(ctx, id);
    const current = ctx.services.editor.entryState(id);
    // Another admin's change the caller did not see: named if this edit is refused over it, or replaces it.
    const unseen = unseenChanges(id, ctx);
    const sourceIndex = chosenSourceIndex(args, current.sources, id);
    let next!: EntryInput;
    try {
      checkAll([
        () => void (next = clearEntryFields(args, applyEntryFields(args, current, ctx.services.dossier, sourceIndex), current, sourceIndex) as EntryInput),
        // Only what this edit sets: an entry stored before the rule can still be edited otherwise.
        () => refuseImplausibleDates(ctx, { date: args.date as PartialDate | undefined, end: args.end as PartialDate | undefined, published: args.published as PartialDate | undefined }),
      ]);
      // A new date is checked against every source and claim the entry keeps, named as /entry show names them.
      let claimActors: readonly string[] | undefined;
      const claimActor = (index: number) => (claimActors ??= requireEntry(ctx, id).claims.map((claim) => claim.actorName))[index] ?? 'its actor';
      checkSpan(args, next, entryFixes(id, claimActor));
    } catch (error) {
      if (isUserError(error)) addUnseenCause(error, unseen, args, ctx);
      throw error;
    }
    const typedPlaces = next.places;
    if (args.places !== undefined && args.respell !== true) next.places = withStoredCase(typedPlaces, ctx.services.dossier);
    const kept = args.places === undefined ? undefined : keptSpelling(typedPlaces, next.places, id, KEPT_ON_EDIT);
    const keptOutlet = withStoredOutletCase(args, current.sources[sourceIndex], next.sources, sourceIndex, id);
    const unlocated = args.places === undefined ? [] : checkNewPlaces(ctx.services.places, next.places, args);
    const fresh = args.places === undefined ? [] : newPlaces(ctx.services.places, next.places);
    // Only an edit that names a topic can start one.
    const topicsBefore = args.topic === undefined ? [] : ctx.services.dossier.topics();
    let edit: EntryEdit;
    try {
      edit = ctx.services.editor.editEntry(id, next, stampOf(ctx));
    } catch (error) {
      // "Nothing to change" after a kept spelling still says how to re-spell.
      if (isUserError(error) && kept !== undefined) error.hints.push(`${kept.said}${commandText(kept.respell)}`);
      if (isUserError(error) && keptOutlet !== undefined) error.hints.push(`${keptOutletText(keptOutlet)}${commandText(keptOutlet.respell)}`);
      throw error;
    }
    keepUnlocated(ctx.services.places, unlocated, stampOf(ctx));
    const { changedFields: changed, respelledPlaces } = edit;
    const entry = requireEntry(ctx, id);
    const view = entryDetailView(entry, instantsFor(ctx));
    const stored = ctx.services.editor.entryState(id);
    const actorNames = ctx.services.past.actorNames([...actorIdsNamed(current), ...actorIdsNamed(stored)]);
    const note = changed.includes('topic') ? entryTopicNote(topicsBefore, next.topic, id) : [];
    return {
      ...view,
      tone: 'success',
      intro: [
        plainLine(`Updated #${id}: ${fieldOptionNames(changed)}.`),
        ...emptiedLine(args),
        ...replacedChangesNote(unseen, changed, ctx),
        ...listEditNotes(args, current, stored, actorNames, id),
        ...(args.actors === undefined || !changed.includes('actors') ? [] : defaultRoleNote(entry, newlyRoleless(String(args.actors), current, ctx.services.dossier), id)),
        ...respelledPlaces.map((place) => respellingNote(place, id)),
        ...replacedSourceNote(args, current.sources[sourceIndex], next.sources[sourceIndex]),
        ...respelledOutletNote(args, current.sources[sourceIndex], next.sources[sourceIndex]),
        ...(keptOutlet === undefined ? [] : [keptOutletLine(keptOutlet)]),
        ...(changed.includes('fatalities') ? fatalityEditNotes(args, current.fatalities, next.fatalities, id) : []),
        ...(kept === undefined ? [] : [keptLine(kept)]),
        ...locatedNote(ctx.services.places, fresh, entry),
        ...note,
      ],
    };
  },
};

export const removeEntry: SubcommandSpec = {
  name: 'remove',
  description: 'Remove an entry from timelines and search, keeping its history (admins)',
  adminOnly: true,
  options: [
    entryIdOption,
    { name: 'reason', description: 'Why it is removed (kept in history)', type: 'text', required: true, maxLength: 300, example: '"duplicate of #12"' },
  ],
  examples: ['id:12 reason:"duplicate of #11"'],
  run(args, ctx) {
    const id = args.id as number;
    const entry = requireEntry(ctx, id);
    ctx.services.editor.removeEntry(id, String(args.reason), stampOf(ctx));
    return {
      title: `Removed #${id} ${entry.title}`,
      tone: 'success',
      intro: [plainLine(`Reason: ${String(args.reason)}`), [span.plain('It is kept in history; bring it back with '), span.command('entry undo', `id:${id}`), span.plain('.')]],
      sections: [],
    };
  },
};
