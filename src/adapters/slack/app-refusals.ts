// Slack's refusals of a post, told apart: those that refuse Sitrep itself (its token, its scopes:
// every person and every channel is refused alike until the app is fixed) carry what the operator
// must do; the rest are the person's (`cannot_dm_bot`, `user_not_found`, `user_not_visible`,
// `user_disabled`…), which pause their watches, or the channel's (`not_in_channel`,
// `channel_not_found`, `is_archived`…), which pause its digest. Rate limits and Slack's own
// trouble are retried whoever they hit (poster.ts).
import { webApi } from '@slack/bolt';
import type { DeliveryError } from '../../core/poster.js';

const TOKEN_REFUSED =
  'Slack no longer accepts the bot token: reinstall the app to the workspace (or reactivate it), set SLACK_BOT_TOKEN to its Bot User OAuth Token and restart Sitrep';

/** What the operator does about each refusal of Sitrep itself; `needed` is the scope Slack names, if it does. */
type Fixes = Readonly<Record<string, (needed?: string) => string>>;

/** The refusals of Sitrep itself wherever it posts: `what` waits meanwhile, `usualScope` is the one a missing_scope most likely names. */
function sitrepsOwn(what: string, usualScope: string): Fixes {
  const token = () => TOKEN_REFUSED;
  const workspace = () => `a Slack workspace admin must approve the app for the workspace (or give it back its access), then ${what} go out again`;
  return {
    missing_scope: (needed) => `add the ${needed ?? usualScope} scope to the Slack app (OAuth & Permissions) and reinstall it to the workspace`,
    invalid_auth: token,
    not_authed: token,
    token_revoked: token,
    token_expired: token,
    account_inactive: token,
    team_access_not_granted: workspace,
    no_permission: workspace,
  };
}

const IN_DIRECT_MESSAGES: Fixes = {
  ...sitrepsOwn('watch messages', 'im:write'),
  // Sitrep's own conversation with the person: not the person's doing, but the app's scopes.
  not_in_channel: () => 'the app may not post in its own direct messages: give it the chat:write and im:write scopes (OAuth & Permissions) and reinstall it to the workspace',
};

// In a channel, `not_in_channel` is the channel's (the app was not invited there): its admins fix it.
const IN_CHANNELS: Fixes = sitrepsOwn('its posts in channels', 'chat:write');

/**
 * `failure` (deliveryErrorFrom's reading of `error`, a refusal of a direct message), marked as
 * Sitrep's own to end when Slack refused the app rather than the person.
 */
export function directFailure(error: unknown, failure: DeliveryError): DeliveryError {
  return ownFailure(IN_DIRECT_MESSAGES, error, failure);
}

/**
 * `failure` (deliveryErrorFrom's reading of `error`, a refusal of a post in a channel), marked as
 * Sitrep's own to end when Slack refused the app rather than the channel.
 */
export function channelFailure(error: unknown, failure: DeliveryError): DeliveryError {
  return ownFailure(IN_CHANNELS, error, failure);
}

function ownFailure(own: Fixes, error: unknown, failure: DeliveryError): DeliveryError {
  const e = error as { code?: string; data?: { error?: string; needed?: string } };
  if (e.code !== webApi.ErrorCode.PlatformError || failure.kind !== 'permanent') return failure;
  const fix = own[e.data?.error ?? ''];
  return fix ? failure.forOperator(fix(e.data?.needed)) : failure;
}
