// An entry records what has happened: its date, its end, its source's publication and a claim's day are
// up to today in the channel's zone (where `today` and `yesterday` are read too).
import { dayInZone, refuseFuture } from '../../src/core/as-of-day.js';
import type { CommandContext } from '../../src/core/command-spec.js';
import { checkAll } from '../../src/core/errors.js';
import { firstDay, type PartialDate } from '../../src/core/partial-date.js';
import { viewZoneOrigin } from '../as-of.js';

const HINTS: Record<string, string> = {
  date: 'Date an entry by the day it happened, up to today; an event announced for later is entered when it takes place (its announcement is a statement).',
  published: 'Give the day the source was published, up to today.',
  end: 'An event still going on has no end yet: leave `end` out, and set it with /entry edit once the event is over.',
};

/**
 * Refuses, in one reply, each of `dates` (option name → date, undefined when not given) that starts
 * after today; the first refused says where the zone of today comes from (once is enough).
 */
export function refuseFutureDates(ctx: CommandContext, dates: Record<string, PartialDate | undefined>, hints: Record<string, string> = {}): void {
  const { zone, hint: zoneHint } = viewZoneOrigin(ctx);
  const today = dayInZone(ctx.now(), zone);
  let told = false;
  checkAll(
    Object.entries(dates).map(([option, date]) => () => {
      if (!date || firstDay(date) <= today) return;
      const first = !told;
      told = true;
      refuseFuture(date, today, zone, option, hints[option] ?? HINTS[option] ?? 'Give a day up to today.', first ? zoneHint : undefined);
    }),
  );
}
