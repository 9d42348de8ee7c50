// Retry-After as servers send it: a number of seconds or an HTTP date.

/** Milliseconds from `now` until the server asked to be contacted again; undefined if unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date names its day and month; without letters, Date.parse would read `-5` as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
