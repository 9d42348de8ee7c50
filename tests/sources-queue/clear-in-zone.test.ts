// GIVEN a review channel whose digests are read in Tokyo, at 05:00 on 21 July there (20:00 UTC on
// the 20th) WHEN an admin clears the queue before:today THEN "today" starts at midnight in
// Tokyo: a candidate published at 01:30 that morning stays, one from the day before goes, and
// the reply names the zone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;

beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/wire.xml', 'Wire', [
    { guid: 'a', title: 'Officials meet in Qaraabad for talks', link: 'https://wire.example/a', published: '2025-07-20T16:30:00Z' },
    { guid: 'b', title: 'Officials meet in Qarbabad for talks', link: 'https://wire.example/b', published: '2025-07-20T14:00:00Z' },
  ]);
  queue = new QueueApp({ start: '2025-07-20T20:00:00Z' });
  await queue.run('/review channel');
  await queue.run('/digest subscribe schedule:"daily 08:00" timezone:Asia/Tokyo');
  await queue.run(`/sources add url:${feeds.url('/wire.xml')} topic:syria-israel backfill:true`);
  await queue.run('/sources check id:1');
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

const waitingTitles = () => queue.app.services.review.pending({}, 100, 0).items.map((candidate) => candidate.title);

describe('GIVEN one candidate published at 01:30 on 21 July in Tokyo and one at 23:00 on 20 July there', () => {
  it('WHEN /review clear before:today THEN only the one of 20 July is rejected, and the reply says the day is Tokyo’s', async () => {
    const cleared = await queue.text('/review clear before:today');
    expect(cleared).toMatch(/^Rejected 1 candidate\nEvery candidate published before 2025-07-21 \(Asia\/Tokyo\) that was waiting: #\d+\./);
    expect(waitingTitles()).toEqual(['Officials meet in Qaraabad for talks']);
  });
});
