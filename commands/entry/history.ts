// /entry history and /entry undo — who changed what and when, and taking changes back one by one.
import { authorIdentity, authorLabel } from '../../src/core/author-label.js';
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import { NotLatestChange, type EntryActorMove, type RevisionRecord } from '../../src/core/editor-port.js';
import type { EntryInput } from '../../src/core/domain.js';
import { actorIdsNamed, fieldChanges, type FieldChange } from '../../src/core/entry-diff.js';
import { stateEditedFrom, unmergeLeftActors } from '../../src/core/history-actor-moves.js';
import { clippedChange } from '../../src/core/text-cut.js';
import { latestStandingChange } from '../../src/core/undo-order.js';
import type { PlaceLocationRecord } from '../../src/core/places/place-port.js';
import { plainLine, span, type Line, type Section } from '../../src/core/view.js';
import { fieldOptionNames } from '../../src/core/vocabulary.js';
import { stampOf } from '../stamp.js';
import { instantsFor, type InstantWriter } from '../when.js';
import { changeLine } from './diff.js';
import { entryIdOption } from './fields.js';
import { entryDetailView } from './show.js';
import { byOther, notLatestRefusal, othersRecentChangeNote } from './undo-notes.js';

function revisionLine(revision: RevisionRecord, when: InstantWriter): Line {
  const line: Line = [
    span.code(`r${revision.id}`),
    span.plain(` ${when(revision.changedAt)} · `),
    span.bold(revision.action),
    span.plain(` by ${authorLabel(revision.changedBy)}`),
  ];
  if (revision.changedFields.length > 0 && revision.action !== 'create') line.push(span.plain(` — ${fieldOptionNames(revision.changedFields)}`));
  if (revision.reason) line.push(span.italic(` (${revision.reason})`));
  return line;
}

/**
 * A value a history line repeats: a summary rewritten is shown by its start, or around what
 * changed where both share a long start (a summary extended) (/entry diff shows it whole).
 */
const HISTORY_VALUE_CHARS = 120;

function clipped(change: FieldChange): FieldChange {
  if (change.kind !== 'value') return change;
  const [before, after] = clippedChange(change.before, change.after, HISTORY_VALUE_CHARS);
  return { ...change, before, after };
}

/**
 * What each change did to the entry, value by value, from the state it was made from (the
 * revision before, as merges and unmerges since had left it: those have lines of their own).
 */
function changeLines(from: EntryInput | undefined, revision: RevisionRecord, names: ReadonlyMap<number, string>): Line[] {
  if (!from || revision.action === 'create') return [];
  return fieldChanges(from, revision.state, names).map((change) => [span.plain('    '), ...changeLine(clipped(change))]);
}

const MOVE_WORDING: Record<EntryActorMove['kind'], string> = {
  merge: 'folded into',
  unmerge: 'separated again from',
};

/**
 * A merge or unmerge that changed the entry's actors. It is the actor's revision, not the
 * entry's, so it carries no entry revision number: /entry undo steps over it.
 */
function actorMoveLine(move: EntryActorMove, leftActors: boolean, when: InstantWriter): Line {
  return [
    span.plain(`${when(move.changedAt)} · `),
    span.bold('Actors'),
    span.plain(`: ${move.actor} ${MOVE_WORDING[move.kind]} ${move.other} by `),
    span.command(`actors ${move.kind}`),
    span.plain(` — by ${authorLabel(move.changedBy)}`),
    ...(leftActors ? [span.plain(`; this entry keeps ${move.other}, as its actors were edited after the merge`)] : []),
  ];
}

/**
 * How the entry's places came to be located: changes to the shared place, not revisions of the
 * entry (so /entry undo steps over them), e.g. by the first start that looked up stored places.
 */
function placeLocationSection(records: readonly PlaceLocationRecord[], when: InstantWriter): Section {
  return {
    heading: [span.bold('Places located')],
    lines: records.map((r) => [span.plain(`${when(r.changedAt)} · ${r.place}: ${r.location} — ${r.detail}, by ${authorLabel(r.changedBy)}`)]),
  };
}

/**
 * The platform ids behind the names the lines show, once each: names can be shared or changed,
 * and an admin tracing a change needs the account that made it.
 */
function authorsSection(authors: readonly string[]): Section[] {
  const identities = [...new Set(authors)].flatMap((author) => authorIdentity(author) ?? []);
  return identities.length === 0 ? [] : [{ heading: [span.bold('Who made these changes')], lines: identities.map((identity) => plainLine(`${identity}.`)) }];
}

/** `left`: the unmerges that left the entry's actors as an edit had put them. */
function historyIntro(revisions: number, moves: readonly EntryActorMove[], left: ReadonlySet<EntryActorMove>): string {
  const count = `${revisions} ${revisions === 1 ? 'revision' : 'revisions'}`;
  if (moves.length === 0) return `${count}, oldest first.`;
  const counted = (kind: EntryActorMove['kind'], one: string, many: string) => {
    const n = moves.filter((move) => move.kind === kind && !left.has(move)).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  };
  const moved = [...counted('merge', 'actor merge', 'actor merges'), ...counted('unmerge', 'unmerge', 'unmerges')].join(' and ');
  const changed = moved === '' ? [] : [`${moved} that changed its actors`];
  const kept = left.size === 0 ? [] : [`${left.size} ${left.size === 1 ? 'unmerge' : 'unmerges'} that left them as they were`];
  return `${count}, and ${[...changed, ...kept].join(', and ')}, oldest first.`;
}

export const entryHistory: SubcommandSpec = {
  name: 'history',
  description: 'Who changed an entry, what and when',
  readOnly: true,
  options: [entryIdOption],
  examples: ['12'],
  run(args, ctx) {
    const id = args.id as number;
    const revisions = ctx.services.editor.entryHistory(id);
    const moves = ctx.services.editor.entryActorMoves(id);
    const { past } = ctx.services;
    const editedFrom = revisions.map((_, i) => stateEditedFrom(id, revisions, i, moves, past));
    const left = new Set(moves.filter((move) => move.leftAsItWas === true || unmergeLeftActors(id, move, revisions, moves, past)));
    // Revision ids are one sequence for entries and actors, so they order both kinds of line.
    const names = past.actorNames([...revisions.map((revision) => revision.state), ...editedFrom.filter((state) => state !== undefined)].flatMap(actorIdsNamed));
    const when = instantsFor(ctx);
    const lines = [
      ...revisions.map((revision, i) => ({ order: revision.id, lines: [revisionLine(revision, when), ...changeLines(editedFrom[i], revision, names)] })),
      ...moves.map((move) => ({ order: move.revisionId, lines: [actorMoveLine(move, left.has(move), when)] })),
    ].sort((a, b) => a.order - b.order);
    const undo = latestStandingChange(revisions) !== undefined;
    const footer: Line = [
      ...(undo ? [span.plain('Take back the latest change with '), span.command('entry undo', `id:${id}`), span.plain(' (admins)')] : []),
      ...(moves.length > 0 ? [span.plain(`${undo ? '; a' : 'A'} merge is taken back with `), span.command('actors unmerge'), span.plain(', not '), span.command('entry undo')] : []),
    ];
    // Every place the entry has shown, so a place edited away keeps its record here.
    const located = ctx.services.places.locationsOf(revisions.flatMap((revision) => revision.state.places));
    return {
      title: `History of #${id}`,
      tone: 'normal',
      intro: [plainLine(historyIntro(revisions.length, moves, left))],
      sections: [
        { lines: lines.flatMap((item) => item.lines) },
        ...(located.length > 0 ? [placeLocationSection(located, when)] : []),
        ...authorsSection([...revisions, ...moves, ...located].map((change) => change.changedBy)),
      ],
      ...(footer.length > 0 ? { footer } : {}),
    };
  },
};

/** `revision:` of /entry undo: the change the caller means, refused when another is the latest by then. */
const revisionOption = {
  name: 'revision', description: 'The change you mean to take back (34 for r34); refused when it is not the latest', type: 'integer', min: 1, example: '34',
} as const;

export const undoEntry: SubcommandSpec = {
  name: 'undo',
  description: 'Take back the last change to an entry, a removal too; again to step back further (admins)',
  adminOnly: true,
  options: [entryIdOption, revisionOption],
  examples: ['12'],
  run(args, ctx) {
    const id = args.id as number;
    const expected = args.revision as number | undefined;
    let revision: RevisionRecord;
    try {
      revision = ctx.services.editor.undoEntry(id, stampOf(ctx), expected);
    } catch (error) {
      if (error instanceof NotLatestChange) throw notLatestRefusal(expected!, error.latest, ctx.services.editor.entryHistory(id), id, ctx);
      throw error;
    }
    const revisions = ctx.services.editor.entryHistory(id);
    const undone = revisions.find((r) => r.id === revision.undoes);
    const entry = ctx.services.dossier.getEntry(id);
    // A restore took back a removal, a remove took back a restore: named as /entry history names them.
    const what = revision.action === 'restore' ? 'a removal' : revision.action === 'remove' ? 'a restore' : undefined;
    const fields = what ? ` (${what})` : revision.changedFields.length > 0 ? ` (${fieldOptionNames(revision.changedFields)})` : '';
    // Whose change it was, when not the caller's: another admin may have changed the entry since they looked.
    const by = undone ? byOther(undone, ctx) : '';
    const summary = [span.plain(`Took back r${revision.undoes}${fields}${by}. Undo again to step further back; `), span.command('entry history', `id:${id}`), span.plain(' lists every change.')];
    const intro = [summary, ...(undone && expected === undefined ? othersRecentChangeNote(undone, revisions, id, ctx) : [])];
    if (!entry) {
      return { title: `#${id} is removed again`, tone: 'success', intro, sections: [] };
    }
    return { ...entryDetailView(entry, instantsFor(ctx)), tone: 'success', intro };
  },
};
