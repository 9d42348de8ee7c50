// The day a report of a story was published, as its source in an entry is dated: the day at its
// feed's offset, as the proposing item dates the entry; a report stored before those days were
// kept (migration 0045), its day in UTC, as it always read.

/** `YYYY-MM-DD`: `feedDay` (StoryReport.publishedDay) where known, else the UTC day of `published`. */
export const reportDay = (published: Date, feedDay: string | undefined): string => feedDay ?? published.toISOString().slice(0, 10);
