// How often a feed is checked, in the words people type besides 30m and 1h30m: a day (`1d`,
// `daily`, `24h`) and an hour (`hourly`), which the check interval's own reading does not take.
const DAY_MINUTES = 24 * 60;

// A Map, not an object: a typed `constructor` is no key of it.
const WORDS: ReadonlyMap<string, number> = new Map([
  ['daily', DAY_MINUTES],
  ['day', DAY_MINUTES],
  ['hourly', 60],
  ['hour', 60],
]);

/** `1d`, `2 days`, `daily`, `hourly` as minutes; undefined for other text. */
export function everyWordMinutes(text: string): number | undefined {
  const compact = text.trim().toLowerCase().replace(/\s+/g, '');
  const days = /^(\d{1,3})d(?:ays?)?$/.exec(compact);
  return days ? Number(days[1]) * DAY_MINUTES : WORDS.get(compact);
}
