// What every Slack listener shares: the dispatcher, the log, paging state and duplicate guard.
import type { Dispatcher } from '../../core/dispatcher.js';
import type { Logger } from '../../core/logger.js';
import type { View } from '../../core/view.js';
import type { SeenIds } from './interaction-store.js';
import type { Paginator } from './paging.js';

export interface HandlerDeps {
  dispatcher: Dispatcher;
  logger: Logger;
  paginator: Paginator;
  /** Trigger ids already handled: Slack may deliver the same request again. */
  seen: SeenIds;
}

/** Errors and private views stay with the user even when they asked for `--public`. */
export function isShownInChannel(view: View, askedPublic: boolean): boolean {
  return askedPublic && view.tone !== 'error' && view.private !== true;
}
