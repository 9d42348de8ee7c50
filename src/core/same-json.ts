// Whether two values say the same as JSON, whatever order their objects' keys were written in:
// an entry's sources read back from the store list their fields in another order than the
// snapshot an approval or an import wrote, and that is no change.

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with every object's keys sorted. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field) ? Object.fromEntries(Object.entries(field).sort(byKey)) : field,
  );
}

/** The same JSON, key order aside; the plain comparison first, as it settles nearly every pair. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || stableJson(a) === stableJson(b);
}
