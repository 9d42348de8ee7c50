// /review approve, attach and reject — an admin's decision on a candidate, from a card's
// buttons or typed. Deciding twice (a double press, or the same card on two platforms) changes
// nothing the second time: the answer is the card as decided. The posted cards are edited to
// show the decision by the review queue; a pressed card is replaced by the answer itself.
import { authorLabel } from '../../src/core/author-label.js';
import type { CommandContext, OptionSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import type { EntryInput } from '../../src/core/domain.js';
import { parsePartialDate, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import type { Candidate } from '../../src/core/review/candidate.js';
import { candidateCard, decidedCard } from '../../src/core/review/candidate-card.js';
import { plural } from '../../src/core/text.js';
import { span, type View } from '../../src/core/view.js';
import { stampOf } from '../stamp.js';
import { instantsFor, type InstantWriter } from '../when.js';
import { clearNames } from '../entry/clear-names.js';
import { checkBegun } from '../entry/date-order.js';
import { entryFieldOptions } from '../entry/fields.js';
import { refuseImplausibleDates } from '../entry/plausible-dates.js';
import { checkNewPlaces, keepUnlocated, locatedOption } from '../entry/place-check.js';
import { uncitedEntry } from './attached-uncited.js';
import { oneOrMany, rejectMany } from './bulk-decisions.js';
import { candidateIdsOption } from './candidate-ids.js';
import { asItStands } from './decided-entry.js';
import { joinedNote, joinedRefusal, storyHolder, type Asked } from './joined-story.js';
import { APPROVAL_FIELDS, APPROVAL_OPTIONS, approvalClearOption, approvalFixes, approvalFormValues, approvalInput, candidateClaim, candidateSources, daysToCome, suggestedStart } from './approval.js';

export const candidateIdOption: OptionSpec = {
  name: 'id', description: 'Candidate number, as /review list shows it', type: 'integer', required: true, min: 1, max: Number.MAX_SAFE_INTEGER, example: '1',
};

/** The entry options an approval may change, as /entry edit describes them (nothing is required). */
const approvalOptions: OptionSpec[] = APPROVAL_OPTIONS.map((name) => {
  const { requiredOnAdd: _required, ...option } = entryFieldOptions.find((o) => o.name === name)!;
  return option;
});

/**
 * Where the entry's revision came from, as /entry history shows it after who made it (which the
 * revision records, so the note does not repeat it): `from the review queue: candidate #14,
 * reported by Levant Wire`. `attached`: the candidate's reports were added to an entry already
 * there; `later`: only those that came after it was decided.
 */
function queueNote(candidate: Candidate, attached?: { later: boolean }): string {
  if (attached?.later) return `from the review queue: reports of candidate #${candidate.id} that came after it was decided`;
  return `from the review queue: candidate #${candidate.id}, reported by ${candidate.outlet}${attached ? ', attached as further sources' : ''}`;
}

/** A decision just made: the card as decided, in place of the card whose button made it. */
const justDecided = (candidate: Candidate, when: InstantWriter): View => ({ ...decidedCard(candidate, when), replacesMessage: true });

/** `ana (Discord) at 2025-07-20 12:30 UTC`: who decided as people read it (authorLabel), the time written by `when`. */
export const decidedBy = (candidate: Candidate, when: InstantWriter) =>
  `${candidate.decision ? authorLabel(candidate.decision.by) : 'someone'} at ${candidate.decision ? when(candidate.decision.at) : 'an unknown time'}`;

/**
 * The answer to a decision someone made first: the card as it stands, saying so (and what became
 * of its entry since); for a candidate Sitrep joined to another, which one holds its story now.
 */
function alreadyDecided(decided: Candidate, ctx: CommandContext, asked: Asked) {
  const when = instantsFor(ctx);
  const holder = storyHolder(decided, ctx);
  if (holder) return { ...candidateCard(decided, when, joinedNote(decided, holder, asked, when)), private: true };
  const entry = `entry #${decided.decision?.entryId ?? '?'}`;
  const what = decided.status === 'rejected' ? 'rejected' : decided.decision?.attached ? `attached to ${entry}` : `approved as ${entry}`;
  const { candidate, note } = asItStands(decided, ctx);
  const said = span.plain(`Already ${what} by ${decidedBy(decided, when)}; nothing was changed.`);
  return { ...candidateCard(candidate, when, note ? [said, span.plain(' '), ...note] : [said]), private: true };
}

/**
 * A candidate's forms start only while it waits for review: a form on one decided meanwhile
 * could only be refused, so its card's Edit and Attach say so at the press (the form flow reads
 * a form whose values cannot be had as one that does not open).
 */
function waitingCandidate(ctx: CommandContext, id: number, asked: Asked): Candidate {
  const candidate = ctx.services.review.candidate(id);
  const holder = storyHolder(candidate, ctx);
  if (holder) throw joinedRefusal(candidate, holder, asked, instantsFor(ctx));
  if (candidate.status !== 'pending') throw new UserError('conflict', `Candidate #${id} was ${candidate.status} by ${decidedBy(candidate, instantsFor(ctx))}.`, candidate.status === 'rejected' ? [reopenHint(id, asked)] : [], 'id');
  return candidate;
}

/** How a rejected candidate is decided otherwise after all: reopened, then decided again. */
const reopenHint = (id: number, asked: Asked): string => `If it belongs in the dossier after all, put it back in the queue with /review reopen id:${id}, then ${asked.verb} it.`;

/** An approval of a candidate rejected: by an admin, or by Sitrep joining it to the candidate of its story. */
function rejectedBefore(candidate: Candidate, id: number, ctx: CommandContext): UserError {
  const when = instantsFor(ctx);
  const holder = storyHolder(candidate, ctx);
  if (holder) return joinedRefusal(candidate, holder, { verb: 'approve' }, when);
  return new UserError('conflict', `Candidate #${id} was rejected by ${decidedBy(candidate, when)}, so it is not approved.`, [reopenHint(id, { verb: 'approve' })], 'id');
}

/**
 * An approval with changes of a candidate approved (or attached) meanwhile: the entry exists, and
 * the changes were not made to it. Refused, saying where to make them; a form gives back what was
 * typed in it.
 */
function changesTooLate(decided: Candidate, id: number, when: InstantWriter): UserError {
  const entryId = decided.decision?.entryId;
  const entry = `entry #${entryId ?? '?'}`;
  const what = decided.decision?.attached ? `attached to ${entry}` : `approved as ${entry}`;
  return new UserError('conflict', `Candidate #${id} was ${what} by ${decidedBy(decided, when)} before this approval, so its changes were not made.`, [
    entryId === undefined ? 'Find the entry with /review show.' : `Make them on the entry instead: /entry edit id:${entryId}.`,
  ], 'id');
}

/**
 * `/review approve id:3 date:… published:…`: the approval with both days to type (those given
 * already, as given, unless refused: `refused` are the options refused as in the future, and a
 * command repeating one would be refused again).
 */
function typedDays(id: number, args: Readonly<Record<string, unknown>>, refused: ReadonlySet<string>): string {
  const day = (name: string) => (args[name] === undefined || refused.has(name) ? '…' : toIsoPartial(args[name] as PartialDate));
  return `/review approve id:${id} date:${day('date')} published:${day('published')}`;
}

/** The refusal with `line` said last: in a form, under the field its last part concerns. */
function saidLast(error: UserError, line: string): UserError {
  const parts = error.gathered;
  const last = parts?.at(-1);
  return new UserError(error.code, error.message, [...error.hints, line], error.option, parts && last ? [...parts.slice(0, -1), saidLast(last, line)] : undefined);
}

export const approveCandidate: SubcommandSpec = {
  name: 'approve',
  description: 'Add a candidate to the dossier as an entry, changing any field first (admins)',
  adminOnly: true,
  pressable: true,
  options: [candidateIdOption, ...approvalOptions, approvalClearOption, locatedOption],
  examples: ['id:1', 'id:1 type:talks actors:"Syria:participant, Israel:participant" confidence:reported', 'id:1 clear:summary'],
  formValues: (args, ctx) => approvalFormValues(waitingCandidate(ctx, args.id as number, { verb: 'approve' }), ctx.services.dossier),
  form: {
    keys: ['id'],
    // Typed, `/review approve id:N` approves at once; the card's Edit button opens the form.
    buttonsOnly: true,
    // Last, as in /entry add's form: a place the gazetteer lacks can be kept as free text here too.
    fields: [...APPROVAL_FIELDS, 'located'],
    longText: ['summary'],
    // A field emptied is left empty in the entry (or refused, for one every entry needs).
    emptiedOption: 'clear',
    title: (values) => `Approve candidate #${values.id ?? ''}`,
    submit: 'Approve',
    note: 'The entry as Sitrep suggests it: change what is wrong, then approve. A field emptied is left empty in the entry (a title, date, type, topic and confidence are needed); none in actors, places or fatalities records none of those suggested.',
    preview: { command: 'review', subcommand: 'show' },
  },
  async run(args, ctx) {
    const id = args.id as number;
    const candidate = ctx.services.review.candidate(id);
    if (candidate.status === 'rejected') throw rejectedBefore(candidate, id, ctx);
    // Pressed twice, it is the card as decided; with changes, they were not made.
    const changes = Object.keys(args).some((name) => name !== 'id');
    if (candidate.status === 'approved') {
      if (changes) throw changesTooLate(candidate, id, instantsFor(ctx));
      return alreadyDecided(candidate, ctx, { verb: 'approve' });
    }
    // An admin may have typed the entry from the same article since the candidate was proposed.
    const citedBy = ctx.services.review.citedBy(candidate);
    if (citedBy !== undefined) {
      throw new UserError('conflict', `Entry #${citedBy} cites this report already, so candidate #${id} is not approved: the dossier would hold it twice.`, [
        `See it with /entry show id:${citedBy}; turn the candidate down with /review reject id:${id} reason:"in the dossier as #${citedBy}".`,
        'If the article reports another event too, add that one with /entry add.',
      ], 'id');
    }
    let input!: EntryInput;
    // A feed may date an item ahead (a wrong clock, a zone misread): the entry still may not be.
    const fromItem: Record<string, string> = {
      ...(args.date === undefined ? { date: 'The item is dated so: give the day the event happened with `date:`.' } : {}),
      ...(args.published === undefined ? { published: 'The item is dated so: give the day it was published with `published:`.' } : {}),
    };
    /** The days refused as in the future: what they come before or after is not asked. */
    const ahead = new Set<string>();
    checkAll([
      () => void (input = approvalInput(candidate, args, ctx.services.dossier)),
      () => {
        // The days typed, else the item's: checked even when another option is wrong.
        const itemPublished = clearNames(args.clear).includes('published') ? undefined : parsePartialDate(candidateSources(candidate)[0]?.published ?? '');
        const date = (args.date as PartialDate | undefined) ?? suggestedStart(candidate);
        try {
          refuseImplausibleDates(ctx, daysToCome(candidate, ctx.now(), { date, published: (args.published as PartialDate | undefined) ?? itemPublished }), fromItem);
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          const parts = error.gathered ?? [error];
          for (const part of parts) if (part.option !== undefined) ahead.add(part.option);
          // A day from the item, refused: say the command that gives both, which a button cannot.
          const fromTheItem = parts.some((part) => part.option !== undefined && part.option in fromItem);
          throw fromTheItem ? saidLast(error, `Give both days in the card's Edit form, or type them: ${typedDays(id, args, ahead)}`) : error;
        }
      },
      // The item's report not published before the entry's date, as /entry add refuses its source.
      // Not the other outlets' reports: they joined as the same story by their titles, which can
      // be wrong. Not with a day in the future: that one is to change first, and a fix naming it would be refused again.
      () => void (input && ahead.size === 0 && checkBegun(args, { ...input, sources: input.sources.slice(0, 1) }, approvalFixes(id, fromItem.date))),
    ]);
    // Places the admin typed are checked as /entry add checks them; the card's own locate by construction.
    const unlocated = args.places === undefined ? [] : checkNewPlaces(ctx.services.places, input.places, args);
    const stamp = stampOf(ctx);
    // The revision records who approved: the note says only where the entry came from.
    const result = await ctx.services.review.approve(id, input, stamp, queueNote(candidate));
    if (result.kind === 'decided') {
      if (changes) throw result.candidate.status === 'rejected' ? rejectedBefore(result.candidate, id, ctx) : changesTooLate(result.candidate, id, instantsFor(ctx));
      return alreadyDecided(result.candidate, ctx, { verb: 'approve' });
    }
    keepUnlocated(ctx.services.places, unlocated, stamp);
    // The candidate carries its entry as recorded (the store reads it): the card shows the admin's summary and fields, as the channel's does.
    return justDecided(result.candidate, instantsFor(ctx));
  },
};

export const attachCandidate: SubcommandSpec = {
  name: 'attach',
  description: 'Add a candidate’s reports to an entry already in the dossier as further sources (admins)',
  adminOnly: true,
  options: [candidateIdOption, { name: 'entry', description: 'The entry reporting the same event, as /timeline shows it', type: 'integer', required: true, min: 1, max: Number.MAX_SAFE_INTEGER, example: '12' }],
  examples: ['id:1 entry:12'],
  pressable: true,
  // Nothing to start from, but a decided candidate's form does not open.
  formValues: (args, ctx) => (waitingCandidate(ctx, args.id as number, { verb: 'attach' }), {}),
  form: {
    keys: ['id'],
    fields: ['entry'],
    title: (values) => `Attach candidate #${values.id ?? ''}`,
    submit: 'Attach',
    note: 'The number of the entry reporting the same event (as /timeline shows it): the candidate’s reports become its further sources.',
    preview: { command: 'review', subcommand: 'show' },
  },
  async run(args, ctx) {
    const id = args.id as number;
    const entryId = args.entry as number;
    const when = instantsFor(ctx);
    const candidate = ctx.services.review.candidate(id);
    if (candidate.status === 'rejected') {
      const holder = storyHolder(candidate, ctx);
      if (holder) throw joinedRefusal(candidate, holder, { verb: 'attach', entryId }, when);
      throw new UserError('conflict', `Candidate #${id} was rejected by ${decidedBy(candidate, when)}, so it is not attached.`, [reopenHint(id, { verb: 'attach', entryId })], 'id');
    }
    // Approved as this entry (or attached to it): the reports that came after are added to it.
    const later = candidate.status === 'approved' && candidate.decision?.entryId === entryId;
    if (candidate.status === 'approved' && !later) {
      const became = candidate.decision?.entryId;
      throw new UserError('conflict', `Candidate #${id} is entry #${became ?? '?'} already (${candidate.decision?.attached ? 'attached' : 'approved'} by ${decidedBy(candidate, when)}), not #${entryId}: nothing was changed.`, [
        ...(became !== undefined ? [`Reports of it that came after go to that entry: /review attach id:${id} entry:${became}`] : []),
      ], 'entry');
    }
    // The entry first: there is no attaching to one missing or removed.
    const entry = ctx.services.editor.entryState(entryId);
    const before = entry.sources.length;
    // A report another entry cites already would make the dossier cite it twice.
    const citedBy = ctx.services.review.citedBy(candidate);
    if (citedBy !== undefined && citedBy !== entryId) {
      throw new UserError('conflict', `Entry #${citedBy} cites this report already, so candidate #${id} is not attached to entry #${entryId}.`, [`See it with /entry show id:${citedBy}.`], 'id');
    }
    const stamp = stampOf(ctx);
    const sources = candidateSources(candidate);
    const claim = candidateClaim(candidate, entry.start, sources[0], ctx.services.dossier);
    const result = await ctx.services.review.attach(id, entryId, sources, stamp, queueNote(candidate, { later }), claim ? [claim] : []);
    // Pressed again, or nothing came after: the card as decided, saying so.
    if (result.kind === 'decided') return alreadyDecided(result.candidate, ctx, { verb: 'attach', entryId });
    if (!later) return justDecided(result.candidate, when);
    const added = ctx.services.editor.entryState(entryId).sources.length - before;
    // Reports that came after the decision, or any an undo took off the entry since.
    const told = [span.plain(`Added ${plural(added, 'report')} of candidate #${id} that entry #${entryId} did not cite yet, as further sources. `), span.command('entry undo', `id:${entryId}`), span.plain(' takes them back.')];
    return { ...decidedCard(result.candidate, when), intro: [told] };
  },
};

export const reasonOption: OptionSpec = { name: 'reason', description: 'Why (kept with the decision)', type: 'text', maxLength: 300, example: '"opinion piece, not an event"' };

export const rejectCandidate: SubcommandSpec = {
  name: 'reject',
  description: 'Turn a candidate down: its items are never proposed again (admins)',
  adminOnly: true,
  pressable: true,
  // One card's Reject press carries `id`; several typed at once are `ids`.
  options: [{ ...candidateIdOption, required: false }, candidateIdsOption, reasonOption],
  examples: ['id:1 reason:"opinion piece, not an event"', 'ids:160-163,166 reason:"duplicates"'],
  async run(args, ctx) {
    if (oneOrMany(args, 'reject') === 'many') return rejectMany(ctx, String(args.ids), args.reason === undefined ? undefined : String(args.reason));
    const id = args.id as number;
    const when = instantsFor(ctx);
    const candidate = ctx.services.review.candidate(id);
    if (candidate.status === 'approved') {
      const entryId = candidate.decision?.entryId ?? 0;
      if (candidate.decision?.attached) {
        const hint = uncitedEntry(candidate, ctx) === undefined
          ? `The change is in /entry history id:${entryId}; /entry edit id:${entryId} changes the entry's sources.`
          : `Entry #${entryId} no longer cites its reports (an undo or an edit took them back); the candidate stays decided. To cite them again: /review attach id:${id} entry:${entryId}`;
        throw new UserError('conflict', `Candidate #${id} was attached by ${decidedBy(candidate, when)} to entry #${entryId} as further sources.`, [hint], 'id');
      }
      throw new UserError('conflict', `Candidate #${id} was approved by ${decidedBy(candidate, when)} as entry #${entryId}.`, [`To take the entry down: /entry remove id:${entryId} reason:"…"`], 'id');
    }
    if (candidate.status === 'rejected') return alreadyDecided(candidate, ctx, { verb: 'reject' });
    const result = await ctx.services.review.reject(id, args.reason === undefined ? undefined : String(args.reason), stampOf(ctx));
    return result.kind === 'decided' ? alreadyDecided(result.candidate, ctx, { verb: 'reject' }) : justDecided(result.candidate, when);
  },
};
