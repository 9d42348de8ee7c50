-- What a revised item says now, beside what it said when first read: the title and link of
-- feed_items stay as the check that first saw the item read them, so /sources why shows each
-- check's items as that check found them; a candidate's reports read the revised text.
-- NULL: never revised.
ALTER TABLE feed_items ADD COLUMN revised_title TEXT;
ALTER TABLE feed_items ADD COLUMN revised_link TEXT;
