// Checks a bundle to be loaded whole as a merge checks it: each entry as an import row, with the
// checks of /entry add (row-validation) and of a row's key (row-key), and each trend call as
// /trend set checks its options. The store itself only checks what its constraints can, so a
// date like 2025-13-45 or a title with control characters would load, and break /timeline.
// Beyond what a row says, the columns the store derives from the dates must be theirs; and an
// actor's names must be what /actors add would take, none naming two actors. The actors and places
// are gathered as the bundle is read (see bundle-file); its entries and trend calls are then read
// again to be checked, so that no more than one is held at a time.
import { setTrend } from '../../commands/trend-set.js';
import type { OptionSpec } from '../core/command-spec.js';
import type { ActorMatch } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import { firstDay, lastDay, parsePartialDate, precisionOf, toIsoPartial, type PartialDate } from '../core/partial-date.js';
import type { DossierReader } from '../core/ports.js';
import type { ActorKind } from '../core/vocabulary.js';
import { foldKey } from '../core/text.js';
import type { BundleName } from '../store/bundle-format.js';
import type { BundleRecord } from '../store/bundle-load.js';
import { entryRow } from './bundle-merge.js';
import { recordName } from './bundle-links.js';
import { checkRow } from './row-validation.js';
import { rowKey } from './row-key.js';
import { ImportFileError } from './source-row.js';

type Fields = Record<string, unknown>;

/** What an entry's check reads of an actor record. */
interface BundleActor {
  id: number;
  name: string;
  kind: ActorKind;
}

/** Answers /entry add's actor lookups from the bundle's actor records (links are checked apart, see bundle-links). */
function bundleActors(actors: readonly BundleActor[]): DossierReader {
  const byName = new Map<string, ActorMatch>();
  for (const { id, name, kind } of actors) if (!byName.has(name)) byName.set(name, { id, name, kind, matchedName: name, rank: 0 });
  const unused = (): never => {
    throw new Error('not read when checking a bundle');
  };
  return {
    actorsNamed: (query) => {
      const match = byName.get(query);
      return match ? [match] : [];
    },
    findActors: () => [],
    allActorNames: () => [...byName.values()].map((a) => ({ actorId: a.id, name: a.name })),
    topics: () => [],
    timeline: unused, getEntry: unused, removedEntry: unused, getActorProfile: unused, coActors: unused, claimsBy: unused,
    search: unused, suggest: unused, lookAlikes: unused, listActors: unused,
  };
}

/** The column a date of the entry gives, or why the stored one is not it. */
function derivedProblem(fields: Fields, column: string, expected: string, from: string): string | undefined {
  if (fields[column] === expected) return undefined;
  return `\`${column}\` must be ${expected}, ${from} — got \`${String(fields[column])}\``;
}

/** The dates as stored (2025-07, not Jul 2025), with the precisions and days derived from them. */
function datesProblem(fields: Fields, start: PartialDate, end: PartialDate | undefined): string | undefined {
  const occurred = toIsoPartial(start);
  const ends = end && toIsoPartial(end);
  return (
    derivedProblem(fields, 'occurred_on', occurred, 'as dates are stored') ??
    derivedProblem(fields, 'occurred_precision', precisionOf(start), `the precision of \`occurred_on\` ${occurred}`) ??
    (end ? derivedProblem(fields, 'ends_on', ends!, 'as dates are stored') : undefined) ??
    (end ? derivedProblem(fields, 'ends_precision', precisionOf(end), `the precision of \`ends_on\` ${ends}`) : undefined) ??
    (!end && fields.ends_precision !== null ? `\`ends_precision\` must be null, as \`ends_on\` is — got \`${String(fields.ends_precision)}\`` : undefined) ??
    derivedProblem(fields, 'day_from', firstDay(start), `the first day of \`occurred_on\` ${occurred}`) ??
    derivedProblem(fields, 'day_to', lastDay(end ?? start), `the last day of \`${end ? 'ends_on' : 'occurred_on'}\` ${ends ?? occurred}`)
  );
}

/** The record's own names for the /entry add options a refusal names (`date` is its `occurred_on`). */
const RECORD_FIELDS: Readonly<Record<string, string>> = { date: 'occurred_on', end: 'ends_on', type: 'event_type' };
const inRecordWords = (reason: string) => reason.replace(/^Option `(\w+)` of \/entry add/, (_, option: string) => `\`${RECORD_FIELDS[option] ?? option}\``);

/** Why an entry record cannot be loaded as it is, if it cannot. */
function entryProblem(fields: Fields, places: ReadonlyMap<number, string>, actorName: (id: number) => string | undefined, reader: DossierReader): string | undefined {
  const row = entryRow(fields, places, actorName);
  try {
    // An entry made before keys, in a store never migrated past them (as the bench builds), has none.
    if (fields.key !== null && rowKey(row) !== fields.key) return `\`key\` must be in lower case, as keys are stored — got \`${String(fields.key)}\``;
  } catch (error) {
    return (error as Error).message.replace(/; leave it empty for a new entry\.$/, '');
  }
  const check = checkRow(row, reader);
  if (!check.ok) return inRecordWords(check.reason);
  return datesProblem(fields, check.input.start, check.input.end);
}

/** Why a trend call record cannot be loaded, if it cannot: its options as /trend set checks them, and its day. */
function trendCallProblem(fields: Fields): string | undefined {
  const day = typeof fields.day === 'string' ? parsePartialDate(fields.day) : undefined;
  if (!day || precisionOf(day) !== 'day' || toIsoPartial(day) !== fields.day) return `\`day\` must be a day like 2025-07-12 — got \`${String(fields.day)}\``;
  const options: Record<string, string> = {};
  for (const name of ['topic', 'direction', 'note', 'alert']) if (typeof fields[name] === 'string') options[name] = fields[name];
  try {
    convertArgs(setTrend.options ?? [], options, 'trend set');
    return undefined;
  } catch (error) {
    if (isUserError(error)) return [error.message, ...error.hints].join(' ');
    throw error;
  }
}

/** A name as /actors add checks its `name` (control characters, direction controls, nothing visible, length). */
const NAME_OPTION: readonly OptionSpec[] = [{ name: 'name', description: 'An actor name', type: 'text', maxLength: 100 }];

/** Why a name cannot be an actor's, as /actors add would refuse it, if it cannot. */
export function nameProblem(name: string): string | undefined {
  if (name.includes(',')) return 'has a comma, and commas separate names in lists (actors:, aliases:)';
  try {
    convertArgs(NAME_OPTION, { name }, 'actors add');
    return undefined;
  } catch (error) {
    if (isUserError(error)) return error.message.replace(/^Option `name` of \/actors add /, '').replace(/\.$/, '');
    throw error;
  }
}

/**
 * Why an actor record cannot be loaded, if it cannot: its `name` is not its one primary name (an
 * actor not merged away), a name is one /actors add refuses, or a name (folded) already names
 * another actor not merged away (`named`: each such name's first actor, filled as records are read).
 */
function actorProblem(fields: Fields, named: Map<string, { id: number; name: string }>): string | undefined {
  const names = fields.names as BundleName[];
  const primary = names.filter((n) => n.primary);
  // A merged actor's names went to the actor it was merged into.
  const merged = fields.merged_into_id !== null;
  if (!merged && (primary.length !== 1 || primary[0]!.name !== fields.name)) {
    return `\`names\` must hold its \`name\` (${String(fields.name)}) as its one primary name — got ${primary.length === 0 ? 'none' : primary.map((n) => n.name).join(', ')}`;
  }
  for (const [i, { name }] of names.entries()) {
    const problem = nameProblem(name);
    if (problem) return `\`names\` item ${i + 1} (${name}) ${problem}`;
    if (merged) continue;
    const held = named.get(foldKey(name));
    if (held && held.id !== fields.id) return `\`names\` item ${i + 1} (${name}) already names actor ${held.id} (${held.name}): two actors cannot share a name; merge them, or rename one`;
    named.set(foldKey(name), { id: fields.id as number, name: String(fields.name) });
  }
  return undefined;
}

/**
 * Refuses, naming the record's line, the first actor, entry or trend call that /actors add, the
 * merge or /trend set would refuse: `note` is given each record as the bundle is read, then
 * `check` reads its entries and trend calls again.
 */
export class WholeBundleCheck {
  private readonly named = new Map<string, { id: number; name: string }>();
  private readonly actors: BundleActor[] = [];
  private readonly places = new Map<number, string>();
  private actorRefusal: ImportFileError | undefined;

  note({ kind, line, fields }: BundleRecord): void {
    if (kind === 'place') this.places.set(fields.id as number, String(fields.name));
    if (kind !== 'actor') return;
    this.actors.push({ id: fields.id as number, name: String(fields.name), kind: fields.kind as ActorKind });
    if (this.actorRefusal) return;
    const problem = actorProblem(fields, this.named);
    if (problem !== undefined) this.actorRefusal = new ImportFileError(`line ${line}: ${recordName(kind, fields)}: ${problem}`);
  }

  /** Throws for the first actor noted that cannot be loaded, else for the first entry or trend call of `records`. */
  check(records: readonly BundleRecord[]): void {
    if (this.actorRefusal) throw this.actorRefusal;
    const names = new Map(this.actors.map((a) => [a.id, a.name]));
    const reader = bundleActors(this.actors);
    const actorName = (id: number) => names.get(id);
    for (const record of records) {
      const { kind, line } = record;
      if (kind !== 'entry' && kind !== 'trend_call') continue;
      const fields = record.fields;
      const problem = kind === 'entry' ? entryProblem(fields, this.places, actorName, reader) : trendCallProblem(fields);
      if (problem !== undefined) throw new ImportFileError(`line ${line}: ${recordName(kind, fields)}: ${problem.replace(/\.$/, '')}`);
    }
  }
}
