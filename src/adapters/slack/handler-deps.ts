// What every Slack listener shares: the dispatcher, the core's buttons and forms, the log and the
// guard against a request Slack delivers twice.
import type { Caller } from '../../core/caller.js';
import { DeliveryIds } from '../../core/delivery-ids.js';
import type { Dispatcher } from '../../core/dispatcher.js';
import type { Interactions } from '../../core/interaction/interactions.js';
import type { Logger } from '../../core/logger.js';
import type { View } from '../../core/view.js';
import { RESPONSE_URL_LIFETIME_MS } from './limits.js';
import type { SlackPictures } from './picture.js';

/** Delivery ids (trigger ids, view ids) already handled, remembered while Slack may redeliver. */
export class SeenIds extends DeliveryIds {
  constructor(now?: () => number) {
    super(RESPONSE_URL_LIFETIME_MS, now);
  }
}

export interface HandlerDeps {
  dispatcher: Dispatcher;
  interactions: Interactions;
  logger: Logger;
  seen: SeenIds;
  pictures: SlackPictures;
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
