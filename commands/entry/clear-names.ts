// How a `clear:` value is read: /entry edit's fields and its sources, /review approve's suggestion.

/** The names a `clear` value gives, as typed (lower case, unchecked): `"End, tags"` is end and tags. */
export const clearNames = (clear: unknown): string[] =>
  clear === undefined ? [] : String(clear).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
