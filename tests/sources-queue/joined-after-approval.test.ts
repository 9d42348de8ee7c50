// GIVEN a story approved as an entry WHEN another outlet's report of it joins the candidate
// afterwards THEN nothing cites it on its own (an admin approves every entry's sources), and
// where the admin looks it says so with the command that cites it: the check's reply, the card
// (/review show and the review channel's), until the report is attached.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReplyView } from '../../src/core/sources/check-views.js';
import { instantsIn } from '../../src/core/past-instant.js';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import { QueueApp, READER } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, BAKU_ELSEWHERE, NOW } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let channel: ChannelPoster;
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  queue = new QueueApp({ start: NOW });
  channel = new ChannelPoster();
  await queue.run('/review channel');
  queue.app.digests.posters.register(channel);
  feeds.serve('/levant.xml', 'Levant Wire', [BAKU]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
  await queue.app.services.review.postPending();
  expect(await queue.text('/review approve id:1')).toContain('Approved: added as entry #18.');
  feeds.serve('/delta.xml', 'Delta', [BAKU_ELSEWHERE]);
  await queue.run(`/sources add url:${feeds.url('/delta.xml')} topic:syria-israel backfill:true`);
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const NOT_CITED = 'Not yet cited by entry #18: Delta — `/review attach id:1 entry:18`';

describe('GIVEN candidate #1 approved as entry #18, and Delta reporting its story afterwards', () => {
  it('WHEN Delta is checked THEN the reply says entry #18 does not cite it, and how to cite it', async () => {
    const when = instantsIn('UTC');
    const { source, record } = await queue.app.services.sources.check(2, 'manual', when);
    const reply = viewText(checkReplyView(source, record, when, (id) => queue.app.services.review.candidate(id).uncited));
    expect(reply).toContain(`same story → candidate #1 (entry #18, which does not cite Delta: \`/review attach id:1 entry:18\`): ${BAKU_ELSEWHERE.title}`);
  });

  it('WHEN its card is shown THEN it names Delta as not yet cited by the entry; once attached, it no longer does', async () => {
    await queue.run('/sources check id:2');
    const card = await queue.text('/review show id:1', READER);
    expect(card).toMatch(/Also in +Delta/);
    expect(card).toContain(NOT_CITED);
    expect(await queue.text('/review attach id:1 entry:18')).toContain('Added 1 report of candidate #1 that entry #18 did not cite yet');
    expect(await queue.text('/entry show 18', READER)).toContain('Delta <https://med.example/world/2025/07/18/israel-syria-baku> — according to Delta');
    expect(await queue.text('/review show id:1', READER)).not.toContain('Not yet cited');
  });

  it('WHEN the review channel draws its card again THEN the card names Delta as not yet cited', async () => {
    await queue.run('/sources check id:2');
    // The card is flagged to be drawn again, as the store does for a story a report joined.
    queue.app.db.prepare('UPDATE review_posts SET redraw_at = ? WHERE candidate_id = 1').run(queue.now().toISOString());
    await queue.app.services.review.postPending();
    const cards = [...channel.messages.values()].map(viewText).filter((text) => text.includes('Candidate #1 '));
    expect(cards).toHaveLength(1);
    expect(cards[0]).toContain('Approved by');
    expect(cards[0]).toContain(NOT_CITED);
  });
});
