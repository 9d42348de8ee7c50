// The sources a correcting row leaves an entry with. As /entry edit does, a source field the row
// does not give (a column the file lacks, a key a listed source omits) keeps the stored value of
// the source it matches, and a row that gives only the flat source fields edits that one source,
// keeping the others: only a field given (even empty) replaces what is stored.
import type { SourceRecord } from '../core/domain.js';
import { SOURCE_KEYS } from './import-fields.js';
import { listItems } from './row-sources.js';
import type { RawRow } from './source-row.js';
import { isNone } from './row-values.js';

type SourceKey = 'url' | 'outlet' | 'attribution' | 'published' | 'grade';
const KEYS = Object.keys(SOURCE_KEYS) as SourceKey[];
const SHAPE = { keys: KEYS, example: '', itemExample: '' };

/** The site a link's outlet defaults to, as /entry add names it. */
const siteOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

interface RowSource {
  source: SourceRecord;
  /** The keys the row gives for it, empty ones included (they empty the field). */
  given: ReadonlySet<SourceKey>;
  /** Which stored source it stands for when no stored source has its URL. */
  position: number;
}

/** The row's sources with the keys each gives, in the order row-validation reads them. */
function rowSources(row: RawRow, checked: readonly SourceRecord[]): RowSource[] {
  const listField = !isNone(row.sources) ? 'sources' : !isNone(row.more_sources) ? 'more_sources' : undefined;
  const items = listField ? listItems(listField, row[listField], SHAPE) : [];
  const flat = checked.length - items.length;
  const flatGiven = new Set(KEYS.filter((key) => SOURCE_KEYS[key]! in row));
  return checked.map((source, i) =>
    i < flat
      ? { source, given: flatGiven, position: 0 }
      : { source, given: new Set(KEYS.filter((key) => key in items[i - flat]!)), position: listField === 'more_sources' ? i - flat + 1 : i - flat },
  );
}

/** `stored` with the fields `given` laid over it. */
function mergedSource(stored: SourceRecord, { source, given }: RowSource): SourceRecord {
  const next: SourceRecord = { ...stored };
  for (const key of ['url', 'attribution', 'published', 'grade'] as const) {
    if (!given.has(key)) continue;
    if (source[key]) next[key] = source[key];
    else delete next[key];
  }
  // An outlet that was only the old link's site follows a new link, as on /entry edit.
  const siteOnly = stored.url !== undefined && stored.outlet === siteOf(stored.url);
  if (given.has('outlet') || (siteOnly && next.url !== stored.url) || !next.outlet) next.outlet = source.outlet;
  return next;
}

/** The entry's sources after a correcting row: `checked` is the row's sources as /entry add reads them. */
export function correctedSources(stored: readonly SourceRecord[], checked: readonly SourceRecord[], row: RawRow): SourceRecord[] {
  const sources = rowSources(row, checked);
  const matched = sources.map(({ source }) => (source.url ? stored.findIndex((s) => s.url === source.url) : -1));
  // A source no stored one shares a link with stands for the one in its place, unless that is matched already.
  sources.forEach(({ position }, i) => {
    if (matched[i]! < 0 && position < stored.length && !matched.includes(position)) matched[i] = position;
  });
  const merged = sources.map((s, i) => (matched[i]! >= 0 ? mergedSource(stored[matched[i]!]!, s) : s.source));
  // Without `sources` or `more_sources`, the row gives the first source only: the others stay.
  if ('sources' in row || 'more_sources' in row || merged.length === 0) return merged;
  if (matched[0]! < 0) return [merged[0]!, ...stored];
  return stored.map((s, i) => (i === matched[0] ? merged[0]! : s));
}
