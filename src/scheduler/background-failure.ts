// How background work (digest heartbeats, feed checks, watch rounds) reports a failure. A store
// busy with another process's write (an import, a backup's copy) is an ordinary wait, not a
// fault: it is said in one line, without a stack, and the next round tries again.
import { isStoreBusy } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

export function logBackgroundFailure(logger: Logger, what: string, error: unknown, context: Record<string, unknown> = {}): void {
  if (isStoreBusy(error)) logger.warn(context, `${what}: the store was busy with another process's write (an import?); the next round tries again`);
  else logger.error({ ...context, err: error }, `${what} failed`);
}
