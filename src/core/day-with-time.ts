// Refusals of a date option given a time of day too (`since:2025-07-14T09:30`, as clocks and
// exports write an instant): dates are days, and the time is not dropped unsaid.
import { dayBeforeTime, toIsoPartial } from './partial-date.js';

/** The option that names a past view's day: its day ends at midnight in the zone the reply names, whatever time is typed. */
const PAST_VIEW_OPTION = 'as_of';

/** `since:2025-07-14` offered for `2025-07-14T09:30`, saying why no time is read; undefined for other text. */
export function dayWithTimeHint(name: string, typed: string): string | undefined {
  const day = dayBeforeTime(typed);
  if (!day) return undefined;
  const meant = `${name}:${toIsoPartial(day)}`;
  if (name === PAST_VIEW_OPTION) {
    return `\`${name}\` takes a day without a time: a past view shows the dossier at the end of that day, midnight in the time zone the reply names. Did you mean ${meant}?`;
  }
  return `\`${name}\` takes a day without a time of day: did you mean ${meant}?`;
}
