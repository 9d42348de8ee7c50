// Instants a reply prints, on the clock the channel reads its days by (its digest's zone, else
// SITREP_TZ): a newsroom in Beirut sees its own 09:15, not 07:15 UTC, as past views do.
import type { CommandContext } from '../src/core/command-spec.js';
import { instantsIn, type InstantWriter } from '../src/core/past-instant.js';
import { viewZone } from './as-of.js';

export type { InstantWriter };

/** A writer of instants in the caller's channel zone; the zone is looked up once per reply. */
export function instantsFor(ctx: CommandContext): InstantWriter {
  return instantsIn(viewZone(ctx));
}
