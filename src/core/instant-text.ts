// An instant as replies print it in UTC: `2026-11-25 21:40 UTC` (minutes are enough for who did
// what when, and the zone is said).

/** `2026-11-25T21:40:12.000Z` (as stored, or that Date) → `2026-11-25 21:40 UTC`. */
export function instantText(at: Date | string): string {
  const iso = typeof at === 'string' ? at : at.toISOString();
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
