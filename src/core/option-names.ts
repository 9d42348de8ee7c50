// The option a misspelled or misremembered option name most likely meant, as misspelled commands
// and subcommands get theirs.
import { closestNames } from './ranking.js';

/** Names users type for an option that Sitrep calls otherwise, as other tools and forms call them. */
const OPTION_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['from', 'since'],
  ['to', 'until'],
  ['after', 'since'],
  ['before', 'until'],
  // /entry diff compares `from:` and `to:`, as the filters' `since:` and `until:` are typed there.
  ['since', 'from'],
  ['until', 'to'],
  ['url', 'source_url'],
  ['link', 'source_url'],
  // A digest's time and zone, as calendars and cron tools name them.
  ['tz', 'timezone'],
  ['zone', 'timezone'],
  ['time_zone', 'timezone'],
  ['at', 'schedule'],
  ['time', 'schedule'],
  ['when', 'schedule'],
  ['cron', 'schedule'],
  // How often a feed is checked, as other feed readers call it.
  ['interval', 'every'],
  ['frequency', 'every'],
]);

/** Names typed for a time or a time zone: on a command that takes neither, no other option is meant. */
const TIME_NAMES: ReadonlySet<string> = new Set(['tz', 'zone', 'time_zone', 'timezone', 'at', 'time', 'when', 'cron', 'schedule']);

/** The singular or plural of `typed` (`actor` and `actors`, `place` and `places`), as options name lists. */
const otherNumbers = (typed: string): string[] => [`${typed}s`, `${typed}es`, typed.replace(/e?s$/, ''), typed.replace(/s$/, '')];

/** The one of `names` that `typed` most likely meant, or undefined when none is close. */
export function meantOptionName(names: readonly string[], typed: string): string | undefined {
  const lower = typed.toLowerCase();
  const synonym = OPTION_SYNONYMS.get(lower);
  if (synonym !== undefined && names.includes(synonym)) return synonym;
  // `/watch add time:…` means no `type:`: the note below says where times are set.
  if (timeOnCommandWithout(names, typed)) return undefined;
  const number = otherNumbers(lower).find((name) => name !== lower && names.includes(name));
  if (number !== undefined) return number;
  return closestNames(names, typed, 1)[0];
}

/** A time or time zone typed (`at:`, `tz:`) on a command that takes neither. */
const timeOnCommandWithout = (names: readonly string[], typed: string): boolean =>
  TIME_NAMES.has(typed.toLowerCase()) && !names.includes('schedule') && !names.includes('timezone');

/**
 * For a time or time zone typed on a command that takes neither (`/watch add at:08:00`), where
 * they are set: a digest's schedule and zone. Undefined for other names, or when the command takes one.
 */
export function timeNameNote(names: readonly string[], typed: string, commandPath: string): string | undefined {
  if (!timeOnCommandWithout(names, typed)) return undefined;
  return `/${commandPath} sets no time or time zone. A summary at a set time is a digest: /digest subscribe schedule:"daily 08:00" timezone:Europe/Paris.`;
}

/** A time of day alone, as typed for `at:` or `time:` (`8:00`, `08:00`). */
const TIME_OF_DAY = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * The value as the option meant takes it: a time of day alone given for a schedule (`at:08:00`)
 * is a daily one (`schedule:"daily 08:00"`), as a schedule needs its day; other values as typed.
 */
export function meantOptionValue(meant: string, value: string): string {
  const time = meant === 'schedule' ? TIME_OF_DAY.exec(value.trim()) : null;
  return time ? `daily ${time[1]!.padStart(2, '0')}:${time[2]}` : value;
}
