// An entry records what has happened: its date, its end, its source's publication and a claim's day are
// up to today in the channel's zone (where `today` and `yesterday` are read too), and no earlier than
// EARLIEST_YEAR: a dossier on a conflict reaches back to its history, never to year 1 or 1025 (a
// slip for 2025), which would be stored and sorted first without a word.
import { dayInZone, refuseFuture } from '../../src/core/as-of-day.js';
import type { CommandContext } from '../../src/core/command-spec.js';
import { checkAll, UserError } from '../../src/core/errors.js';
import { firstDay, toIsoPartial, type PartialDate } from '../../src/core/partial-date.js';
import { viewZoneOrigin } from '../as-of.js';

export const EARLIEST_YEAR = 1800;

const HINTS: Record<string, string> = {
  date: 'Date an entry by the day it happened, up to today; an event announced for later is entered when it takes place (its announcement is a statement).',
  published: 'Give the day the source was published, up to today.',
  end: 'An event still going on has no end yet: leave `end` out, and set it with /entry edit once the event is over.',
};

/**
 * Refuses, in one reply, each of `dates` (option name → date, undefined when not given) that starts
 * after today or before EARLIEST_YEAR; the first refused as future says where the zone of today
 * comes from (once is enough).
 */
export function refuseImplausibleDates(ctx: CommandContext, dates: Record<string, PartialDate | undefined>, hints: Record<string, string> = {}): void {
  const { zone, hint: zoneHint } = viewZoneOrigin(ctx);
  const today = dayInZone(ctx.now(), zone);
  let told = false;
  checkAll(
    Object.entries(dates).map(([option, date]) => () => {
      if (!date) return;
      if (date.year < EARLIEST_YEAR) refuseTooOld(date, option, ctx.now());
      if (firstDay(date) <= today) return;
      const first = !told;
      told = true;
      refuseFuture(date, today, zone, option, hints[option] ?? HINTS[option] ?? 'Give a day up to today.', first ? zoneHint : undefined);
    }),
  );
}

/** The year refused, and the likely slip of a first digit (1025 for 2025) when that year has come. */
function refuseTooOld(date: PartialDate, option: string, now: Date): never {
  const typed = toIsoPartial(date);
  const slip = date.year >= 1000 ? 2000 + (date.year % 1000) : undefined;
  const meant = slip !== undefined && slip <= now.getUTCFullYear() ? `${slip}${typed.slice(4)}` : undefined;
  throw new UserError(
    'invalid-option',
    `Option \`${option}\` is before ${EARLIEST_YEAR} — got \`${typed}\`; Sitrep dates events from ${EARLIEST_YEAR} on.`,
    [meant ? `Did you mean \`${option}:${meant}\`? Check the year.` : 'Check the year: it takes four digits, e.g. `2025-07-14`.', 'Older background belongs in the summary of a later entry.'],
    option,
  );
}
