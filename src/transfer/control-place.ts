// Where a refused row's text holds a control character. The refusal repeats the text's first 40
// characters, where the character seldom is, and a C1 control (U+0080–U+009F, what Windows-1252
// leaves unassigned) shows as nothing in most editors: the row's line alone would not find it.
import { codePointName, DELETE_AND_C1 } from '../core/text.js';
import type { RawRow } from './source-row.js';

/** What /entry add refuses as a control character (core/option-values): tabs and line ends are text. */
const CONTROL_CHARACTER = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f${DELETE_AND_C1}]|\\r(?!\\n)`);
/** A refused list item's field, as row-sources and row-claims name it: `claims` item 2: `note`. */
const LIST_ITEM = /^`(\w+)` item (\d+): `(\w+)`/;
const SHOWN_BEFORE = 20;

/** The first text in `value` (text, or a list or object of them) holding a control character. */
function textWithControl(value: unknown): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? value : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const item of Object.values(value)) {
    const found = textWithControl(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A list field's value as data: a CSV cell holds it as JSON text. */
function listOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The value the refusal is about: the option's field, or the list item's field it names. */
function refusedValue(row: RawRow, reason: string, option: string | undefined): unknown {
  const item = LIST_ITEM.exec(reason);
  if (item) {
    const list = listOf(row[item[1]!]);
    return Array.isArray(list) ? (list[Number(item[2]) - 1] as Record<string, unknown> | undefined)?.[item[3]!] : undefined;
  }
  return option === undefined ? undefined : row[option];
}

/** For a refusal of a control character, which one and where: `U+009D is character 41 of the text, after `…ind“``. */
export function controlCharacterPlace(row: RawRow, reason: string, option?: string): string | undefined {
  if (!reason.includes('without control characters')) return undefined;
  const text = textWithControl(refusedValue(row, reason, option));
  const at = text === undefined ? undefined : CONTROL_CHARACTER.exec(text);
  if (!text || !at) return undefined;
  const before = [...text.slice(0, at.index)];
  const shown = before.slice(-SHOWN_BEFORE).join('');
  const where = before.length === 0 ? 'the first character of the text' : `character ${before.length + 1} of the text, after \`${before.length > SHOWN_BEFORE ? '…' : ''}${shown}\``;
  return `${codePointName(at[0])} is ${where}: take it out.`;
}
