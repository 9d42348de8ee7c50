// Wall-clock time in IANA zones with nothing but Intl: offsets, local time → instant with the
// same disambiguation as Temporal's "compatible" (a time skipped by spring-forward moves
// forward by the gap; a time repeated by fall-back means its first occurrence), and display.
import { isOffsetText, zonesForAbbreviation } from './zone-abbreviations.js';
import { offsetZoneLabel } from './zone-label.js';

export interface LocalDateTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
}

export interface LocalParts extends LocalDateTime {
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

/** The canonical spelling Intl gives a zone name (`europe/paris` → `Europe/Paris`, `EST` → `America/Panama`), or undefined. */
export function resolvedTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  // Offsets such as +02:00 are not zones: they never follow daylight saving time.
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(trimmed)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * IANA's current names for the 19 zones whose older name Intl (through ICU, which keeps CLDR's
 * first ids) still gives as the zone's id: `Europe/Kyiv` → `Europe/Kiev`. Node 20's Intl lists
 * every other zone under IANA's name (checked against tzdata's zone.tab in the tests), so these
 * are the only ones it cannot tell; the old names map to them through Intl itself.
 */
const RENAMED_ZONES = [
  'Africa/Asmara', 'America/Argentina/Buenos_Aires', 'America/Argentina/Catamarca', 'America/Argentina/Cordoba',
  'America/Argentina/Jujuy', 'America/Argentina/Mendoza', 'America/Atikokan', 'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville', 'America/Nuuk', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Asia/Kolkata', 'Asia/Yangon',
  'Atlantic/Faroe', 'Europe/Kyiv', 'Pacific/Chuuk', 'Pacific/Kanton', 'Pacific/Pohnpei',
];

let currentNames: Map<string, string> | undefined;

/** Intl's id of each renamed zone → IANA's current name (`Europe/Kiev` → `Europe/Kyiv`). */
function currentNameOf(): Map<string, string> {
  currentNames ??= new Map(RENAMED_ZONES.flatMap((zone) => {
    const id = resolvedTimeZone(zone);
    // A newer ICU that answers IANA's name needs no mapping.
    return id && id !== zone ? [[id, zone] as [string, string]] : [];
  }));
  return currentNames;
}

/** IANA's current name for a zone Intl knows by `id`. */
const currentName = (id: string) => currentNameOf().get(id) ?? id;

let spellings: Map<string, string> | undefined;

/** Every zone name as IANA spells it today, by its lower case: Intl's own, renamed ones current. */
function zoneSpellings(): Map<string, string> {
  spellings ??= new Map(['UTC', ...Intl.supportedValuesOf('timeZone').map(currentName)].map((zone) => [zone.toLowerCase(), zone]));
  return spellings;
}

/** `Etc/GMT+5` and the like: a zone name for a fixed offset, with no daylight saving rules. */
export function isFixedOffsetZone(name: string): boolean {
  return /^etc\/gmt[+-]0*[1-9]\d*$/i.test(name.trim());
}

/** What a fixed-offset zone really is, and what it is easily taken for: `Etc/GMT+5` is UTC−5, not UTC+5 (Etc/ names reverse the sign). */
export function fixedOffsetReading(name: string): { real: string; misread: string } {
  const hours = name.trim().replace(/^.*[+-]0*/, '');
  const [real, misread] = name.includes('+') ? ['−', '+'] : ['+', '−'];
  return { real: `UTC${real}${hours}`, misread: `UTC${misread}${hours}` };
}

/**
 * The canonical name of an IANA time zone as an admin may type it (`europe/paris` →
 * `Europe/Paris`), or undefined. Names without a region other than UTC and GMT are refused:
 * they are legacy abbreviations Intl maps to some city's zone (EST → America/Panama, with no
 * daylight saving time; CET → Europe/Brussels), rarely the zone the admin meant. Aliases become
 * the zone they stand for, under IANA's current name: `US/Eastern` → `America/New_York`,
 * `Europe/Kiev` and `europe/kyiv` → `Europe/Kyiv`, `America/Argentina/ComodRivadavia` →
 * `America/Argentina/Catamarca`.
 */
export function canonicalTimeZone(name: string): string | undefined {
  // `America/NewˍYork` as a Slack reply showed it (ˍ stands in for `_` there) reads as typed.
  const trimmed = name.trim().replaceAll('\u02CD', '_');
  if (!trimmed.includes('/') && !/^(utc|gmt)$/i.test(trimmed)) return undefined;
  const resolved = resolvedTimeZone(trimmed);
  return resolved && currentName(resolved);
}

/**
 * The zone names closest to a refused one, for "did you mean": those of the city typed
 * (`Paris` → `Europe/Paris`, `new york` → `America/New_York`) or of the abbreviation (`EST` →
 * `America/New_York`), else the nearest spellings; none for an offset (`UTC+2`).
 */
export function closestTimeZones(typed: string, nearest: (names: readonly string[], typed: string) => string[]): string[] {
  if (isOffsetText(typed)) return [];
  const meant = zonesForAbbreviation(typed);
  if (meant) return [...meant];
  const key = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = [...zoneSpellings().values()];
  const cityOf = (zone: string) => zone.toLowerCase().split('/').at(-1);
  // The old city names too (`Kiev` → Europe/Kyiv, `Calcutta` → Asia/Kolkata).
  const named = [...zones, ...currentNameOf().keys()].filter((zone) => cityOf(zone) === key).map(currentName);
  const city = [...new Set(named)];
  return city.length > 0 ? city.slice(0, 3) : nearest(zones, typed.trim());
}

/** The wall-clock reading of an instant in a zone. */
export function localParts(instantMs: number, zone: string): LocalParts {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(instantMs)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = values;
  return { year, month, day, hour, minute, second, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** The zone's offset from UTC at an instant, in milliseconds (+1h for Paris in winter). */
export function offsetMs(instantMs: number, zone: string): number {
  const p = localParts(instantMs, zone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant a local wall-clock time stands for. Skipped times (spring-forward) move forward
 * by the length of the gap — 02:30 in Paris on the last Sunday of March is 03:30 CEST — and
 * repeated times (fall-back) resolve to their first occurrence, so a slot happens exactly once.
 */
export function instantOf(local: LocalDateTime, zone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const before = offsetMs(wall - DAY_MS, zone);
  const after = offsetMs(wall + DAY_MS, zone);
  const earlier = wall - before;
  const later = wall - after;
  const valid = [earlier, later].filter((t) => offsetMs(t, zone) === wall - t).sort((a, b) => a - b);
  // With no valid reading the time fell in a gap: read it with the offset in force before it.
  return valid[0] ?? earlier;
}

const displayFormatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let formatter = displayFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    displayFormatters.set(key, formatter);
  }
  return formatter;
}

function parts(formatter: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  const result: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) result[part.type] = part.value;
  return result;
}

const formatted = new Map<string, string>();

/** `Mon 14 Jul 2025 08:00 CEST`, as people in that zone read it (`… 08:00 Damascus time (UTC+3)` where English has no abbreviation). */
export function formatInZone(instant: Date, zone: string): string {
  // Thousands of digests share a handful of period boundaries: format each once.
  const key = `${zone}|${instant.getTime()}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const text = formatUncached(instant, zone);
  if (formatted.size >= 5_000) formatted.clear();
  formatted.set(key, text);
  return text;
}

function formatUncached(instant: Date, zone: string): string {
  const p = parts(displayFormatter('en-GB', zone), instant);
  let name = p.timeZoneName ?? zone;
  // en-GB knows European abbreviations, en-US American ones; otherwise the zone's city and offset.
  if (/^(GMT|UTC)[+-]/.test(name)) {
    const american = parts(displayFormatter('en-US', zone), instant).timeZoneName ?? name;
    name = /^(GMT|UTC)[+-]/.test(american) ? offsetZoneLabel(name, zone) : american;
  }
  return `${p.weekday} ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute} ${name}`;
}
