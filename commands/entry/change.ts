// /entry add, edit and remove — admin changes, each with its revision.
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntryInput } from '../../src/core/domain.js';
import type { PlaceRespelling } from '../../src/core/editor-port.js';
import { UserError } from '../../src/core/errors.js';
import { closestNames } from '../../src/core/ranking.js';
import { foldKey, plural } from '../../src/core/text.js';
import { plainLine, type Line } from '../../src/core/view.js';
import { fieldOptionNames } from '../../src/core/vocabulary.js';
import { stampOf } from '../stamp.js';
import { applyEntryFields, checkSpan, clearEntryFields, clearOption, entryFieldOptions, entryFormValues, entryIdOption, newEntryFrom } from './fields.js';
import { entryDetailView, requireEntry } from './show.js';

/**
 * A topic is created by the first entry that names it, so a typo (`syria-isreal`) would quietly
 * start a stray one: the reply says when a change starts a topic, and which existing one is close.
 */
function newTopicNote(topicsBefore: readonly string[], topic: string, id: number): Line[] {
  if (topicsBefore.includes(topic)) return [];
  // Slugs share parts (`-israel`): only a near-spelling (about 2 edits in 12 letters) is a typo.
  const [close] = closestNames(topicsBefore, topic, 1, 0.2);
  return [
    plainLine(
      `This starts a new topic, ${topic}.` + (close ? ` Did you mean ${close}? If so: /entry edit id:${id} topic:${close}` : ''),
    ),
  ];
}

/** Entry numbers to name in a reply before saying how many more. */
const LISTED_ENTRIES = 10;

/** A re-spelled place changes what other entries show too: the reply says which, and how to take it back. */
function respellingNote(place: PlaceRespelling, id: number): Line {
  const others = place.entryIds.filter((entryId) => entryId !== id);
  const listed = others.slice(0, LISTED_ENTRIES).map((entryId) => `#${entryId}`).join(', ');
  const more = others.length > LISTED_ENTRIES ? ` and ${others.length - LISTED_ENTRIES} more` : '';
  const where = others.length === 0 ? 'No other entry shows it.' : `It now reads so on ${plural(others.length, 'other entry', 'other entries')} too: ${listed}${more}.`;
  return plainLine(`Re-spelled the place “${place.from}” as “${place.to}” everywhere. ${where} /entry undo id:${id} spells it back.`);
}

/**
 * A new entry naming a stored place with another spelling shows the stored one, which other
 * entries share: the reply says so, and how to re-spell it everywhere.
 */
function keptSpellingNote(typed: readonly string[], shown: readonly string[], id: number): Line[] {
  const kept = typed.flatMap((place) => {
    const stored = shown.find((name) => foldKey(name) === foldKey(place));
    return stored !== undefined && stored !== place ? [`“${place}” as “${stored}”`] : [];
  });
  if (kept.length === 0) return [];
  return [
    plainLine(
      `Places keep the spelling other entries share: shown ${kept.join(', ')}. To re-spell everywhere: /entry edit id:${id} places:"${typed.join(', ')}"`,
    ),
  ];
}

export const addEntry: SubcommandSpec = {
  name: 'add',
  description: 'Add an entry (admins)',
  adminOnly: true,
  options: entryFieldOptions.map(({ requiredOnAdd, ...option }) => ({ ...option, required: requiredOnAdd === true })),
  examples: ['title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel actors:"Syria:participant, Israel:participant" confidence:reported outlet:AFP'],
  run(args, ctx) {
    const input = newEntryFrom(args, ctx.services.dossier);
    const topicsBefore = ctx.services.dossier.topics();
    const id = ctx.services.editor.addEntry(input, stampOf(ctx));
    const entry = requireEntry(ctx.services.dossier, id);
    const view = entryDetailView(entry);
    const notes = [...keptSpellingNote(input.places, entry.places, id), ...newTopicNote(topicsBefore, input.topic, id)];
    return { ...view, tone: 'success', intro: [plainLine(`Added entry #${id}.`), ...notes] };
  },
};

export const editEntry: SubcommandSpec = {
  name: 'edit',
  description: 'Change fields of an entry (admins)',
  adminOnly: true,
  // A default applies only on add: an edit that leaves an option out keeps the stored value.
  options: [
    entryIdOption,
    ...entryFieldOptions.map(({ requiredOnAdd: _r, ...option }) => ({ ...option, description: option.description.replace(/ \(default [^)]*\)$/, '') })),
    clearOption,
  ],
  examples: ['id:12 confidence:confirmed', 'id:12 date:2025-07 places:Baku', 'id:12 clear:"end, tags"'],
  formValues: (args, ctx) => entryFormValues(requireEntry(ctx.services.dossier, args.id as number)),
  run(args, ctx) {
    const id = args.id as number;
    if (Object.keys(args).length === 1) {
      throw new UserError('missing-option', '/entry edit needs at least one field to change besides `id`.', ['For example: /entry edit id:12 confidence:confirmed']);
    }
    const current = ctx.services.editor.entryState(id);
    const next = clearEntryFields(args, applyEntryFields(args, current, ctx.services.dossier), current) as EntryInput;
    checkSpan(args, next);
    // Only an edit that names a topic can start one.
    const topicsBefore = args.topic === undefined ? [] : ctx.services.dossier.topics();
    const { changedFields: changed, respelledPlaces } = ctx.services.editor.editEntry(id, next, stampOf(ctx));
    const view = entryDetailView(requireEntry(ctx.services.dossier, id));
    const note = changed.includes('topic') ? newTopicNote(topicsBefore, next.topic, id) : [];
    return {
      ...view,
      tone: 'success',
      intro: [plainLine(`Updated #${id}: ${fieldOptionNames(changed)}.`), ...respelledPlaces.map((place) => respellingNote(place, id)), ...note],
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
    const entry = requireEntry(ctx.services.dossier, id);
    ctx.services.editor.removeEntry(id, String(args.reason), stampOf(ctx));
    return {
      title: `Removed #${id} ${entry.title}`,
      tone: 'success',
      intro: [plainLine(`Reason: ${String(args.reason)}`), plainLine(`It is kept in history; bring it back with /entry undo id:${id}.`)],
      sections: [],
    };
  },
};
