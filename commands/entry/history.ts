// /entry history and /entry undo — who changed what and when, and taking changes back one by one.
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import type { RevisionRecord } from '../../src/core/editor-port.js';
import { latestStandingChange } from '../../src/core/undo-order.js';
import { plainLine, span, type Line } from '../../src/core/view.js';
import { fieldOptionNames } from '../../src/core/vocabulary.js';
import { stampOf } from '../stamp.js';
import { entryIdOption } from './fields.js';
import { entryDetailView, formatInstant } from './show.js';

function revisionLine(revision: RevisionRecord): Line {
  const line: Line = [
    span.code(`r${revision.id}`),
    span.plain(` ${formatInstant(revision.changedAt)} · `),
    span.bold(revision.action),
    span.plain(` by ${revision.changedBy}`),
  ];
  if (revision.changedFields.length > 0 && revision.action !== 'create') line.push(span.plain(` — ${fieldOptionNames(revision.changedFields)}`));
  if (revision.reason) line.push(span.italic(` (${revision.reason})`));
  return line;
}

export const entryHistory: SubcommandSpec = {
  name: 'history',
  description: 'Who changed an entry, what and when',
  options: [entryIdOption],
  examples: ['12'],
  run(args, ctx) {
    const id = args.id as number;
    const revisions = ctx.services.editor.entryHistory(id);
    return {
      title: `History of #${id}`,
      tone: 'normal',
      intro: [plainLine(`${revisions.length} ${revisions.length === 1 ? 'revision' : 'revisions'}, oldest first.`)],
      sections: [{ lines: revisions.map(revisionLine) }],
      ...(latestStandingChange(revisions) !== undefined ? { footer: `Take back the latest change with /entry undo id:${id} (admins)` } : {}),
    };
  },
};

export const undoEntry: SubcommandSpec = {
  name: 'undo',
  description: 'Take back the last change to an entry, a removal too; again to step back further (admins)',
  adminOnly: true,
  options: [entryIdOption],
  examples: ['12'],
  run(args, ctx) {
    const id = args.id as number;
    const revision = ctx.services.editor.undoEntry(id, stampOf(ctx));
    const entry = ctx.services.dossier.getEntry(id);
    const fields = revision.changedFields.length > 0 ? ` (${fieldOptionNames(revision.changedFields)})` : '';
    const summary = plainLine(`Took back r${revision.undoes}${fields}. Undo again to step further back; /entry history id:${id} lists every change.`);
    if (!entry) {
      return { title: `#${id} is removed again`, tone: 'success', intro: [summary], sections: [] };
    }
    return { ...entryDetailView(entry), tone: 'success', intro: [summary] };
  },
};
