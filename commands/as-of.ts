// The `as_of` option of the commands that show a past view (/timeline, /entry show), and the
// instant it stands for: the end of that day in the channel's digest zone, else UTC.
import { asOfInstant, type AsOfInstant } from '../src/core/as-of-day.js';
import type { EntryAt } from '../src/core/as-of-port.js';
import { channelZone, channelZoneOrigin, zoneOriginHint } from '../src/core/day-words.js';
import type { CommandArgs, CommandContext, OptionSpec } from '../src/core/command-spec.js';
import { invocationArgs } from '../src/core/entry-views.js';
import { instantIn } from '../src/core/past-instant.js';
import { UserError } from '../src/core/errors.js';
import type { PartialDate } from '../src/core/partial-date.js';
import { quoteIfNeeded } from '../src/core/text-syntax.js';
import { span, type Line } from '../src/core/view.js';

export const asOfOption: OptionSpec = {
  name: 'as_of',
  description: 'Show it as it stood at the end of this day (2025-07-20), rebuilt from its revisions',
  type: 'date',
  example: '2025-07-20',
};

/** Days end in the zone of the channel's digests, where it has some; in UTC elsewhere. */
export function viewZone(ctx: CommandContext): string {
  return channelZone(ctx.services, ctx.caller);
}

/** The channel's zone, with the line a refusal about today adds to say where it comes from. */
export function viewZoneOrigin(ctx: CommandContext): { zone: string; hint: string } {
  const origin = channelZoneOrigin(ctx.services, ctx.caller);
  return { zone: origin.zone, hint: zoneOriginHint(origin) };
}

/** The instant a date option stands for, in the channel's zone; refused when in the future. */
export function pastInstant(date: PartialDate, ctx: CommandContext, option: string): AsOfInstant {
  const { zone, hint } = viewZoneOrigin(ctx);
  return asOfInstant(date, zone, ctx.now(), option, hint);
}

/**
 * The line a past view opens with, so nobody takes it for the dossier as it is, naming the
 * command (`command`, e.g. `entry show`, with the same options but `as_of` and `page`) that shows it now.
 */
export function pastViewLine(asOf: AsOfInstant, command: string, args: CommandArgs): Line {
  const kept = Object.entries(invocationArgs(args)).filter(([name]) => name !== 'as_of' && name !== 'page');
  const now = kept.map(([name, value]) => `${name}:${quoteIfNeeded(String(value))}`).join(' ');
  return [span.italic(`A past view: the dossier as of ${asOf.label}, rebuilt from its revisions. As it is now: `), span.command(command, now || undefined)];
}

/**
 * The entry as it stood at an instant; refused when there is no such entry, or when it did not
 * exist yet (saying when it was added, with `hint`: what to try instead).
 */
export function entryAtOrRefuse(ctx: CommandContext, id: number, asOf: AsOfInstant, option: string, hint: (createdAt: string) => string): EntryAt {
  const entry = ctx.services.past.entryAt(id, asOf.before);
  if (entry) return entry;
  const created = ctx.services.past.entryCreatedAt(id);
  if (created === undefined) throw new UserError('not-found', `There is no entry #${id}.`, ['Find entry numbers with /timeline or /search.'], 'id');
  throw new UserError('not-found', `Entry #${id} did not exist yet as of ${asOf.label}: it was added at ${instantIn(created, asOf.zone)}.`, [hint(created)], option);
}
