// /entry unclaim — takes one recorded claim off an entry (a claim typed against the wrong actor,
// stance or day), leaving the others. A change like any other: its revision is in the history
// and /entry undo puts the claim back.
import { resolveActorExactly } from '../../src/core/actor-resolution.js';
import type { SubcommandSpec } from '../../src/core/command-spec.js';
import { firstDay, formatPartialDate, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import { foldKey, wordList } from '../../src/core/text.js';
import { UserError } from '../../src/core/errors.js';
import { CLAIM_STANCES, type ClaimStance } from '../../src/core/vocabulary.js';
import { span } from '../../src/core/view.js';
import { stampOf } from '../stamp.js';
import { CLAIM_OPTIONS } from './claim.js';
import { instantsFor } from '../when.js';
import { entryIdOption } from './fields.js';
import { entryDetailView, requireEntry } from './show.js';

const option = (name: string) => CLAIM_OPTIONS.find((o) => o.name === name)!;

export const unclaimEntry: SubcommandSpec = {
  name: 'unclaim',
  description: 'Take one recorded claim off an entry, by its actor (and stance, day or outlet where several) (admins)',
  adminOnly: true,
  options: [
    entryIdOption,
    { ...option('actor'), description: 'Whose claim to take off (name or alias)' },
    { ...option('stance'), required: false, description: 'Its stance, where the actor has several claims on the entry' },
    { ...option('date'), description: 'Its day, where the actor has several claims on the entry' },
    { ...option('outlet'), description: 'Its source’s outlet, where several are alike but for it' },
  ],
  examples: ['id:15 actor:"Tom Barrack"', 'id:15 actor:"Tom Barrack" stance:confirms date:2025-07-24'],
  run(args, ctx) {
    const id = args.id as number;
    const entry = requireEntry(ctx, id);
    const actor = resolveActorExactly(ctx.services.dossier, String(args.actor), 'actor');
    const stance = args.stance as ClaimStance | undefined;
    const day = args.date === undefined ? undefined : toIsoPartial(args.date as PartialDate);
    const outlet = args.outlet === undefined ? undefined : foldKey(String(args.outlet));
    // Claims are shown under the actor kept after a merge; the stored claim keeps its own.
    const matching = entry.claims.flatMap((claim, index) =>
      (claim.actorId === actor.id || claim.actorName === actor.name) &&
      (stance === undefined || claim.stance === stance) &&
      (day === undefined || toIsoPartial(claim.date) === day) &&
      (outlet === undefined || foldKey(claim.source.outlet) === outlet)
        ? [index]
        : [],
    );
    // Each named by what tells it apart from the others, as /entry show lists them: by day.
    const listed = entry.claims.map((c) => `${c.actorName} ${c.stance} (${formatPartialDate(c.date)}, ${c.source.outlet})`);
    const byDay = (indexes: number[]) => [...indexes].sort((a, b) => firstDay(entry.claims[a]!.date).localeCompare(firstDay(entry.claims[b]!.date)) || a - b);
    if (matching.length === 0) {
      throw new UserError('not-found', `Entry #${id} records no such claim by ${actor.name}.`, [
        listed.length > 0 ? `Its claims: ${byDay(listed.map((_, i) => i)).map((i) => listed[i]).join('; ')}.` : `It records no claims.`,
      ], 'actor');
    }
    if (matching.length > 1) {
      const those = byDay(matching).map((i) => listed[i]!);
      // Only the options not given yet, or still telling them apart, are asked for.
      const telling = (['stance', 'date', 'outlet'] as const).filter((option) => args[option] === undefined);
      const given = (['stance', 'date', 'outlet'] as const).filter((option) => args[option] !== undefined);
      if (telling.length === 0) {
        throw new UserError('invalid-option', `${actor.name} has ${matching.length} claims on entry #${id} alike but for their sources' links.`, [
          `They are: ${those.join('; ')}.`,
          `Take them all off with /entry edit id:${id} clear:claims, then record again the ones to keep (/entry claim).`,
        ], 'outlet');
      }
      const which = wordList(telling.map((option) => `\`${option}\``), 'or');
      const lead = given.length > 0 ? `${actor.name} has ${matching.length} claims on entry #${id} with that ${wordList(given)}` : `${actor.name} has ${matching.length} claims on entry #${id}`;
      throw new UserError('invalid-option', `${lead}: say which with ${which}.`, [`They are: ${those.join('; ')}.`, ...(args.stance === undefined ? [`Stances: ${CLAIM_STANCES.join(', ')}.`] : [])], telling[0] ?? 'stance');
    }
    const state = ctx.services.editor.entryState(id);
    const taken = matching[0]!;
    const claims = (state.claims ?? []).filter((_, index) => index !== taken);
    ctx.services.editor.editEntry(id, { claims }, stampOf(ctx));
    const after = requireEntry(ctx, id);
    return {
      ...entryDetailView(after, instantsFor(ctx)),
      tone: 'success',
      intro: [[span.plain(`Took off #${id}: ${listed[taken]}. `), span.command('entry undo', `id:${id}`), span.plain(' puts it back.')]],
    };
  },
};
