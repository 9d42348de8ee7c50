// The zone written after a feed date's time, as minutes east of UTC. A number (`+0300`, `+03`,
// `-03:00`, `GMT+3`, `UTC+03:00`) says it. A name counts when its offset is certain: the names
// RFC 822 defines, and those feeds of the region write. A name Sitrep does not know or that means
// several offsets (`IST`: India, Israel or Ireland; `AST`: Arabia or Atlantic), a military letter
// (RFC 2822 §4.3: "-0000") or no zone at all: the time is read as written, at UTC, so the day is
// the day written; the instant may be off by the zone's offset.

/** Minutes east of UTC of the zone names whose offset is certain. */
const NAMED_ZONES: ReadonlyMap<string, number> = new Map([
  // RFC 822 §5.1, and UTC.
  ['UT', 0],
  ['UTC', 0],
  ['GMT', 0],
  ['Z', 0],
  ['EST', -300],
  ['EDT', -240],
  ['CST', -360],
  ['CDT', -300],
  ['MST', -420],
  ['MDT', -360],
  ['PST', -480],
  ['PDT', -420],
  // Europe and the Middle East.
  ['WET', 0],
  ['WEST', 60],
  ['BST', 60],
  ['CET', 60],
  ['CEST', 120],
  // German for CET and CEST: Mitteleuropäische (Sommer)zeit.
  ['MEZ', 60],
  ['MESZ', 120],
  ['EET', 120],
  ['EEST', 180],
  ['MSK', 180],
  ['IDT', 180],
]);

/** `+0300`, `+03:00`, `+03`, `+3`, after `GMT` or `UTC` or alone; perhaps a zone name after it (`+0300 EEST`: the number says it). */
const NUMERIC_ZONE = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?(?:\s*[A-Z]{1,5})?$/i;
const NAMED_ZONE = /^[A-Z]{1,5}$/i;
/** The farthest offsets in use: UTC−12 and UTC+14. */
const MAX_OFFSET_HOURS = 14;

/**
 * What the zone text says: `offset` in minutes east of UTC (0 for none, or a name whose offset is
 * not certain, per the rule above); undefined when the text is no zone Sitrep can read
 * (`Asia/Damascus`, `+25`).
 */
export function zoneOffset(text: string): { offset: number } | undefined {
  const zone = text.trim();
  if (zone === '') return { offset: 0 };
  const numeric = NUMERIC_ZONE.exec(zone);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > MAX_OFFSET_HOURS || minutes > 59) return undefined;
    return { offset: (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes) };
  }
  if (NAMED_ZONE.test(zone)) return { offset: NAMED_ZONES.get(zone.toUpperCase()) ?? 0 };
  return undefined;
}
