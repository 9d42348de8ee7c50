// Reads the lists of sources an import row may carry (`sources`, `more_sources`): JSON arrays of
// {url, outlet, attribution, published, grade}, or the same as JSON text in a CSV cell. Each source is
// checked as the flat source options of /entry add are; nothing is dropped silently.
import { applyEntryFields } from '../../commands/entry/fields.js';
import type { SourceRecord } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import type { DossierReader } from '../core/ports.js';
import { SOURCE_KEYS, SOURCE_OPTIONS } from './import-fields.js';
import type { RawRow } from './source-row.js';
import { describe, isNone, isObject, RowProblem, textOf } from './row-values.js';

const KEYS = Object.keys(SOURCE_KEYS);
const LIST_EXAMPLE = '[{"outlet": "AFP", "url": "https://example.org/story"}]';
const FLAT_SOURCE = Object.values(SOURCE_KEYS);

export interface SourceList {
  field: 'sources' | 'more_sources';
  items: RawRow[];
}

/** How a list field is written: its keys, and an example of the list and of one item. */
export interface ListShape {
  keys: readonly string[];
  example: string;
  itemExample: string;
}

const SOURCE_SHAPE: ListShape = { keys: KEYS, example: LIST_EXAMPLE, itemExample: '{"outlet": "AFP", "url": "https://…"}' };

/** A list field's objects (a JSON list, or its text in a CSV cell), each with known keys only. */
export function listItems(field: string, value: unknown, shape: ListShape): RawRow[] {
  let list = value;
  if (typeof value === 'string') {
    try {
      list = JSON.parse(value);
    } catch {
      throw new RowProblem(`\`${field}\` must be a JSON list like ${shape.example} — its text is not valid JSON.`);
    }
  }
  if (!Array.isArray(list)) throw new RowProblem(`\`${field}\` must be a list like ${shape.example} — got ${describe(list)}.`);
  return list.map((item, i) => {
    const label = `\`${field}\` item ${i + 1}`;
    if (!isObject(item)) throw new RowProblem(`${label} must be an object like ${shape.itemExample} — got ${describe(item)}.`);
    const unknown = Object.keys(item).find((key) => !shape.keys.includes(key));
    if (unknown !== undefined) throw new RowProblem(`${label} has an unknown key \`${unknown}\`; keys are ${shape.keys.join(', ')}.`);
    return item;
  });
}

/**
 * The row's list of sources, if any. `sources` replaces the flat source options and
 * `more_sources` follows them, so each is refused in the combination that would lose a source.
 */
export function sourceList(row: RawRow, values: Readonly<Record<string, string>>): SourceList | undefined {
  const flat = FLAT_SOURCE.filter((name) => values[name] !== undefined);
  const hasAll = !isNone(row.sources);
  const hasMore = !isNone(row.more_sources);
  if (hasAll && hasMore) throw new RowProblem('Give either `sources` (every source) or `more_sources` (the sources after the first), not both.');
  if (hasAll && flat.length > 0) {
    throw new RowProblem(`\`sources\` lists every source, so \`${flat[0]}\` cannot be given too: move that source into \`sources\`.`);
  }
  if (hasMore && values.outlet === undefined && values.source_url === undefined) {
    throw new RowProblem('`more_sources` lists the sources after the first: give the first in `outlet` or `source_url` (or all of them in `sources`).');
  }
  if (hasAll) return { field: 'sources', items: listItems('sources', row.sources, SOURCE_SHAPE) };
  return hasMore ? { field: 'more_sources', items: listItems('more_sources', row.more_sources, SOURCE_SHAPE) } : undefined;
}

/** Names a source object's key, not the /entry add option, in a refusal about one source. */
function sourceMessage(message: string): string {
  return message.replace(/Option `(\w+)`( of \/entry add)?/g, (_, option: string) => `\`${KEYS.find((k) => SOURCE_KEYS[k] === option) ?? option}\``);
}

/** One listed source, checked as the flat source options would check it. */
export function checkSource(list: SourceList, index: number, dossier: DossierReader): SourceRecord {
  const label = `\`${list.field}\` item ${index + 1}`;
  const item = list.items[index]!;
  const values: Record<string, string> = {};
  for (const key of KEYS) if (!isNone(item[key])) values[SOURCE_KEYS[key]!] = textOf(key, item[key], `${label} \`${key}\``);
  if (values.outlet === undefined && values.source_url === undefined) throw new RowProblem(`${label} needs \`outlet\` or \`url\`.`);
  try {
    const [source] = applyEntryFields(convertArgs(SOURCE_OPTIONS, values, 'entry add'), {}, dossier).sources ?? [];
    return source!;
  } catch (error) {
    if (isUserError(error)) throw new RowProblem(`${label}: ${sourceMessage([error.message, ...error.hints].join(' '))}`);
    throw error;
  }
}
