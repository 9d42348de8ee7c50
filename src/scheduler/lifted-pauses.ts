// Digests an earlier Sitrep paused when Slack or Discord refused Sitrep itself (its token, its
// scopes) are resumed by migration 0047, which cannot work out their next slot from a cron
// expression and parks them at PAUSE_LIFTED_SLOT. Here each gets its next slot, as a subscribe that
// resumes a digest gives it (the next digest carries what changed since the last delivered), and
// the operator reads once how many and why.
import type { Logger } from '../core/logger.js';
import type { DigestStore } from '../core/digest/store-port.js';
import { slotAfter } from './slots.js';

/** Where migration 0047 parks a resumed subscription: no schedule gives it, and it is never due. */
export const PAUSE_LIFTED_SLOT = new Date('9999-12-31T23:59:59.999Z');

/** The platforms whose refusals of Sitrep itself paused digests before (migration 0047 reads theirs only). */
const PLATFORMS = ['slack', 'discord'];

const parked = (store: DigestStore) => store.subscriptions.active(PLATFORMS).filter((sub) => sub.nextSlotAt.getTime() === PAUSE_LIFTED_SLOT.getTime());

/** Gives the subscriptions migration 0047 resumed their next slot after `now`; returns how many it did. */
export function scheduleLiftedPauses(store: DigestStore, now: Date, logger: Logger): number {
  // Read first: a store with none (every start but the first after the upgrade) is not written to.
  if (parked(store).length === 0) return 0;
  // Read again under the write lock: another process starting on the store may have done it.
  const resumed = store.transaction(() => {
    const subs = parked(store);
    for (const sub of subs) store.subscriptions.setNextSlot(sub.id, slotAfter(sub, now));
    return subs;
  });
  if (resumed.length === 0) return 0;
  const platforms = [...new Set(resumed.map((sub) => sub.channel.platform))];
  const count = resumed.length === 1 ? '1 digest subscription' : `${resumed.length} digest subscriptions`;
  logger.warn(
    { subscriptions: resumed.map((sub) => sub.id), platforms },
    `${count} paused by an earlier Sitrep because ${platforms.join(' or ')} refused Sitrep itself (its token or scopes), not the channel, ` +
      `${resumed.length === 1 ? 'is' : 'are'} resumed: such a refusal no longer pauses a channel, its digests wait for the operator to fix the app; ` +
      'the next digest of each carries what changed since its last',
  );
  return resumed.length;
}
