// How an import's report keeps long runs short: a weekly re-import of a large file repeats
// thousands of stored rows, and each would otherwise be a line of its own.

/** Rows of one kind listed one a line; past these, the rest in one line. */
export const ROWS_LISTED = 20;

/** Line numbers listed in one line (a place kept as not located); past these, how many more. */
export const LINES_LISTED = 5;

/** How many of `count` rows to list: one past the limit is listed too, a line for the rest being no shorter. */
export const listedCount = (count: number, limit = ROWS_LISTED): number => (count > limit + 1 ? limit : count);

/** `3, 73, 90, 121, 137 and 1829 more`: the first items, then how many others. */
export function shortList(items: readonly (string | number)[], limit = LINES_LISTED): string {
  const listed = items.slice(0, listedCount(items.length, limit));
  const rest = items.length - listed.length;
  return rest > 0 ? `${listed.join(', ')} and ${rest} more` : listed.join(', ');
}
