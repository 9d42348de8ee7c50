// /entry show ID — one entry in full: actors and roles, places, fatalities, sources with
// attribution and grades, and the claims actors made about it; with as_of, as it stood at the end
// of that day.
import type { AsOfInstant } from '../../src/core/as-of-day.js';
import { authorLabel } from '../../src/core/author-label.js';
import { isolated } from '../../src/core/bidi-isolate.js';
import type { CommandArgs, CommandContext, SubcommandSpec } from '../../src/core/command-spec.js';
import type { EntryDetail, RemovedEntry } from '../../src/core/domain.js';
import type { EntryActorMove } from '../../src/core/editor-port.js';
import { actorIdsNamed, changedFields } from '../../src/core/entry-diff.js';
import { claimLine, entryDateText, sourceLine } from '../../src/core/entry-views.js';
import { UserError } from '../../src/core/errors.js';
import { fatalitiesWithSource } from '../../src/core/fatalities.js';
import { firstDay, type PartialDate } from '../../src/core/partial-date.js';
import { typedDate } from '../../src/core/day-time.js';
import { detailOf } from '../../src/core/past-entry.js';
import { instantIn } from '../../src/core/past-instant.js';
import { eventTypeLabel } from '../../src/core/vocabulary.js';
import { plainLine, span, type Fact, type Line, type Section, type View } from '../../src/core/view.js';
import { asOfOption, entryAtOrRefuse, pastInstant, pastViewLine } from '../as-of.js';
import { entryIdOption } from './fields.js';
import { instantsFor } from '../when.js';

/**
 * The confidence, and for a disputed entry who disputes it: the actors whose claims deny or
 * dispute it (or, when none is recorded, how to record one).
 */
function confidenceLine(entry: EntryDetail): Line {
  if (entry.confidence !== 'disputed') return plainLine(entry.confidence);
  const against = [...new Set(entry.claims.filter((c) => c.stance === 'denies' || c.stance === 'disputes').map((c) => `${isolated(c.actorName)} (${c.stance})`))];
  if (against.length > 0) return plainLine(`disputed — by ${against.join(', ')}`);
  return [span.plain('disputed — no claim on record says by whom: '), span.command('entry claim', `id:${entry.id} actor:… stance:disputes outlet:…`)];
}

function fatalitiesFact(entry: EntryDetail): Fact[] {
  const figures = entry.fatalities;
  return figures ? [{ label: 'Fatalities', value: plainLine(fatalitiesWithSource(figures)) }] : [];
}

function claimsSection(entry: EntryDetail): Section[] {
  if (entry.claims.length === 0) return [];
  // By the day each was made (a claim recorded later may be older); a day's claims as recorded.
  const byDay = entry.claims.map((claim, order) => ({ claim, order, day: firstDay(claim.date) })).sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  return [{ heading: [span.bold('Claims')], lines: byDay.map(({ claim }) => claimLine([span.bold(isolated(claim.actorName))], claim)) }];
}

/** `at` writes the instants: in the channel's zone, which a past view names in its header. */
export function entryDetailView(entry: EntryDetail, at: (iso: string) => string): View {
  return {
    title: `#${entry.id} ${entry.title}`,
    tone: 'normal',
    facts: [
      { label: 'Date', value: plainLine(entryDateText(entry)) },
      { label: 'Type', value: plainLine(eventTypeLabel(entry.eventType)) },
      { label: 'Confidence', value: confidenceLine(entry) },
      { label: 'Topic', value: plainLine(entry.topic) },
      { label: 'Places', value: plainLine(entry.places.map(isolated).join(', ') || '—') },
      ...fatalitiesFact(entry),
      { label: 'Tags', value: plainLine(entry.tags.map(isolated).join(', ') || '—') },
    ],
    sections: [
      { heading: [span.bold('Summary')], lines: [plainLine(entry.summary || '—')] },
      {
        heading: [span.bold('Actors')],
        lines: entry.actors.length === 0 ? [plainLine('—')] : entry.actors.map((a) => [span.plain(`${isolated(a.name)} — ${a.role}`)]),
      },
      {
        heading: [span.bold('Sources')],
        // Numbered when there are several: /entry edit source:N names one by its number.
        lines: entry.sources.length === 0 ? [plainLine('—')] : entry.sources.length === 1 ? [sourceLine(entry.sources[0]!)] : entry.sources.map((source, i) => [span.plain(`${i + 1}. `), ...sourceLine(source)]),
      },
      ...claimsSection(entry),
    ],
    footer: plainLine(`${entry.revisionCount} ${entry.revisionCount === 1 ? 'revision' : 'revisions'} · last edited by ${authorLabel(entry.updatedBy)} at ${at(entry.updatedAt)}`),
  };
}

/**
 * The live entry; a removed one is refused with when, by whom and why, and the way back. Its
 * title and reason are stored text, so they are quoted: a refusal's own words name commands.
 */
export function requireEntry(ctx: CommandContext, id: number): EntryDetail {
  const { dossier } = ctx.services;
  const entry = dossier.getEntry(id);
  if (entry) return entry;
  const removed = dossier.removedEntry(id);
  if (removed) {
    throw new UserError(
      'not-found',
      `Entry #${id} (“${removed.title}”) was removed by ${authorLabel(removed.removedBy)} at ${instantsFor(ctx)(removed.removedAt)}` +
        (removed.reason ? `: “${removed.reason}”.` : '.'),
      [`Its changes: /entry history id:${id}. An admin can bring it back with /entry undo id:${id}.`],
      'id',
    );
  }
  throw new UserError('not-found', `There is no entry #${id}.`, ['Find entry numbers with /timeline or /search.'], 'id');
}

/**
 * A removed entry, as it was when removed, under a banner saying so: by whom, when and why, and
 * how an admin brings it back. No timeline, search or chart shows it; its number still leads here.
 */
function removedEntryView(removed: RemovedEntry, ctx: CommandContext): View {
  const { id } = removed;
  const banner: Line = [span.bold(`Removed by ${authorLabel(removed.removedBy)} at ${instantsFor(ctx)(removed.removedAt)}`), span.plain(removed.reason ? `: “${isolated(removed.reason)}”.` : ' (no reason given).')];
  const back: Line = [
    span.plain('Shown as it was when removed; no timeline, search or chart lists it. An admin can bring it back with '),
    span.command('entry undo', `id:${id}`),
    span.plain('.'),
  ];
  const { past } = ctx.services;
  // Its revisions up to the removal (the last of them), actors as the dossier showed them then.
  const at = past.entryAt(id, new Date(ctx.now().getTime() + 1).toISOString());
  const then = at?.removed ? past.entryAt(id, new Date(Date.parse(at.removed.at) + 1).toISOString()) ?? at : at;
  const history: Line = [span.plain('Its changes: '), span.command('entry history', `id:${id}`)];
  if (!then) {
    // No revision to rebuild it from (never expected): the banner alone, with what the store keeps.
    return { title: `#${id} ${removed.title} — removed`, tone: 'normal', intro: [banner, back], sections: [], footer: history };
  }
  const view = entryDetailView(detailOf(then, past.actorNames(actorIdsNamed(then.shown))), instantsFor(ctx));
  const count = `${then.revisionsBefore} ${then.revisionsBefore === 1 ? 'revision' : 'revisions'}${then.removed ? ', the last its removal' : ''}: `;
  return { ...view, title: `${view.title} — removed`, tone: 'normal', intro: [banner, back], footer: [span.plain(count), span.command('entry history', `id:${id}`)] };
}

/**
 * `2 changes`, `1 change and 1 actor merge`: the entry's revisions and the merges and unmerges
 * that moved its actors, as /entry history and /entry diff tell them apart.
 */
function changesSince(revisions: number, moves: readonly EntryActorMove[]): string {
  const counted = (kind: EntryActorMove['kind'], one: string, many: string) => {
    const n = moves.filter((move) => move.kind === kind).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  };
  return [`${revisions} ${revisions === 1 ? 'change' : 'changes'}`, ...counted('merge', 'actor merge', 'actor merges'), ...counted('unmerge', 'unmerge', 'unmerges')].join(' and ');
}

/** The entry as it stood then; refused when it did not exist yet, saying when it was added. */
function pastEntryView(id: number, asOf: AsOfInstant, args: CommandArgs, ctx: CommandContext): View {
  const { past } = ctx.services;
  const entry = entryAtOrRefuse(ctx, id, asOf, 'as_of', () => `As it is now: /entry show id:${id}`);
  const at = (iso: string) => instantIn(iso, asOf.zone);
  const view = entryDetailView(detailOf(entry, past.actorNames(actorIdsNamed(entry.shown))), at);
  const removed = entry.removed
    ? [[span.bold('Removed by then: '), span.plain(`by ${authorLabel(entry.removed.by)} at ${at(entry.removed.at)}${entry.removed.reason ? ` — “${entry.removed.reason}”` : ''}.`)]]
    : [];
  const diff = span.command('entry diff', `id:${id} from:${typedDate(args.as_of as PartialDate)}`);
  // Without a revision since, an actor merge or unmerge may still have changed what it shows.
  const now = entry.revisionsAfter === 0 ? past.entryAt(id, new Date(ctx.now().getTime() + 1).toISOString()) : undefined;
  const since = entry.revisionsAfter > 0
    ? [span.plain(` · ${changesSince(entry.revisionsAfter, ctx.services.editor.entryActorMoves(id).filter((move) => move.changedAt >= asOf.before && !move.leftAsItWas))} since: `), diff]
    : now && changedFields(entry.shown, now.shown).length > 0
      ? [span.plain(' · no revision since, but an actor merge or unmerge changed its actors: '), diff]
      : [span.plain(' · unchanged since')];
  return {
    ...view,
    title: `${view.title} — as of ${asOf.label}`,
    intro: [pastViewLine(asOf, 'entry show', args), ...removed],
    footer: [...(view.footer ?? []), ...since],
  };
}

export const showEntry: SubcommandSpec = {
  name: 'show',
  description: 'One entry with its actors, places, fatalities, sources, claims and history count',
  readOnly: true,
  options: [entryIdOption, asOfOption],
  examples: ['3', 'id:12'],
  run(args, ctx) {
    const id = args.id as number;
    if (args.as_of === undefined) {
      const { dossier } = ctx.services;
      const removed = dossier.getEntry(id) ? undefined : dossier.removedEntry(id);
      return removed ? removedEntryView(removed, ctx) : entryDetailView(requireEntry(ctx, id), instantsFor(ctx));
    }
    return pastEntryView(id, pastInstant(args.as_of as PartialDate, ctx, 'as_of'), args, ctx);
  },
};
