// What every interaction handler needs from the running adapter.
import type { Dispatcher } from '../../core/dispatcher.js';
import type { Logger } from '../../core/logger.js';
import type { FormSessions } from './form-sessions.js';
import type { PageSessions } from './page-sessions.js';

export interface InteractionContext {
  dispatcher: Dispatcher;
  sessions: PageSessions;
  /** Open modals and the slash-command options waiting for their submission. */
  forms: FormSessions;
  logger: Logger;
  /** Acknowledge (defer) when the dispatcher has not answered within this many ms. */
  deferAfterMs: number;
}
