-- Digests paused because Slack or Discord refused Sitrep itself rather than the channel: a token
-- it no longer takes or a scope the app lacks (Slack invalid_auth, not_authed, token_revoked,
-- token_expired, account_inactive, missing_scope, team_access_not_granted, no_permission;
-- Discord 401). Sitrep no longer pauses a channel for such a refusal: its digests wait for the
-- operator to fix the app. Those paused before stayed paused, and their channels' admins could not
-- fix them: the pauses are lifted here, as Sitrep reads the reasons its posters wrote.
--
-- The next slot cannot be worked out from a cron expression in SQL: the lifted subscriptions are
-- parked at this slot, which no schedule gives and is never due, and the digest runtime gives
-- each its next slot when it starts, saying how many it resumed (src/scheduler/lifted-pauses.ts).
UPDATE digest_subscriptions
SET paused_at = NULL, paused_reason = NULL, next_slot_at = '9999-12-31T23:59:59.999Z'
WHERE paused_at IS NOT NULL
  AND (
    (platform = 'slack' AND paused_reason IN (
      'Slack refused the message: invalid_auth',
      'Slack refused the message: not_authed',
      'Slack refused the message: token_revoked',
      'Slack refused the message: token_expired',
      'Slack refused the message: account_inactive',
      'Slack refused the message: missing_scope',
      'Slack refused the message: team_access_not_granted',
      'Slack refused the message: no_permission'
    ))
    -- Discord's words for a 401 since the refusal was written `Discord refused the message: …`, and before.
    OR (platform = 'discord' AND (paused_reason LIKE 'Discord refused the message: 401: %' OR paused_reason LIKE '%Discord answered 401 (%'))
  );
