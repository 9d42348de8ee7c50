// Slack's refusals of a direct message, told apart: those that refuse Sitrep itself (its token, its
// scopes: every person is refused alike until the app is fixed) carry what the operator must do;
// the rest are the person's (`cannot_dm_bot`, `user_not_found`, `user_not_visible`,
// `user_disabled`…), which pause their watches. Rate limits and Slack's own trouble are retried
// whoever they hit (poster.ts).
import { webApi } from '@slack/bolt';
import type { DeliveryError } from '../../core/poster.js';

const TOKEN_REFUSED =
  'Slack no longer accepts the bot token: reinstall the app to the workspace (or reactivate it), set SLACK_BOT_TOKEN to its Bot User OAuth Token and restart Sitrep';
const WORKSPACE_REFUSED = 'a Slack workspace admin must approve the app for the workspace (or give it back its access), then watch messages go out again';

/** What the operator does about each refusal of Sitrep itself; `needed` is the scope Slack names, if it does. */
const SITREPS_OWN: Readonly<Record<string, (needed?: string) => string>> = {
  missing_scope: (needed) => `add the ${needed ?? 'im:write'} scope to the Slack app (OAuth & Permissions) and reinstall it to the workspace`,
  // Sitrep's own conversation with the person: not the person's doing, but the app's scopes.
  not_in_channel: () => 'the app may not post in its own direct messages: give it the chat:write and im:write scopes (OAuth & Permissions) and reinstall it to the workspace',
  invalid_auth: () => TOKEN_REFUSED,
  not_authed: () => TOKEN_REFUSED,
  token_revoked: () => TOKEN_REFUSED,
  token_expired: () => TOKEN_REFUSED,
  account_inactive: () => TOKEN_REFUSED,
  team_access_not_granted: () => WORKSPACE_REFUSED,
  no_permission: () => WORKSPACE_REFUSED,
};

/**
 * `failure` (deliveryErrorFrom's reading of `error`, a refusal of a direct message), marked as
 * Sitrep's own to end when Slack refused the app rather than the person.
 */
export function directFailure(error: unknown, failure: DeliveryError): DeliveryError {
  const e = error as { code?: string; data?: { error?: string; needed?: string } };
  if (e.code !== webApi.ErrorCode.PlatformError || failure.kind !== 'permanent') return failure;
  const fix = SITREPS_OWN[e.data?.error ?? ''];
  return fix ? failure.forOperator(fix(e.data?.needed)) : failure;
}
