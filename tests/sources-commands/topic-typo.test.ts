// GIVEN the dossier's topics (syria-israel) and the watched feeds' THEN /sources add and
// /sources edit say when a feed's topic is one nobody has, and which known topic is spelled
// close to it, as /entry add says of an entry's: the feed is watched all the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');

describe('GIVEN /sources add', () => {
  it('WHEN the topic is a misspelling of the dossier’s THEN the feed is watched, and the reply names the topic meant with the edit that takes it', async () => {
    const reply = await say(`/sources add url:${feeds.url('/a.xml')} topic:syria-isreal`);
    expect(reply).toContain('Watching #1');
    expect(reply).toContain('This starts a new topic, syria-isreal: no entry or other watched feed has it. Did you mean syria-israel? If so: /sources edit id:1 topic:syria-israel');
    expect(queue.app.services.sources.get(1).topic).toBe('syria-isreal');
    // The edit it names takes the topic meant, without a note.
    const edited = await say('/sources edit id:1 topic:syria-israel');
    expect(edited).toContain('Topic: syria-isreal → syria-israel.');
    expect(edited).not.toContain('new topic');
  });

  it('WHEN the topic is the dossier’s THEN no note', async () => {
    expect(await say(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`)).not.toContain('new topic');
  });

  it('WHEN the topic is new and close to none THEN the note says it starts one, without a guess', async () => {
    const reply = await say(`/sources add url:${feeds.url('/a.xml')} topic:sudan`);
    expect(reply).toContain('This starts a new topic, sudan: no entry or other watched feed has it.');
    expect(reply).not.toContain('Did you mean');
  });

  it('WHEN another watched feed has the topic THEN it is known: no note, and a near-spelling of it is named', async () => {
    expect(await say(`/sources add url:${feeds.url('/a.xml')} topic:yemen-houthis`)).toContain('This starts a new topic, yemen-houthis');
    expect(await say(`/sources add url:${feeds.url('/b.xml')} topic:yemen-houthis`)).not.toContain('new topic');
    expect(await say(`/sources add url:${feeds.url('/c.xml')} topic:yemen-houthi`)).toContain('Did you mean yemen-houthis? If so: /sources edit id:3 topic:yemen-houthis');
  });
});

describe('GIVEN /sources edit', () => {
  beforeEach(async () => {
    await queue.run(`/sources add url:${feeds.url('/a.xml')} topic:syria-israel`);
  });

  it('WHEN the new topic is a misspelling THEN the change is made, and the reply names the topic meant', async () => {
    const reply = await say('/sources edit id:1 topic:syria-isreal');
    expect(reply).toContain('Topic: syria-israel → syria-isreal.');
    expect(reply).toContain('This starts a new topic, syria-isreal: no entry or other watched feed has it. Did you mean syria-israel? If so: /sources edit id:1 topic:syria-israel');
  });

  it('WHEN the feed’s own old topic was the only one like the new THEN it is not counted as known', async () => {
    await queue.run(`/sources add url:${feeds.url('/b.xml')} topic:lebanon`);
    expect(await say('/sources edit id:2 topic:lebanon-israel')).toContain('This starts a new topic, lebanon-israel: no entry or other watched feed has it.');
  });

  it('WHEN only the keywords change THEN no topic note', async () => {
    expect(await say("/sources edit id:1 keywords:'ceasefire'")).not.toContain('new topic');
  });
});
