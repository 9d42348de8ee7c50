// GIVEN an Atom feed whose entries copy another outlet's report and say so in `<source>` (its
// `<title>`, perhaps its link) WHEN they are proposed THEN each candidate cites that outlet and the
// feed it came through (`AFP (via Levant Wire)`), as an RSS item's `<source>` does, its title
// read without ` - AFP` after it; an entry without `<source>` cites the feed's own title.
import { describe, expect, it } from 'vitest';
import { cardsByTitle } from '../feed-dates/support/cards.js';
import { TextFeeds } from '../feed-dates/support/text-feeds.js';
import { QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { feedRig } from '../sources-queue/support/feed-rig.js';

/** A day after the entries below: a backfill proposes them all. */
const NOW = '2026-12-06T12:00:00Z';

const rig = feedRig(NOW, () => TextFeeds.start());

const line = (card: string, label: string) => new RegExp(`^ {2}${label} +(.*)$`, 'm').exec(card)?.[1] ?? `no ${label} line`;

const ATOM = [
  '<?xml version="1.0" encoding="utf-8"?>',
  '<feed xmlns="http://www.w3.org/2005/Atom"><title>Levant Wire</title><id>urn:levant-wire</id><updated>2026-12-05T10:00:00Z</updated>',
  '<link href="https://levant.example/"/>',
  '<entry><id>urn:lw:1</id><title>Israeli strike on Quneitra kills 5 - AFP</title><link href="https://levant.example/afp-quneitra"/>',
  '<published>2026-12-05T08:00:00Z</published><updated>2026-12-05T08:00:00Z</updated><summary>Five people were killed, the agency reported.</summary>',
  '<source><id>urn:afp</id><title>AFP</title><link rel="alternate" href="https://www.afp.com/"/><link rel="self" href="https://www.afp.com/feed.atom"/><updated>2026-12-05T08:00:00Z</updated></source></entry>',
  '<entry><id>urn:lw:2</id><title>Convoy reaches Sweida</title><link href="https://levant.example/sweida-convoy"/>',
  '<published>2026-12-05T09:00:00Z</published><updated>2026-12-05T09:00:00Z</updated><summary>Our reporter saw the trucks arrive.</summary></entry>',
  '</feed>',
].join('');

describe('GIVEN an Atom feed, one of whose entries names the outlet it comes from in <source>', () => {
  it('THEN that candidate cites the outlet via the feed, and the approved entry too; the other cites the feed', async () => {
    rig.feeds.serve('/levant.atom', ATOM);
    const id = QueueApp.idAfter(await rig.queue.text(`/sources add url:${rig.feeds.url('/levant.atom')} topic:syria-israel backfill:true`), 'Watching');
    expect(await rig.queue.text(`/sources check id:${id}`)).toContain('2 items: 2 new (2 proposed), 0 seen before');
    const cards = await cardsByTitle(rig.queue, 2);
    const outlets = Object.fromEntries([...cards.values()].map((card) => [card.title, line(card.text, 'Outlet')]));
    expect(outlets).toEqual({
      'Israeli strike on Quneitra kills 5': 'AFP (via Levant Wire)',
      'Convoy reaches Sweida': 'Levant Wire',
    });

    const afp = QueueApp.idAfter(cards.get('Israeli strike on Quneitra kills 5')!.text, 'Candidate');
    expect(await rig.queue.text(`/review approve id:${afp}`)).toContain('Approved: added as entry #18.');
    expect(await rig.queue.text('/entry show 18', READER)).toContain(
      'AFP (via Levant Wire) <https://levant.example/afp-quneitra> — according to AFP (via Levant Wire) (5 Dec 2026)',
    );
  });
});
