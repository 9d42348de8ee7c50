// GIVEN a candidate whose card is in the review channel WHEN an admin approves it with fields of
// their own (a summary, the date, the type, places, actors, the confidence, the topic) THEN the
// card in the channel, edited for everyone, shows the entry as recorded, as the admin's reply
// does: not the feed's summary nor the suggestion.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ChannelPoster } from './support/channel-poster.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW } from './support/stories.js';

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
  expect(channel.messages.size).toBe(1);
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

/** The channel's card of candidate #1, as it reads now. */
const channelCard = () => viewText([...channel.messages.values()].find((view) => viewText(view).includes('Candidate #1 '))!);

describe('GIVEN candidate #1 carded in the review channel, its feed giving a summary', () => {
  it('WHEN approved with summary:"Admin-written summary" THEN the channel card shows that summary, as the reply does, and not the feed’s', async () => {
    expect(channelCard()).toContain(BAKU.summary);
    const reply = await queue.text('/review approve id:1 summary:"Admin-written summary"');
    expect(reply).toContain('Admin-written summary');
    expect(channel.edits).toEqual(['m1']);
    const card = channelCard();
    expect(card).toContain('Approved: added as entry #18.');
    expect(card).toContain('Admin-written summary');
    expect(card).not.toContain(BAKU.summary);
  });

  it('WHEN approved with the date, type, places, actors, confidence and topic changed THEN the channel card shows each as recorded', async () => {
    await queue.run('/review approve id:1 date:2025-07-17 type:statement places:Damascus actors:"Syria:initiator" confidence:claimed topic:diplomacy');
    const card = channelCard();
    expect(card).toContain('Candidate #1 · diplomacy · approved');
    expect(card).toMatch(/Date +17 Jul 2025\n/);
    expect(card).toMatch(/Type +Statement\n/);
    expect(card).toMatch(/Places +Damascus\n/);
    expect(card).toMatch(/Actors +Syria \(initiator\)\n/);
    expect(card).toMatch(/Confidence +claimed\n/);
    expect(await queue.text('/review show id:1')).toMatch(/Confidence +claimed\n/);
  });

  it('WHEN approved with summary and published emptied THEN the channel card shows neither the feed’s summary nor its publication', async () => {
    await queue.run('/review approve id:1 clear:"summary, published"');
    const card = channelCard();
    expect(card).toContain('Approved: added as entry #18.');
    expect(card).not.toContain(BAKU.summary);
    expect(card).not.toMatch(/Published/);
  });
});
