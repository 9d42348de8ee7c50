// Line breaks as Sitrep's exports write them: \n. A CSV converted to Windows line ends (unix2dos,
// git's autocrlf) has each break inside a quoted multi-line cell turned into \r\n as well, and
// entries imported from such files before hold \r\n: the same text either way, which a correction
// must not take for a change.

/** The text with each \r\n and lone \r as \n. */
export const unixLineEnds = (text: string): string => text.replace(/\r\n?/g, '\n');

/** Whether two texts say the same, however their lines end. */
export const sameButLineEnds = (a: string, b: string): boolean => unixLineEnds(a) === unixLineEnds(b);
