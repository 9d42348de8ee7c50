// A time of day typed after a date option without quotes (`as_of:2025-07-20 09:00`): the space
// ends the option's value, so the time is left as a bare word, which would fill the first option
// (`There is no topic 09:00`) or read as stray words. It is refused, saying how a day and its time
// are written as one value, or that the option takes a day only.
import type { RawOptionValue, ResolvedLeaf } from './command-spec.js';
import { dayTimeProblem, parseDayTime, takesTimeOfDay } from './day-time.js';
import { UserError } from './errors.js';
import { parsePartialDate, toIsoPartial } from './partial-date.js';

/** `09:00`, `9:00`, `09:00:30`, `09:00:30.5`, with an optional offset: `09:00Z`, `09:00+03:00`. */
const TIME_OF_DAY = /^(\d{1,2}):(\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A clock or a zone name typed as its own word after the time: `09:00 UTC`, `09:00 +03:00`, `09:00 Asia/Damascus`. */
const ZONE_WORD = /^(?:utc|gmt|z|[+-]\d{2}(?::?\d{2})?|[a-z]+\/[a-z_+\-/]+)$/i;

/**
 * Refuses a time-of-day word left beside a date option given as a day. Words filling a first
 * option that takes free text with spaces (an entry's title, an actor's name) may hold a time of
 * their own (`Talks at 09:00`), so they are left alone; a topic is a slug (typed-topic.ts), which
 * holds no space and so no time typed after one.
 */
export function refuseTimeApartFromDay(words: readonly string[], args: Readonly<Record<string, RawOptionValue>>, resolved: ResolvedLeaf): void {
  const at = words.findIndex((word) => TIME_OF_DAY.test(word));
  if (at < 0) return;
  const options = resolved.leaf.options ?? [];
  const first = options[0];
  if (first && !(first.name in args) && (first.type === 'text' || first.type === 'actor') && first.autocomplete !== 'topic') return;
  const days = options.filter((option) => option.type === 'date' && typeof args[option.name] === 'string' && parseDayTime(String(args[option.name])) === undefined);
  if (days.length === 0) return;
  const time = words[at]!;
  const zone = ZONE_WORD.test(words[at + 1] ?? '') && !TIME_OF_DAY.exec(time)![3] ? words[at + 1] : undefined;
  const typed = zone === undefined ? time : `${time} ${zone}`;
  const ways = days.map((option) => {
    const value = String(args[option.name]);
    return takesTimeOfDay(option) ? oneValue(option.name, value, time, zone) : `\`${option.name}\` takes a day only, so write \`${option.name}:${value}\` without the time`;
  });
  throw new UserError('syntax', `\`${typed}\` is a time of day, typed apart from its day: ${ways.map((way) => way.replace(/\.$/, '')).join('; ')}.`, [], days[0]!.name);
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
  const [, hour, rest, offset] = TIME_OF_DAY.exec(time)!;
  const clock = `${hour!.padStart(2, '0')}:${rest}${offset ?? ''}`;
  const spaced = `${day} ${clock}${zone === undefined ? '' : ` ${zone}`}`;
  // A zone named by a word needs the quotes; UTC is also the offset Z.
  const joined = zone === undefined || /^[+-]/.test(zone) ? `${day}T${clock}${zone ?? ''}` : /^(utc|gmt|z)$/i.test(zone) ? `${day}T${clock}Z` : undefined;
  const quoted = `\`${name}:"${spaced}"\``;
  return `write \`${name}\` as one value, ${joined === undefined ? quoted : `\`${name}:${joined}\` or ${quoted}`}`;
}
