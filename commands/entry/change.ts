// /entry add, edit and remove — admin changes, each with its revision.
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntryInput } from '../../src/core/domain.js';
import { UserError } from '../../src/core/errors.js';
import { closestNames } from '../../src/core/ranking.js';
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
    const view = entryDetailView(requireEntry(ctx.services.dossier, id));
    return { ...view, tone: 'success', intro: [plainLine(`Added entry #${id}.`), ...newTopicNote(topicsBefore, input.topic, id)] };
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
    const changed = ctx.services.editor.editEntry(id, next, stampOf(ctx));
    const view = entryDetailView(requireEntry(ctx.services.dossier, id));
    const note = changed.includes('topic') ? newTopicNote(topicsBefore, next.topic, id) : [];
    return { ...view, tone: 'success', intro: [plainLine(`Updated #${id}: ${fieldOptionNames(changed)}.`), ...note] };
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
