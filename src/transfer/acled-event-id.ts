// The ACLED export's `event_id_cnty`. ACLED's own ids are a country's alpha-3 code and a number
// (`SYR17870`): an entry number written that way names some other, real ACLED event, and a join
// of the export with ACLED's data would match it. The entry's stable key after a `sitrep-` prefix
// is never one of ACLED's, is the same in every store the entry travels to, and is the CSV
// export's `event_id` once the prefix is dropped.

const PREFIX = 'sitrep-';

/** `sitrep-01984a1e-7c40-7d5e-9a51-3c8f6f0e2b17`: the entry's key, marked as Sitrep's. */
export const acledEventId = (entryKey: string): string => `${PREFIX}${entryKey}`;
