// GIVEN a source removed WHEN /sources why, resume, pause, edit, check or remove names it THEN the
// reply says it was removed and when, with its address (nothing else shows it any more) and the
// /sources add that watches it again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { READER, type QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { SWEIDA } from '../sources-queue/support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
  await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
  await queue.run('/sources remove id:1');
});
afterEach(() => closeQueue(feeds, queue));

/** A refusal as a user reads it, commands without their code marks. */
const refusal = async (command: string, caller?: Caller) => (await queue.refused(command, caller)).replaceAll('`', '');

describe('GIVEN source #1 removed', () => {
  it('WHEN /sources why and /sources resume name it THEN the reply gives its address, when it was removed and the /sources add that watches it again', async () => {
    const url = feeds.url('/levant.xml');
    const removed = `Source #1 (${url}) was removed on 2025-07-20 12:00 UTC; add it again with /sources add url:${url} topic:syria-israel`;
    expect(await refusal('/sources why id:1', READER)).toContain(removed);
    expect(await refusal('/sources resume id:1')).toContain(removed);
    expect(await refusal('/sources resume id:1')).not.toContain('There is no source #1');
  });

  it('WHEN /sources pause, edit, check or remove name it THEN each gives the same answer', async () => {
    for (const command of ['/sources pause id:1', '/sources edit id:1 every:1h', '/sources check id:1', '/sources remove id:1']) {
      expect(await refusal(command)).toContain('Source #1 (http://127.0.0.1:');
    }
  });

  it('WHEN it is added again as the reply says THEN it is watched under a new number', async () => {
    expect(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`)).toContain('Watching #2');
  });

  it('WHEN a source never added is named THEN the reply still says there is none', async () => {
    expect(await refusal('/sources why id:7')).toContain('There is no source #7 (option id).');
  });
});
