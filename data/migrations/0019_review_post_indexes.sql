-- The card poster's passes (one after every feed check) read review_posts three ways; each now
-- has an index, so a pass costs the same with a million posts as with ten.
-- Cards are queued in candidate order, so every candidate up to the newest one with a card in a
-- channel has one: this index finds that candidate at once, and the pass reads only the
-- candidates after it instead of every pending one.
CREATE INDEX review_posts_cards_by_channel ON review_posts (platform, workspace_id, channel_id, candidate_id) WHERE kind = 'card';
-- The posts waiting to be claimed, oldest first per platform.
CREATE INDEX review_posts_queued ON review_posts (platform, id) WHERE status = 'queued';
-- The posts being sent, to find those left behind by a process that stopped.
CREATE INDEX review_posts_sending ON review_posts (updated_at) WHERE status = 'sending';
