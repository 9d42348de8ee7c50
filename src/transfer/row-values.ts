// Turns one import row's values (JSON values, or CSV text) into the option text /entry add
// takes. Refuses what that text cannot carry faithfully, rather than guess.
import { closestNames } from '../core/ranking.js';
import { ACTOR_KINDS } from '../core/vocabulary.js';
import { ACLED_COLUMNS, ENTRY_OPTIONS, IMPORT_FIELDS, KEY_FIELD, LIST_FIELDS, LOCATED_FIELD, OPTION_NAMES, PLACE_REFS_FIELD, REVISION_FIELD } from './import-fields.js';
import type { RawRow } from './source-row.js';

/** A problem with a row's shape; its message is the row's reason, as a refused option's is. */
export class RowProblem extends Error {}

const TEXT_LIST_FIELDS = new Set(['places', 'actors', 'tags']);
/** Read apart: the key by row-key, the revision by row-revision, the source and claim lists by their own readers, `located` and `place_refs` by row-places. */
const IGNORED = new Set([KEY_FIELD, REVISION_FIELD, LOCATED_FIELD, PLACE_REFS_FIELD, ...ACLED_COLUMNS, ...LIST_FIELDS]);
const KNOWN = new Set(OPTION_NAMES);
const ACTOR_KEYS = ['name', 'role', 'kind'];

/** What to show as the expected text: the option's own example, or one closer to the need. */
const EXAMPLES: Record<string, string> = {
  date: '2025-07-12', end: '2025-07-12', published: '2025-07-12', summary: '"What happened, as sourced"', url: 'https://example.org/story',
  places: '"Baku"', actors: '"Israel:initiator"', tags: '"ceasefire"',
};
const exampleOf = (field: string) => EXAMPLES[field] ?? ENTRY_OPTIONS.find((o) => o.name === field)?.example ?? '"…"';

export const isObject = (value: unknown): value is RawRow => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `null`, `""` and `[]` mean "none", as an omitted option does: what an export writes for an empty field. */
export const isNone = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'an object';
  return `\`${String(value)}\``;
}

/** A value as text. A number is its text (`"date": 2025`); anything else that is not text is refused. */
export function textOf(field: string, value: unknown, label = `\`${field}\``): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new RowProblem(`${label} must be text like ${exampleOf(field)} — got ${describe(value)}.`);
}

/**
 * An actor given as `{name, role}`, as `Name:role` text. Its `kind` says what an import with
 * --create-actors makes of an actor the store does not have (see row-actors).
 */
function actorText(item: RawRow): string {
  const unknown = Object.keys(item).find((key) => !ACTOR_KEYS.includes(key));
  if (unknown !== undefined) throw new RowProblem(`\`actors\` item has an unknown key \`${unknown}\`; keys are name, role and kind.`);
  if (!isNone(item.kind) && !(ACTOR_KINDS as readonly unknown[]).includes(item.kind)) {
    throw new RowProblem(`\`actors\` item \`kind\` must be one of ${ACTOR_KINDS.join(', ')} — got ${describe(item.kind)}.`);
  }
  const name = textOf('actors', item.name, '`actors` item `name`');
  return isNone(item.role) ? name : `${name}:${textOf('actors', item.role, '`actors` item `role`')}`;
}

/**
 * One list item. Commas separate items in the option text (as in chat), so an item holding one
 * would be split into two: refused rather than changed.
 */
function itemText(field: string, item: unknown): string {
  const text = field === 'actors' && isObject(item) ? actorText(item) : textOf(field, item, `\`${field}\` item`);
  if (text.includes(',')) {
    throw new RowProblem(`\`${field}\` item \`${text}\` holds a comma, which separates items: give each item separately, without commas.`);
  }
  return text;
}

function listText(field: string, value: unknown): string {
  if (!Array.isArray(value)) return textOf(field, value);
  return value
    .filter((item) => !isNone(item))
    .map((item) => itemText(field, item))
    .join(', ');
}

/** The fields that hold a date, which a spreadsheet may have rewritten (see spreadsheetDay). */
export const DATE_FIELDS: ReadonlySet<string> = new Set(['date', 'end', 'published']);

/** A date cell as spreadsheets and data tools save one: the day at midnight (`2025-07-24 00:00:00`, `2025-07-24T00:00:00.000Z`). */
const MIDNIGHT = /^(\d{4}-\d{1,2}-\d{1,2})[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?$/;

/** The day of a date saved at midnight; any other text as it is (a time of day is no part of an entry's date: refused as given). */
const spreadsheetDay = (text: string): string => MIDNIGHT.exec(text.trim())?.[1] ?? text;

/**
 * A figure a data tool saved as a decimal: pandas writes a number column that has blanks as
 * floats (`3.0`), as a spreadsheet may show a revision as `27.0` (see row-revision). A fraction
 * (`3.5`) is left as it is, for /entry add to refuse.
 */
const WHOLE_AS_DECIMAL = /^\s*(\d+)\.0+\s*$/;
const FIGURE_FIELDS: ReadonlySet<string> = new Set(['fatalities']);
const wholeFigure = (text: string): string => WHOLE_AS_DECIMAL.exec(text)?.[1] ?? text;

/** A field's text as /entry add reads it: a date or a figure as a data tool wrote it is taken back to its own form. */
const fieldText = (key: string, text: string): string => (DATE_FIELDS.has(key) ? spreadsheetDay(text) : FIGURE_FIELDS.has(key) ? wholeFigure(text) : text);

/** The row's /entry add options as text; `sources` and `more_sources` are read by row-sources, `claims` by row-claims. */
export function optionValues(row: RawRow): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(row)) {
    if (IGNORED.has(key)) continue;
    if (!KNOWN.has(key)) {
      const [meant] = closestNames(IMPORT_FIELDS, key, 1);
      throw new RowProblem(`unknown field \`${key}\`${meant ? ` (did you mean \`${meant}\`?)` : ''}; fields are ${IMPORT_FIELDS.join(', ')}.`);
    }
    if (isNone(value)) continue;
    const text = TEXT_LIST_FIELDS.has(key) ? listText(key, value) : textOf(key, value);
    if (text !== '') values[key] = fieldText(key, text);
  }
  return values;
}
