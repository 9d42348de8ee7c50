// /entry claim — records what an actor says of an entry (claims, denies, confirms or disputes),
// when and through which source. A claim is part of the entry: its revision, history and undo are
// those of any change.
import { resolveActorExactly } from '../../src/core/actor-resolution.js';
import { dayInZone } from '../../src/core/as-of-day.js';
import type { CommandArgs, CommandContext, OptionSpec, SubcommandSpec } from '../../src/core/command-spec.js';
import type { ClaimInput, SourceRecord } from '../../src/core/domain.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import { viewZone } from '../as-of.js';
import { refuseImplausibleDates } from './plausible-dates.js';
import { beforeStart } from './date-order.js';
import type { DossierReader } from '../../src/core/ports.js';
import { CLAIM_STANCES, type ClaimStance } from '../../src/core/vocabulary.js';
import { span } from '../../src/core/view.js';
import { stampOf } from '../stamp.js';
import { instantsFor } from '../when.js';
import { entryIdOption } from './fields.js';
import { entryDetailView, requireEntry } from './show.js';
import { attributionOption, gradeOption, outletOption, parseSource, sourceUrlOption } from './source-fields.js';

/** What describes one claim: the options of /entry claim besides the entry, and the fields of an imported claim. */
export const CLAIM_OPTIONS: readonly OptionSpec[] = [
  { name: 'actor', description: 'Who takes the stance (name or alias)', type: 'actor', required: true, maxLength: 100, autocomplete: 'actor', example: 'Israel' },
  { name: 'stance', description: 'claims, denies, confirms or disputes', type: 'choice', required: true, choices: CLAIM_STANCES.map((s) => ({ value: s, label: s })), example: 'denies' },
  sourceUrlOption,
  outletOption,
  attributionOption,
  gradeOption,
  { name: 'date', description: 'When the actor said so: 2025, 2025-07 or 2025-07-12 (default today)', type: 'date', example: '2025-07-26' },
  { name: 'note', description: 'What was said, briefly', type: 'text', maxLength: 300, example: '"Calls the report fabricated"' },
];

/** Today in the channel's zone (where `today` is read, and a later day refused), as a day: when a claim recorded without a date was made. */
function today(ctx: CommandContext): PartialDate {
  const [year, month, day] = dayInZone(ctx.now(), viewZone(ctx)).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The claim the options describe, dated `undated` when they give no date (or refused without one); refusals name the option. */
export function claimFrom(args: CommandArgs, dossier: DossierReader, undated?: PartialDate): ClaimInput {
  let actorId!: number;
  let source!: SourceRecord;
  let date!: PartialDate;
  // Each wrong part in one refusal: an unknown actor beside a bad grade.
  checkAll([
    () => void (actorId = resolveActorExactly(dossier, String(args.actor), 'actor').id),
    () => {
      const parsed = parseSource(args);
      if (!parsed) throw new UserError('missing-option', 'A claim needs its source: `source_url` or `outlet`.', ['For example: outlet:"Syrian state television"'], 'source_url');
      source = parsed;
    },
    () => {
      const given = (args.date as PartialDate | undefined) ?? undated;
      if (!given) throw new UserError('missing-option', 'A claim needs its `date`: when the actor said so.', ['For example: 2025-07-26'], 'date');
      date = given;
    },
  ]);
  const claim: ClaimInput = { actorId, stance: args.stance as ClaimStance, date, source };
  if (args.note !== undefined) claim.note = String(args.note);
  return claim;
}

/**
 * A claim is about an event, so it is made once the event has begun (see beforeStart: a claim of
 * 2025-07 may be about an entry of 10 Jul 2025; one of 1 Jan 2025 may not).
 */
function refuseClaimBeforeEntry(date: PartialDate, start: PartialDate, id: number, given: boolean): void {
  if (!beforeStart(date, start)) return;
  const [day, entryDate] = [toIsoPartial(date), toIsoPartial(start)];
  const what = given ? `Option \`date\` (${day})` : `The claim's day, today (${day}),`;
  throw new UserError('invalid-option', `${what} is before entry #${id}'s date (${entryDate}): a claim about an event is made once it has begun.`, [
    `Give the day the actor said so, from ${entryDate} on; or, if the entry's date is wrong, correct it first: /entry edit id:${id} date:…`,
  ], 'date');
}

/** The same actor, stance, day and source: a claim recorded twice. */
const sameClaim = (a: ClaimInput, b: ClaimInput) =>
  a.actorId === b.actorId && a.stance === b.stance && toIsoPartial(a.date) === toIsoPartial(b.date) &&
  (a.source.url ?? a.source.outlet) === (b.source.url ?? b.source.outlet);

export const claimEntry: SubcommandSpec = {
  name: 'claim',
  description: 'Record that an actor claims, denies, confirms or disputes an entry (admins)',
  adminOnly: true,
  options: [entryIdOption, ...CLAIM_OPTIONS],
  examples: ['id:12 actor:Israel stance:denies outlet:"Israeli army radio" grade:C3 date:2025-07-14', 'id:10 actor:Syria stance:disputes source_url:https://example.org/statement note:"Calls the strikes aggression"'],
  run(args, ctx) {
    const id = args.id as number;
    const current = ctx.services.editor.entryState(id);
    let claim!: ClaimInput;
    checkAll([
      () => void (claim = claimFrom(args, ctx.services.dossier, today(ctx))),
      () => refuseImplausibleDates(ctx, { date: args.date as PartialDate | undefined }, { date: 'Give the day the actor said so, up to today (the default).' }),
    ]);
    refuseClaimBeforeEntry(claim.date, current.start, id, args.date !== undefined);
    const claims = current.claims ?? [];
    const actor = String(args.actor);
    if (claims.some((known) => sameClaim(known, claim))) {
      throw new UserError('conflict', `Entry #${id} already records that ${actor} ${claim.stance} it on that day through that source.`, [`See it with /entry show id:${id}.`]);
    }
    ctx.services.editor.editEntry(id, { claims: [...claims, claim] }, stampOf(ctx));
    const entry = requireEntry(ctx, id);
    const recorded = entry.claims.at(-1)!;
    return {
      ...entryDetailView(entry, instantsFor(ctx)),
      tone: 'success',
      intro: [[span.plain(`Recorded on #${id}: ${recorded.actorName} ${recorded.stance} it. `), span.command('entry undo', `id:${id}`), span.plain(' takes it back.')]],
    };
  },
};
