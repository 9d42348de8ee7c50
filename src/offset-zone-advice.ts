// SITREP_TZ written as an offset, as people type one (`+02:00`, `UTC+3`, `GMT+03:00`, `+0300`):
// the fixed-offset zone that says the same, whose Etc/ name reverses the sign, and the cities on
// that clock today, whose zones also follow their clock changes.
import { canonicalTimeZone, offsetMs } from './core/digest/zoned-time.js';

const OFFSET = /^(?:utc|gmt)?\s*([+\-\u2212\u2013])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Zones offered first as examples: the region Sitrep reports on, then the zones operators often keep. */
const FAMILIAR_ZONES = [
  'Asia/Damascus', 'Asia/Beirut', 'Asia/Jerusalem', 'Africa/Cairo', 'Europe/Istanbul', 'Asia/Baghdad', 'Asia/Tehran', 'Asia/Dubai',
  'Europe/Paris', 'Europe/London', 'Europe/Lisbon', 'Asia/Karachi', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Australia/Sydney',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo', 'America/Halifax',
];
const EXAMPLES = 2;
/** Etc/ zones exist for whole hours from UTC−12 to UTC+14. */
const FIXED_RANGE_HOURS = { west: 12, east: 14 };

/** `UTC+2`, `UTC+5:30`, `UTC−5`, `UTC` as a person reads an offset in minutes. */
function utcText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const size = Math.abs(minutes);
  const rest = size % 60;
  return `UTC${minutes > 0 ? '+' : '−'}${Math.floor(size / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** The zone fixed at that offset all year: `Etc/GMT-2` for UTC+2 (the sign reversed), UTC for 0; none for part hours. */
function fixedZone(minutes: number): string | undefined {
  if (minutes === 0) return 'UTC';
  const hours = minutes / 60;
  if (!Number.isInteger(hours) || hours > FIXED_RANGE_HOURS.east || hours < -FIXED_RANGE_HOURS.west) return undefined;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** A few city zones on that offset at `now`, familiar ones first. */
function citiesAt(minutes: number, now: Date): string[] {
  const onOffset = (zone: string) => offsetMs(now.getTime(), zone) === minutes * 60_000;
  const familiar = FAMILIAR_ZONES.filter(onOffset);
  if (familiar.length >= EXAMPLES) return familiar.slice(0, EXAMPLES);
  const others = Intl.supportedValuesOf('timeZone')
    .filter((zone) => zone.includes('/') && !zone.startsWith('Etc/'))
    .map((zone) => canonicalTimeZone(zone) ?? zone)
    .filter((zone) => !familiar.includes(zone) && onOffset(zone));
  return [...familiar, ...new Set(others)].slice(0, EXAMPLES);
}

/**
 * What to set instead of an offset typed for SITREP_TZ, or undefined when `typed` is no offset:
 * "for UTC+2 all year, set Etc/GMT-2 (…); or your city's zone, e.g. …, which follows its clock changes".
 */
export function offsetZoneAdvice(typed: string, now: Date): string | undefined {
  const match = OFFSET.exec(typed.trim());
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (minutes >= 60) return undefined;
  const offset = (match[1] === '+' ? 1 : -1) * (hours * 60 + minutes);
  const written = utcText(offset);
  const fixed = fixedZone(offset);
  const cities = citiesAt(offset, now);
  const city = cities.length > 0 ? `your city's zone, e.g. ${cities.join(' or ')}, which follows its clock changes` : undefined;
  if (!fixed) return `no zone is fixed at ${written}${city ? `: set ${city}` : ''}`;
  const reversed = fixed === 'UTC' ? '' : ` (Etc/ names reverse the sign: ${fixed} is ${written}, not ${utcText(-offset)})`;
  return `for ${written} all year, set ${fixed}${reversed}${city ? `; or ${city}` : ''}`;
}
