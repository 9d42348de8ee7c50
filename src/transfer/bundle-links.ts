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
  // Folded rather than spread: a bundle's revisions outnumber the arguments a call may take.
  const numbers = [...ids.keys()].filter((id): id is number => typeof id === 'number');
  const [min, max] = numbers.reduce(([lo, hi], id) => [Math.min(lo, id), Math.max(hi, id)], [Infinity, -Infinity]);
  return `its ${ids.size} ${kind} records have ids ${min}–${max}`;
}

/** A link of a record that names one not read yet: checked once the whole bundle is read. */
interface Pending {
  line: number;
  record: string;
  link: Link;
}

/**
 * Checks the links of a bundle read a record at a time: each kind's ids, with the line of each
 * record, and the links naming a record not read yet (few: a bundle lists what is named before
 * what names it, an actor's affiliation aside). A second record with an id already seen is refused.
 */
export class BundleLinks {
  private readonly ids = new Map<RecordKind, Map<unknown, number>>();
  private readonly pending: Pending[] = [];
  private duplicate: ImportFileError | undefined;

  add(record: BundleRecord): void {
    const { kind, line, fields } = record;
    const seen = this.ids.get(kind) ?? this.ids.set(kind, new Map()).get(kind)!;
    const id = fields[ID_FIELD[kind]];
    const first = seen.get(id);
    if (first !== undefined) {
      this.duplicate ??= new ImportFileError(`line ${line}: ${recordNoun(kind)} with ${ID_FIELD[kind]} ${String(id)} again (the first is on line ${first}): give each record its own ${ID_FIELD[kind]}`);
    } else seen.set(id, line);
    for (const link of linksOf(record)) if (!this.ids.get(link.kind)?.has(link.id)) this.pending.push({ line, record: recordName(kind, fields), link });
  }

  /** Refuses a bundle that gives an id twice (the first such record), else one in which a record names one the bundle does not hold. */
  check(): void {
    if (this.duplicate) throw this.duplicate;
    for (const { line, record, link } of this.pending) {
      const known = this.ids.get(link.kind) ?? new Map<unknown, number>();
      if (known.has(link.id)) continue;
      const shown = typeof link.id === 'string' ? `\`${link.id}\`` : String(link.id);
      throw new ImportFileError(
        `line ${line}: ${record}: ${link.field} names ${link.kind} ${shown}, but the bundle holds no ${link.kind} record ` +
          `with ${ID_FIELD[link.kind]} ${shown} (${present(link.kind, known)}): add that record, or name one the bundle holds`,
      );
    }
  }
}
