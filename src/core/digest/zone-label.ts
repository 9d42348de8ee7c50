// The name a clock time is followed by in posts. Where English has an abbreviation for the zone
// (CET, EST) Intl gives it; where it has none (Damascus since 2022, Amman, Riyadh) Intl gives only
// `GMT+3`, which says nothing of whose clock it is: the zone's city names it, with the offset.

/** `America/Argentina/Buenos_Aires` → `Buenos Aires`; none for UTC and the `Etc/` offsets. */
function cityOf(zone: string): string | undefined {
  if (!zone.includes('/') || /^etc\//i.test(zone)) return undefined;
  return zone.split('/').at(-1)!.replaceAll('_', ' ');
}

/** An offset as Intl writes it (`GMT+3`, `GMT+5:30`) for `zone` → `Damascus time (UTC+3)`; `UTC−5` alone for an offset zone. */
export function offsetZoneLabel(offset: string, zone: string): string {
  const utc = offset.replace(/^GMT/, 'UTC');
  const city = cityOf(zone);
  return city ? `${city} time (${utc})` : utc;
}
