-- Each pass of the card poster queues cards for the pending candidates a review channel has no
-- card for. Cards are queued in candidate order, so every candidate up to the newest one with a
-- card in that channel has one: this index finds that candidate at once, and the pass reads only
-- the candidates after it instead of every pending one (thousands once a queue builds up).
CREATE INDEX review_posts_cards_by_channel ON review_posts (platform, workspace_id, channel_id, candidate_id) WHERE kind = 'card';
