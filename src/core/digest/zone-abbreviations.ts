// Zone abbreviations and offsets as admins type them, for "did you mean": an abbreviation names
// no rules for daylight saving (and several name two places), so the region's zone is offered
// instead; an offset gets no name close to it, since `UTC+2` is not `UTC`.

/** A Map, not an object: a typed `constructor` or `__proto__` must find nothing. */
const BY_ABBREVIATION: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  est: ['America/New_York'], edt: ['America/New_York'], et: ['America/New_York'], eastern: ['America/New_York'],
  cst: ['America/Chicago'], cdt: ['America/Chicago'], ct: ['America/Chicago'], central: ['America/Chicago'],
  mst: ['America/Denver', 'America/Phoenix'], mdt: ['America/Denver'], mountain: ['America/Denver'],
  pst: ['America/Los_Angeles'], pdt: ['America/Los_Angeles'], pt: ['America/Los_Angeles'], pacific: ['America/Los_Angeles'],
  bst: ['Europe/London'], wet: ['Europe/Lisbon'], west: ['Europe/Lisbon'],
  cet: ['Europe/Paris', 'Europe/Berlin', 'Europe/Brussels'], cest: ['Europe/Paris', 'Europe/Berlin', 'Europe/Brussels'],
  eet: ['Asia/Beirut', 'Europe/Athens', 'Africa/Cairo'], eest: ['Asia/Beirut', 'Europe/Athens', 'Africa/Cairo'],
  idt: ['Asia/Jerusalem'], ist: ['Asia/Jerusalem', 'Asia/Kolkata', 'Europe/Dublin'],
  ast: ['Asia/Riyadh', 'Asia/Baghdad', 'America/Halifax'], msk: ['Europe/Moscow'], trt: ['Europe/Istanbul'],
  irst: ['Asia/Tehran'], gst: ['Asia/Dubai'], pkt: ['Asia/Karachi'], jst: ['Asia/Tokyo'], aest: ['Australia/Sydney'],
}));

/** The zones an abbreviation is commonly written for (`EST` → America/New_York), or undefined. */
export function zonesForAbbreviation(typed: string): readonly string[] | undefined {
  return BY_ABBREVIATION.get(typed.trim().toLowerCase().replace(/\.$/, ''));
}

/** `UTC+2`, `GMT-5`, `+02:00`, `utc +3`: an offset, written with or without UTC or GMT before it. */
export function isOffsetText(typed: string): boolean {
  return /^(?:utc|gmt)?\s*[+\-\u2212\u2013]\s*\d{1,2}(?::?\d{2})?$/i.test(typed.trim());
}
