// ACLED's own data (downloaded from ACLED, answered by its API, or written by `npm run export --
// --format acled`), which Sitrep does not read: refused as a whole file, in any format, with the
// same pointer to Sitrep's own columns, rather than row by row as unknown fields.
import { REQUIRED_FIELDS } from './import-fields.js';

/** A column of ACLED's own data, which Sitrep's exports do not write. */
export const ACLED_DATA_COLUMN = 'event_id_cnty';

/** Why the file is refused; `how` says how it was told ACLED's. */
export const acledDataProblem = (how: string): string =>
  `this is ACLED data (${how}): Sitrep does not read ACLED data, whether downloaded from ACLED or written by \`npm run export -- --format acled\`. Import CSV or JSON with Sitrep's columns (${REQUIRED_FIELDS.join(', ')}, …: see "Import and export" in the README), such as an export made with --format csv or json`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAcledRow = (value: unknown): boolean => isRecord(value) && ACLED_DATA_COLUMN in value;

/** How a JSON value is told ACLED's, if it is: rows with its column, or its API's answer. */
export function acledJson(value: unknown): string | undefined {
  if (Array.isArray(value) && value.some(isAcledRow)) return `its rows have ACLED's \`${ACLED_DATA_COLUMN}\` field`;
  // ACLED's API answers {"status": 200, "success": true, "data": [rows]}.
  if (isRecord(value) && Array.isArray(value.data) && ('status' in value || value.data.some(isAcledRow))) return 'it is an answer of ACLED\'s API, {"status": …, "data": [ … ]}';
  return undefined;
}
