// `today` and `yesterday` where a command takes a date (`since:yesterday`, `/entry diff from:today`),
// read as the days they are in the channel's zone: the zone of its digests, else UTC.
import { dayInZone, shiftDay } from './as-of-day.js';
import type { Caller } from './caller.js';
import type { OptionSpec, RawOptionValue } from './command-spec.js';
import type { CommandServices } from './services.js';

const OFFSETS: Record<string, number> = { today: 0, yesterday: -1 };

/** The zone a channel's days are read in: its digest subscription's, else UTC. */
export function channelZone(services: Pick<CommandServices, 'digests'>, caller: Caller): string {
  const { platform, workspaceId, channelId } = caller;
  if (!channelId) return 'UTC';
  return services.digests.find({ platform, workspaceId: workspaceId ?? '', channelId })?.timezone ?? 'UTC';
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
