// A time of day typed after a date option without quotes (`as_of:2025-07-20 09:00`): the space
// ends the option's value, so the time is left as a bare word, which would fill the first option
// (`There is no topic 09:00`, an entry titled `09:00`) or read as stray words. It is refused,
// saying how a day and its time are written as one value, or that the option takes a day only.
import type { OptionSpec, RawOptionValue, ResolvedLeaf } from './command-spec.js';
import { UTC_NAME_OR_OFFSET } from './clock-pattern.js';
import { clockWord, dayTimeProblem, parseDayTime, takesTimeOfDay } from './day-time.js';
import { dayOnlyFix } from './day-with-time.js';
import { UserError } from './errors.js';
import { parsePartialDate, toIsoPartial } from './partial-date.js';
import { quoteIfNeeded } from './text-syntax.js';

/** A clock or a zone name typed as its own word after the time: `09:00 UTC`, `09:00 +03:00`, `09:00 Asia/Damascus`. */
const ZONE_WORD = new RegExp(String.raw`^(?:${UTC_NAME_OR_OFFSET}|[a-z]+\/[a-z_+\-/]+)$`, 'i');

/** A first option filled by words that may hold spaces, and so a time of their own: an entry's title, an actor's name. */
const takesFreeText = (option: OptionSpec): boolean => (option.type === 'text' || option.type === 'actor') && option.autocomplete !== 'topic';

/**
 * Refuses a time-of-day word left beside a date option given as a day. Words filling a first
 * option that takes free text with spaces (an entry's title, an actor's name) may hold a time of
 * their own (`Talks at 09:00`), so they are left alone, unless the time (and its zone) is all of
 * them: no title is only a time of day. A topic is a slug (typed-topic.ts), which holds no space
 * and so no time typed after one.
 */
export function refuseTimeApartFromDay(words: readonly string[], args: Readonly<Record<string, RawOptionValue>>, resolved: ResolvedLeaf): void {
  const at = words.findIndex((word) => clockWord(word) !== undefined);
  if (at < 0) return;
  const options = resolved.leaf.options ?? [];
  const days = options.filter((option) => option.type === 'date' && typeof args[option.name] === 'string' && parseDayTime(String(args[option.name])) === undefined);
  if (days.length === 0) return;
  const time = words[at]!;
  const zone = ZONE_WORD.test(words[at + 1] ?? '') && clockWord(time)!.offset === undefined ? words[at + 1] : undefined;
  const typed = zone === undefined ? time : `${time} ${zone}`;
  const first = options[0];
  const fillsFreeText = first !== undefined && !(first.name in args) && takesFreeText(first);
  if (fillsFreeText && words.join(' ') !== typed) return;
  const ways = days.map((option) => {
    const value = String(args[option.name]);
    return takesTimeOfDay(option) ? oneValue(option.name, value, time, zone) : dayOnlyFix(option.name, dayTyped(value));
  });
  // `/entry add 09:00 date:…` may mean a title that is a time: it goes in its option.
  const hints = fillsFreeText ? [`If \`${typed}\` is meant as the ${first.name}, write it in its option: ${first.name}:"${typed}".`] : [];
  throw new UserError('syntax', `\`${typed}\` is a time of day, typed apart from its day: ${ways.map((way) => way.replace(/\.$/, '')).join('; ')}.`, hints, days[0]!.name);
}

/** A day-only option's value as it is typed again: `2025-07-20` for `"20 Jul 2025"`, as typed when it is no date. */
function dayTyped(value: string): string {
  const date = parsePartialDate(value);
  return date === undefined ? quoteIfNeeded(value) : toIsoPartial(date);
}

/**
 * How `name:value` and the time typed after it are written as one value (`as_of:2025-07-20T09:00`
 * or `as_of:"2025-07-20 09:00"`), or why they would not read (no hour 25; a month has no time).
 */
function oneValue(name: string, value: string, time: string, zone: string | undefined): string {
  const date = parsePartialDate(value);
  if (date?.day === undefined) return `a time of day goes after a whole day, e.g. \`${name}:2025-07-12T09:00\``;
  const day = toIsoPartial(date);
  const typed = `${day} ${time}${zone === undefined ? '' : ` ${zone}`}`;
  if (!parseDayTime(typed)) return `write \`${name}\` as one value. ${dayTimeProblem(name, typed) ?? ''}`.trim();
  const { clock: hhmm, offset } = clockWord(time)!;
  const clock = `${hhmm}${offset ?? ''}`;
  const spaced = `${day} ${clock}${zone === undefined ? '' : ` ${zone}`}`;
  // A zone named by a word needs the quotes; UTC is also the offset Z.
  const joined = zone === undefined || /^[+-]/.test(zone) ? `${day}T${clock}${zone ?? ''}` : /^(utc|gmt|z)$/i.test(zone) ? `${day}T${clock}Z` : undefined;
  const quoted = `\`${name}:"${spaced}"\``;
  return `write \`${name}\` as one value, ${joined === undefined ? quoted : `\`${name}:${joined}\` or ${quoted}`}`;
}
