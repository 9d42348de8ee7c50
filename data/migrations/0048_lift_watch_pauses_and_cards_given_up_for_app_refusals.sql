-- Watches paused, and review cards given up, because Slack or Discord refused Sitrep itself rather
-- than the person or the channel: a token it no longer takes, a scope the app lacks, the bot's own
-- access. Sitrep no longer pauses a watcher or gives up a card for such a refusal: they wait for
-- the operator to fix the app. Those from before stayed so, and no person or channel admin could
-- end it: they are lifted here, as 0047 lifted the digests' pauses, read from the reasons the
-- posters wrote.
--
-- A watcher's cursor stays where its last message left it, so its next message carries what
-- changed since. Its reason is kept, with paused_at cleared (a pair no pause or resume leaves):
-- the watch runner's first start says how many it resumed, and clears it
-- (src/scheduler/lifted-watch-pauses.ts).
UPDATE watchers
SET paused_at = NULL
WHERE paused_at IS NOT NULL
  AND (
    -- Slack's refusals of the app in a direct message (src/adapters/slack/app-refusals.ts): in its
    -- own conversation with the person, not_in_channel is the app's scopes, not the person's doing.
    (platform = 'slack' AND paused_reason IN (
      'Slack refused the message: invalid_auth',
      'Slack refused the message: not_authed',
      'Slack refused the message: token_revoked',
      'Slack refused the message: token_expired',
      'Slack refused the message: account_inactive',
      'Slack refused the message: missing_scope',
      'Slack refused the message: team_access_not_granted',
      'Slack refused the message: no_permission',
      'Slack refused the message: not_in_channel'
    ))
    -- Discord's (src/adapters/discord/bot-refusals.ts): a 401, or a 403 other than the person's
    -- (50007 closed direct messages, 50278 no mutual server, 10013 unknown user, 50033 invalid
    -- recipient). Reasons written `Discord refused the message: …` (or `the direct message`) keep
    -- the JSON error code alone: those of a 401 (0, 40001) and of a 403 (50001 Missing Access,
    -- 50013 Missing Permissions, 40002 an unverified account, 20001 an endpoint bots may not use).
    OR (platform = 'discord' AND (
      paused_reason LIKE 'Discord refused the %message: 401: %'
      OR paused_reason LIKE 'Discord refused the %message: % (40001)'
      OR paused_reason LIKE 'Discord refused the %message: % (50001)'
      OR paused_reason LIKE 'Discord refused the %message: % (50013)'
      OR paused_reason LIKE 'Discord refused the %message: % (40002)'
      OR paused_reason LIKE 'Discord refused the %message: % (20001)'
      -- Written before, `…: Discord answered STATUS (CODE: MESSAGE)`, with the status.
      OR paused_reason LIKE '%Discord answered 401 (%'
      OR (paused_reason LIKE '%Discord answered 403 (%'
        AND paused_reason NOT LIKE '%Discord answered 403 (50007:%'
        AND paused_reason NOT LIKE '%Discord answered 403 (50278:%'
        AND paused_reason NOT LIKE '%Discord answered 403 (10013:%'
        AND paused_reason NOT LIKE '%Discord answered 403 (50033:%')
    ))
  );

-- Cards given up in a channel for a refusal of Sitrep itself there, of candidates still waiting,
-- are queued again as if new to the channel, as /review channel queues those given up there.
-- In a channel, Slack's not_in_channel is the channel's (the app was not invited), and of
-- Discord's refusals only a 401 is the bot's own.
UPDATE review_posts AS p
SET status = 'queued', retry_at = NULL, failing_since = NULL, last_error = NULL
WHERE p.kind = 'card' AND p.status = 'failed'
  AND EXISTS (SELECT 1 FROM review_candidates c WHERE c.id = p.candidate_id AND c.status = 'pending')
  AND (
    (p.platform = 'slack' AND p.last_error IN (
      'Slack refused the message: invalid_auth',
      'Slack refused the message: not_authed',
      'Slack refused the message: token_revoked',
      'Slack refused the message: token_expired',
      'Slack refused the message: account_inactive',
      'Slack refused the message: missing_scope',
      'Slack refused the message: team_access_not_granted',
      'Slack refused the message: no_permission'
    ))
    OR (p.platform = 'discord' AND (p.last_error LIKE 'Discord refused the message: 401: %' OR p.last_error LIKE '%Discord answered 401 (%'))
  );
