// A failure of an adapter's own code (the dispatcher answers for the commands it runs): logged
// with a fresh error id, which the apology the user sees quotes.
import { randomBytes } from 'node:crypto';
import { internalErrorView } from './error-views.js';
import type { Logger } from './logger.js';
import type { View } from './view.js';

export function adapterFailure(logger: Logger, error: unknown, message: string, context: Record<string, unknown>): View {
  const errorId = randomBytes(4).toString('hex');
  logger.error({ err: error, errorId, ...context }, message);
  return internalErrorView(errorId);
}
