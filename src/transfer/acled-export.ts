// `npm run export -- --format acled`: the live entries as ACLED data, ACLED's columns in ACLED's
// order (acled-vocabulary), one row per entry of a type ACLED records; the others are counted.
import { stringify } from 'csv-stringify/sync';
import type { App } from '../app.js';
import type { EventType } from '../core/vocabulary.js';
import { acledRow } from './acled-row.js';
import { storedActorFacts } from './actor-facts.js';
import type { PlaceLocator } from './acled-geo.js';
import { ACLED_CODEBOOK_COLUMNS } from './acled-vocabulary.js';
import { guardRow } from './csv-cells.js';

/** The CSV text, row by row; `leftOut` counts the entries of each type ACLED does not record. */
export function* acledText(app: App, ids: readonly number[], locate: PlaceLocator, leftOut: Map<EventType, number>): Generator<string> {
  // Every actor's kind and affiliation: a side and an actor type are read from them.
  const context = { actors: storedActorFacts(app.db), locate };
  const keyOf = app.db.prepare('SELECT key FROM entries WHERE id = ?').pluck();
  yield stringify([[...ACLED_CODEBOOK_COLUMNS]]);
  for (const id of ids) {
    const entry = app.dossier.getEntry(id)!;
    const row = acledRow(entry, keyOf.get(id) as string, context);
    // Names and notes come from chat and from watched feeds: a formula among them is not run (csv-cells).
    if (row) yield stringify([guardRow(row)], { columns: [...ACLED_CODEBOOK_COLUMNS] });
    else leftOut.set(entry.eventType, (leftOut.get(entry.eventType) ?? 0) + 1);
  }
}
