// Watches an earlier Sitrep paused when Slack or Discord refused Sitrep itself (its token, its
// scopes) are resumed by migration 0048; their cursors stayed where their last message left them,
// so the next message of each carries what changed since. Here, at the watch runner's start, the
// operator reads once how many and why.
import type { Logger } from '../core/logger.js';
import type { WatcherKey } from '../core/watch/watch-port.js';

/** What the store keeps of the watchers 0048 resumed: returned once, then forgotten. */
export interface LiftedWatchPauses {
  liftedPauses(): WatcherKey[];
}

/** Says how many watchers migration 0048 resumed, the first time a runner starts after it; returns how many. */
export function reportLiftedWatchPauses(store: LiftedWatchPauses, logger: Logger): number {
  const resumed = store.liftedPauses();
  if (resumed.length === 0) return 0;
  const platforms = [...new Set(resumed.map((who) => who.platform))];
  const count = resumed.length === 1 ? "1 person's watches" : `${resumed.length} people's watches`;
  logger.warn(
    { watchers: resumed, platforms },
    `${count} paused by an earlier Sitrep because ${platforms.join(' or ')} refused Sitrep itself (its token or scopes), not the person, ` +
      `are resumed: such a refusal no longer pauses anyone's watches, their messages wait for the operator to fix the app; ` +
      'the next message of each carries what changed since their last',
  );
  return resumed.length;
}
