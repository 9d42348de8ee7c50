// GIVEN a candidate waiting for review WHEN an admin approves it with its actors written as the card
// shows them, `Israel (initiator)`, THEN the entry records each in the role in brackets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { READER, type QueueApp } from './support/queue-app.js';
import { closeQueue, openQueueWithCandidate } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';
import { QUNEITRA_STRIKE } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
let id: number;
beforeEach(async () => {
  ({ feeds, queue, id } = await openQueueWithCandidate(QUNEITRA_STRIKE));
});
afterEach(() => closeQueue(feeds, queue));

describe('GIVEN a candidate for an Israeli strike in Quneitra', () => {
  it('WHEN approved with actors:"Israel (initiator), Syria (target)" THEN the entry has both in those roles', async () => {
    expect(await queue.text(`/review approve id:${id} actors:"Israel (initiator), Syria (target)"`)).toContain('Approved: added as entry #18.');
    const entry = await queue.text('/entry show 18', READER);
    expect(entry).toContain('    Israel — initiator');
    expect(entry).toContain('    Syria — target');
  });
});
