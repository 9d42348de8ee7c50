-- A digest subscription keeps its subscriber's Caller.context: what the platform needs to post as
-- it answered them (a Slack workspace whose manifest names the commands /sitrep-digest…). Every
-- existing subscription gets '', so its digests name commands as they did.
ALTER TABLE digest_subscriptions ADD COLUMN context TEXT NOT NULL DEFAULT '';

-- A view's footer is now a line of spans instead of a string. A digest waiting to retry keeps its
-- composed parts: a string footer becomes one plain span, so the retry posts the parts unchanged.
UPDATE digest_deliveries
SET pending_parts = (
  SELECT json_group_array(
    CASE WHEN json_type(part.value, '$.footer') = 'text'
      THEN json_set(part.value, '$.footer', json_array(json_object('text', json_extract(part.value, '$.footer'))))
      ELSE json(part.value)
    END)
  FROM (SELECT value FROM json_each(digest_deliveries.pending_parts) ORDER BY key) AS part
)
WHERE pending_parts IS NOT NULL;
