// `today` and `yesterday` where a command takes a date (`since:yesterday`, `/entry diff from:today`),
// read as the days they are in the channel's zone: the zone of its digests, else the operator's
// (SITREP_TZ, UTC unless set).
import { dayInZone, shiftDay } from './as-of-day.js';
import type { Caller } from './caller.js';
import type { OptionSpec, RawOptionValue } from './command-spec.js';
import type { CommandServices } from './services.js';

const OFFSETS: Record<string, number> = { today: 0, yesterday: -1 };

/**
 * The zone a channel's days are read in: its digest subscription's, else the zone digests take by
 * default (SITREP_TZ): a newsroom in Beirut means Beirut's today in every channel, not UTC's.
 */
export function channelZone(services: Pick<CommandServices, 'digests'>, caller: Caller): string {
  const { platform, workspaceId, channelId } = caller;
  const fallback = services.digests.defaultTimeZone;
  if (!channelId) return fallback;
  return services.digests.find({ platform, workspaceId: workspaceId ?? '', channelId })?.timezone ?? fallback;
}

/** The raw options with each date given as a day word replaced by that day (YYYY-MM-DD); `zone` is asked only if one is. */
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
    const offset = OFFSETS[value.trim().toLowerCase()];
    if (offset === undefined) continue;
    resolved ??= { ...raw };
    resolved[option.name] = shiftDay(dayInZone(now, zone()), offset);
  }
  return resolved ?? raw;
}
