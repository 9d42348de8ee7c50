// Checks that every record a bundle's records name is in the bundle (an entry's topic, places and
// actors, a revision's entry or actor, an actor's affiliation…), and that no id is given twice.
// Without it the store refuses the load only at commit, with "FOREIGN KEY constraint failed" and
// no line; merged, such an entry would lose the link without a word.
import { recordNoun, type RecordKind } from '../store/bundle-format.js';
import type { BundleRecord } from '../store/bundle-load.js';
import { ImportFileError } from './source-row.js';

type Fields = Record<string, unknown>;

/** What identifies a record of each kind: its id, or its name for seed runs and topics. */
const ID_FIELD: Record<RecordKind, string> = {
  seed_run: 'name', topic: 'slug', place: 'id', place_location: 'id', actor: 'id', entry: 'id', revision: 'id', trend_call: 'id',
};

/** `entry 12`, `topic gaza`: a record as a message names it. */
export const recordName = (kind: RecordKind, fields: Fields): string => `${kind} ${String(fields[ID_FIELD[kind]])}`;

/** A link of a record: which field, and the record it names. */
interface Link {
  field: string;
  kind: RecordKind;
  id: unknown;
}

const listLinks = (field: string, items: unknown, idField: string, kind: RecordKind): Link[] =>
  Array.isArray(items) ? items.map((item: Fields, i) => ({ field: `\`${field}\` item ${i + 1}`, kind, id: item[idField] })) : [];

const nullable = (field: string, kind: RecordKind, id: unknown): Link[] => (id === null || id === undefined ? [] : [{ field: `\`${field}\``, kind, id }]);

function linksOf({ kind, fields }: BundleRecord): Link[] {
  switch (kind) {
    case 'place_location':
      return [{ field: '`place_id`', kind: 'place', id: fields.place_id }];
    case 'actor':
      return [...nullable('affiliation_id', 'actor', fields.affiliation_id), ...nullable('merged_into_id', 'actor', fields.merged_into_id)];
    case 'entry':
      return [
        { field: '`topic`', kind: 'topic', id: fields.topic },
        ...listLinks('places', fields.places, 'place_id', 'place'),
        ...listLinks('actors', fields.actors, 'actor_id', 'actor'),
        ...listLinks('claims', fields.claims, 'actor_id', 'actor'),
      ];
    case 'revision':
      return [
        ...(fields.entity === 'entry' || fields.entity === 'actor' ? [{ field: '`entity_id`', kind: fields.entity, id: fields.entity_id } as const] : []),
        ...nullable('undoes', 'revision', fields.undoes),
      ];
    case 'trend_call':
      return [{ field: '`topic`', kind: 'topic', id: fields.topic }];
    default:
      return [];
  }
}

/** What a link may name instead: the bundle's topics by name, other records by their ids' range. */
function present(kind: RecordKind, ids: ReadonlyMap<unknown, number>): string {
  if (ids.size === 0) return `the bundle has no ${kind} records`;
  if (kind === 'topic') return `its topics are ${[...ids.keys()].join(', ')}`;
  const numbers = [...ids.keys()].filter((id): id is number => typeof id === 'number');
  return `its ${ids.size} ${kind} records have ids ${Math.min(...numbers)}–${Math.max(...numbers)}`;
}

/** Each kind's ids, with the line of its record; a second record with an id already seen is refused. */
function idsOf(records: readonly BundleRecord[]): Map<RecordKind, Map<unknown, number>> {
  const ids = new Map<RecordKind, Map<unknown, number>>();
  for (const { kind, line, fields } of records) {
    const seen = ids.get(kind) ?? ids.set(kind, new Map()).get(kind)!;
    const id = fields[ID_FIELD[kind]];
    const first = seen.get(id);
    if (first !== undefined) {
      throw new ImportFileError(`line ${line}: ${recordNoun(kind)} with ${ID_FIELD[kind]} ${String(id)} again (the first is on line ${first}): give each record its own ${ID_FIELD[kind]}`);
    }
    seen.set(id, line);
  }
  return ids;
}

/** Refuses a bundle in which a record names one the bundle does not hold, or gives an id twice. */
export function checkBundleLinks(records: readonly BundleRecord[]): void {
  const ids = idsOf(records);
  for (const record of records) {
    for (const link of linksOf(record)) {
      const known = ids.get(link.kind) ?? new Map<unknown, number>();
      if (known.has(link.id)) continue;
      const shown = typeof link.id === 'string' ? `\`${link.id}\`` : String(link.id);
      throw new ImportFileError(
        `line ${record.line}: ${recordName(record.kind, record.fields)}: ${link.field} names ${link.kind} ${shown}, but the bundle holds no ${link.kind} record ` +
          `with ${ID_FIELD[link.kind]} ${shown} (${present(link.kind, known)}): add that record, or name one the bundle holds`,
      );
    }
  }
}
