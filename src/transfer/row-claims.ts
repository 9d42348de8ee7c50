// Reads the claims an import row may carry (`claims`): a JSON list of {actor, stance, date, url,
// outlet, attribution, grade, note}, or the same as JSON text in a CSV cell. Each claim is checked
// as /entry claim checks its options, except that its date is required (an import has no "today").
import { CLAIM_OPTIONS, claimFrom } from '../../commands/entry/claim.js';
import type { ClaimInput } from '../core/domain.js';
import { isUserError } from '../core/errors.js';
import { convertArgs } from '../core/option-values.js';
import type { DossierReader } from '../core/ports.js';
import { CLAIM_LIST_FIELD } from './import-fields.js';
import { listItems, type ListShape } from './row-sources.js';
import { isNone, RowProblem, textOf } from './row-values.js';
import type { RawRow } from './source-row.js';

/** The key a claim object uses for each option of /entry claim. */
const CLAIM_KEYS: Readonly<Record<string, string>> = {
  actor: 'actor', stance: 'stance', date: 'date', url: 'source_url', outlet: 'outlet', attribution: 'attribution', grade: 'grade', note: 'note',
};
const KEYS = Object.keys(CLAIM_KEYS);
const SHAPE: ListShape = {
  keys: KEYS,
  example: '[{"actor": "Syria", "stance": "denies", "date": "2025-07-26", "outlet": "SANA"}]',
  itemExample: '{"actor": "Syria", "stance": "denies", "date": "2025-07-26", "outlet": "SANA"}',
};

/** Names a claim object's key, not the /entry claim option, in a refusal about one claim. */
const claimMessage = (message: string) =>
  message.replace(/Option `(\w+)`(?: of \/entry claim)?|`(\w+)`/g, (whole, option?: string, bare?: string) => {
    const name = option ?? bare!;
    const key = KEYS.find((k) => CLAIM_KEYS[k] === name);
    return key === undefined ? whole : `\`${key}\``;
  });

/** The actors the row's claims name, as given (unread claims name none: rowClaims refuses them). */
export function claimActorNames(row: RawRow): string[] {
  if (isNone(row[CLAIM_LIST_FIELD])) return [];
  try {
    return listItems(CLAIM_LIST_FIELD, row[CLAIM_LIST_FIELD], SHAPE).flatMap((item) => (typeof item.actor === 'string' && item.actor.trim() !== '' ? [item.actor.trim()] : []));
  } catch {
    return [];
  }
}

/** The actor each of the row's claims names, as given, in the row's order (for a row rowClaims has read). */
export function rowClaimActors(row: RawRow): (string | undefined)[] {
  if (isNone(row[CLAIM_LIST_FIELD])) return [];
  return listItems(CLAIM_LIST_FIELD, row[CLAIM_LIST_FIELD], SHAPE).map((item) => (typeof item.actor === 'string' || typeof item.actor === 'number' ? String(item.actor).trim() : undefined));
}

export function rowClaims(row: RawRow, dossier: DossierReader): ClaimInput[] | undefined {
  if (isNone(row[CLAIM_LIST_FIELD])) return undefined;
  return listItems(CLAIM_LIST_FIELD, row[CLAIM_LIST_FIELD], SHAPE).map((item, i) => {
    const label = `\`${CLAIM_LIST_FIELD}\` item ${i + 1}`;
    const values: Record<string, string> = {};
    for (const key of KEYS) if (!isNone(item[key])) values[CLAIM_KEYS[key]!] = textOf(key, item[key], `${label} \`${key}\``);
    try {
      return claimFrom(convertArgs(CLAIM_OPTIONS, values, 'entry claim'), dossier);
    } catch (error) {
      if (isUserError(error)) throw new RowProblem(`${label}: ${claimMessage([error.message, ...error.hints].join(' '))}`);
      throw error;
    }
  });
}
