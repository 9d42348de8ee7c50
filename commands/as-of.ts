// The `as_of` option of the commands that show a past view (/timeline, /entry show), and the
// instant it stands for: the end of that day, or of that minute when a time is typed, in the
// channel's digest zone, else the bot's (SITREP_TZ).
import { asOfInstant, type AsOfInstant } from '../src/core/as-of-day.js';
import type { EntryAt } from '../src/core/as-of-port.js';
import { asOfTimeInstant } from '../src/core/as-of-time.js';
import { isDayTime, type TimeOfDayOption } from '../src/core/day-time.js';
import { channelZone, channelZoneOrigin, zoneOriginHint, type ChannelZone } from '../src/core/day-words.js';
import type { CommandArgs, CommandContext } from '../src/core/command-spec.js';
import { invocationArgs } from '../src/core/entry-views.js';
import { instantIn } from '../src/core/past-instant.js';
import { UserError } from '../src/core/errors.js';
import type { PartialDate } from '../src/core/partial-date.js';
import { quoteIfNeeded } from '../src/core/text-syntax.js';
import { span, type Line } from '../src/core/view.js';

export const asOfOption: TimeOfDayOption = {
  name: 'as_of',
  description: 'As it stood at the end of a day (2025-07-12, 2025-07) or at a time of day (2025-07-12T09:00)',
  type: 'date',
  timeOfDay: true,
  example: '2025-07-20',
};

/** Days end in the zone of the channel's digests, where it has some; elsewhere in the bot's (SITREP_TZ). */
export function viewZone(ctx: CommandContext): string {
  return channelZone(ctx.services, ctx.caller);
}

/** The channel's zone, with the line a refusal about today adds to say where it comes from. */
export function viewZoneOrigin(ctx: CommandContext): { zone: string; hint: string } {
  const origin = channelZoneOrigin(ctx.services, ctx.caller);
  return { zone: origin.zone, hint: zoneOriginHint(origin) };
}

/** What a refusal of a time says of the clock it was read on: the channel's, unless an offset was typed. */
function clockHint({ zone, from }: ChannelZone): string {
  const other = 'an offset after the time (09:00Z, 09:00+03:00) reads it on another clock';
  return from === 'digest'
    ? `A time without an offset is read in this channel’s digest time zone, ${zone} (/digest subscribe timezone:… changes it); ${other}.`
    : `A time without an offset is read in the bot’s time zone, ${zone} (\`SITREP_TZ\`, UTC unless set), as this channel has no digest; ${other}.`;
}

/**
 * The instant a date option stands for (a day's end, or a time's minute), in the channel's zone;
 * refused when in the future.
 */
export function pastInstant(date: PartialDate, ctx: CommandContext, option: string): AsOfInstant {
  const origin = channelZoneOrigin(ctx.services, ctx.caller);
  if (!isDayTime(date)) return asOfInstant(date, origin.zone, ctx.now(), option, zoneOriginHint(origin));
  const hint = date.time.reading.kind === 'channel' ? clockHint(origin) : undefined;
  return asOfTimeInstant(date, origin.zone, ctx.now(), option, hint);
}

/**
 * The line a past view opens with, so nobody takes it for the dossier as it is, naming the
 * command (`command`, e.g. `entry show`, with the same options but `as_of` and `page`) that shows it now.
 */
export function pastViewLine(asOf: AsOfInstant, command: string, args: CommandArgs): Line {
  const kept = Object.entries(invocationArgs(args)).filter(([name]) => name !== 'as_of' && name !== 'page');
  const now = kept.map(([name, value]) => `${name}:${quoteIfNeeded(String(value))}`).join(' ');
  const upTo = asOf.upTo ? `, every change written up to ${asOf.upTo} included` : '';
  const note = asOf.note ? ` ${asOf.note}` : '';
  return [span.italic(`A past view: the dossier as of ${asOf.label}, rebuilt from its revisions${upTo}.${note} As it is now: `), span.command(command, now || undefined)];
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
