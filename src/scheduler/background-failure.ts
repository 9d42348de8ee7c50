// How background work (digest heartbeats, feed checks, watch rounds) reports a failure. A store
// busy with another write is an ordinary wait, not a fault: it is said in one line, without a
// stack, and the next round tries again. The writer may well be this bot's own feed checks (its
// worker thread writes on a connection of its own), so the line does not blame another process.
import { isStoreBusy } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

/** What a busy store means for the operator: who may be writing, and that nothing needs doing. */
const STORE_BUSY_NOTE = 'the store was busy with another write (a feed check, an import or a backup)';

export function logBackgroundFailure(logger: Logger, what: string, error: unknown, context: Record<string, unknown> = {}): void {
  if (isStoreBusy(error)) logger.warn(context, `${what}: ${STORE_BUSY_NOTE}; the next round tries again`);
  else logger.error({ ...context, err: error }, `${what} failed`);
}
