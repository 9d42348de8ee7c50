// GIVEN a feed that writes its items' times at its own offset WHEN an item is carded THEN the
// suggested date is the day where the outlet wrote it: a strike at 01:30 in Damascus happened on
// that day there, whatever the day in UTC.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardLines } from './support/card-lines.js';
import { QueueApp } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN items dated with an offset', () => {
  it('THEN each suggests the day at that offset; without one, the day in UTC', async () => {
    const item = (guid: string, title: string, pubDate: string) => ({ guid, title, link: `https://levant.example/${guid}`, pubDate });
    const dates = await cardLines(queue, feeds, [
      item('d1', 'Drone strike near Quneitra after midnight', 'Sat, 19 Jul 2025 01:30:00 +0300'),
      item('d2', 'Evening clashes reported in Sweida province', 'Fri, 18 Jul 2025 23:30:00 -0300'),
      item('d3', 'Talks in Baku end without a statement', 'Sat, 19 Jul 2025 01:30:00 GMT'),
    ], 'Date');
    expect(dates).toEqual(['19 Jul 2025', '18 Jul 2025', '19 Jul 2025']);
  });
});
