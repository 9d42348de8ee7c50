// Refusals of a date option given a time of day too (`since:2025-07-14T09:30`, as clocks and
// exports write an instant): dates are days, and the time is not dropped unsaid. Past views take
// a time (`as_of:2025-07-14T09:30`, see day-time.ts): for them, what is wrong with the time typed.
import { dayTimeProblem } from './day-time.js';
import { dayBeforeTime, toIsoPartial } from './partial-date.js';

/**
 * What a day-only option given a time is told, however the time was typed (`since:2025-07-14T09:30`,
 * or `since:2025-07-14 09:30` as two words, time-words.ts): `day` is the value to type instead.
 */
export const dayOnlyFix = (name: string, day: string): string => `\`${name}\` takes a day only, so write \`${name}:${day}\` without the time.`;

/**
 * `since:2025-07-14` offered for `2025-07-14T09:30`, saying why no time is read; for an option that
 * takes a time (`takesTime`), why this one is none (`25:00`). Undefined for other text.
 */
export function dayWithTimeHint(name: string, typed: string, takesTime = false): string | undefined {
  if (takesTime) return dayTimeProblem(name, typed);
  const day = dayBeforeTime(typed);
  if (!day) return undefined;
  return dayOnlyFix(name, toIsoPartial(day));
}
