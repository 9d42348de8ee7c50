// `today` and `yesterday` where a command takes a date (`since:yesterday`, `/entry diff from:today`),
// read as the days they are in the channel's zone: the zone of its digests, else the operator's
// (SITREP_TZ, UTC unless set). And a month typed `2025/07`, as people write one: read in typed
// commands only, since a spreadsheet writes it for dates it rewrote, which an import refuses.
import { dayInZone, shiftDay } from './as-of-day.js';
import type { Caller } from './caller.js';
import type { OptionSpec, RawOptionValue } from './command-spec.js';
import type { CommandServices } from './services.js';

/** A Map, not an object: a typed word like `constructor` must find nothing. */
const OFFSETS: ReadonlyMap<string, number> = new Map([['today', 0], ['yesterday', -1]]);
/** `2025/07`, `2025/7`: a year and month with a slash. */
const YEAR_SLASH_MONTH = /^(\d{4})\/(\d{1,2})$/;

/**
 * The zone a channel's days are read in: its digest subscription's, else the zone digests take by
 * default (SITREP_TZ): a newsroom in Beirut means Beirut's today in every channel, not UTC's.
 */
export function channelZone(services: Pick<CommandServices, 'digests'>, caller: Caller): string {
  return channelZoneOrigin(services, caller).zone;
}

/** A channel's zone and where it comes from: the channel's digest, or the bot's default (SITREP_TZ). */
export interface ChannelZone {
  zone: string;
  from: 'digest' | 'default';
}

export function channelZoneOrigin(services: Pick<CommandServices, 'digests'>, caller: Caller): ChannelZone {
  const { platform, workspaceId, channelId } = caller;
  const fallback: ChannelZone = { zone: services.digests.defaultTimeZone, from: 'default' };
  if (!channelId) return fallback;
  const zone = services.digests.find({ platform, workspaceId: workspaceId ?? '', channelId })?.timezone;
  return zone === undefined ? fallback : { zone, from: 'digest' };
}

/**
 * What a refusal about "today" says of its zone: where it comes from and how to change it, since
 * a channel's digest quietly sets the day every date typed there is held to.
 */
export function zoneOriginHint({ zone, from }: ChannelZone): string {
  return from === 'digest'
    ? `Today is read in this channel’s digest time zone, ${zone}; /digest subscribe timezone:… changes it.`
    : `Today is read in the bot’s time zone, ${zone} (\`SITREP_TZ\`, UTC unless set), as this channel has no digest; a digest subscribed here with timezone:… gives it its own.`;
}

/**
 * The raw options with each date given as a day word replaced by that day (YYYY-MM-DD), and each
 * given as `2025/07` by `2025-07`; `zone` is asked only for a day word.
 */
export function resolveDayWords(
  options: readonly OptionSpec[],
  raw: Readonly<Record<string, RawOptionValue>>,
  now: Date,
  zone: () => string,
): Readonly<Record<string, RawOptionValue>> {
  let resolved: Record<string, RawOptionValue> | undefined;
  for (const option of options) {
    const value = raw[option.name];
    if (option.type !== 'date' || typeof value !== 'string') continue;
    const offset = OFFSETS.get(value.trim().toLowerCase());
    const month = YEAR_SLASH_MONTH.exec(value.trim());
    if (offset === undefined && !month) continue;
    resolved ??= { ...raw };
    resolved[option.name] = month ? `${month[1]}-${month[2]}` : shiftDay(dayInZone(now, zone()), offset!);
  }
  return resolved ?? raw;
}
