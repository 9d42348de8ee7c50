// What every Slack listener shares: the dispatcher, the core's buttons and forms, the log and the
// guard against a request Slack delivers twice.
import { randomBytes } from 'node:crypto';
import type { Caller } from '../../core/caller.js';
import type { Dispatcher } from '../../core/dispatcher.js';
import { internalErrorView } from '../../core/error-views.js';
import type { Interactions } from '../../core/interaction/interactions.js';
import type { Logger } from '../../core/logger.js';
import type { View } from '../../core/view.js';
import { RESPONSE_URL_LIFETIME_MS } from './limits.js';

/** Enough ids for a busy workspace's half hour; the oldest go first beyond it. */
const MAX_SEEN = 10_000;

/** Delivery ids (trigger ids, view ids) already handled, remembered while Slack may redeliver. */
export class SeenIds {
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True the first time an id is offered (within the lifetime), false afterwards. */
  firstTime(id: string): boolean {
    const now = this.now();
    if ((this.seen.get(id) ?? 0) > now) return false;
    this.seen.delete(id);
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < MAX_SEEN) break;
      this.seen.delete(key);
    }
    this.seen.set(id, now + RESPONSE_URL_LIFETIME_MS);
    return true;
  }
}

export interface HandlerDeps {
  dispatcher: Dispatcher;
  interactions: Interactions;
  logger: Logger;
  seen: SeenIds;
}

type SlackUser = { id: string; username?: string; name?: string; team_id?: string };

/**
 * Who is asking, from the user, workspace and channel a Slack payload names; the workspace's
 * command prefix is the caller's context, so a digest it subscribes names commands the same way.
 */
export function slackCaller(user: SlackUser, teamId?: string, channelId?: string, prefix = ''): Caller {
  const workspaceId = teamId ?? user.team_id;
  const displayName = user.username ?? user.name;
  return {
    platform: 'slack',
    userId: user.id,
    ...(workspaceId ? { workspaceId } : {}),
    ...(channelId ? { channelId } : {}),
    ...(displayName ? { displayName } : {}),
    ...(prefix ? { context: prefix } : {}),
  };
}

/** Errors and private views stay with the user even when they asked for `--public`. */
export function isShownInChannel(view: View, askedPublic: boolean): boolean {
  return askedPublic && view.tone !== 'error' && view.private !== true;
}

/** A failure of the adapter's own code (the dispatcher answers its own): logged with an id to quote. */
export function adapterFailure(logger: Logger, error: unknown, message: string, context: Record<string, unknown>): View {
  const errorId = randomBytes(4).toString('hex');
  logger.error({ err: error, errorId, ...context }, message);
  return internalErrorView(errorId);
}
