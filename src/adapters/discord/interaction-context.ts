// What every interaction handler needs from the running adapter.
import type { Dispatcher } from '../../core/dispatcher.js';
import type { Interactions } from '../../core/interaction/interactions.js';
import type { Logger } from '../../core/logger.js';

export interface InteractionContext {
  dispatcher: Dispatcher;
  /** The core's buttons and forms, with what they keep in memory. */
  interactions: Interactions;
  logger: Logger;
  /** Acknowledge (defer) when the work has not finished within this many ms. */
  deferAfterMs: number;
}
