-- Items are read anew: summaries without the footer their site's platform writes after them
-- ("The post … appeared first on …", "Continue reading", src/sources/site-footers.ts), an item
-- with no summary of its own summarised by its <media:description> (video feeds), and a headline
-- ending with the feed's own name without it. A digest taken from an item as read before would
-- make the next check call every such item revised, and tell the review channel that entries'
-- reports changed when only Sitrep's reading did. The digests are forgotten: the next check fills
-- them without calling the items revised, as it does for rows recorded before digests were kept
-- (0026).
UPDATE feed_items SET digest = NULL WHERE digest IS NOT NULL;
