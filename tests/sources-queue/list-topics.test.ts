// GIVEN /sources list and /review list WHEN asked for a topic nobody has, or a page past the end
// THEN they refuse as /timeline refuses: the topic is named unknown with the topics there are (a
// watched feed's topic counting, though no entry has it yet), and a page past the end names how
// many pages there are and the last one to run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { closeQueue, openQueue } from './support/queue-with-feeds.js';
import type { ScriptedFeeds } from './support/scripted-feeds.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
});
afterEach(() => closeQueue(feeds, queue));

const refusal = async (command: string) => {
  const view = await queue.run(command, READER);
  expect(view.tone).toBe('error');
  return (await queue.text(command, READER)).replaceAll('`', '');
};

describe('GIVEN a feed watched under a topic no entry has yet', () => {
  beforeEach(async () => {
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:test-topic`, ADMIN);
  });

  it('WHEN /sources list or /review list names a topic nobody has THEN it is refused with the topics, as /timeline refuses it', async () => {
    const timeline = await refusal('/timeline topic:nope');
    expect(timeline).toContain('There is no topic nope (option topic).\nTopics: syria-israel.');
    expect(await refusal('/sources list topic:nope')).toContain('There is no topic nope (option topic).\nTopics: syria-israel, test-topic.');
    expect(await refusal('/review list topic:Nope')).toContain('There is no topic nope (option topic).\nTopics: syria-israel, test-topic.');
  });

  it('WHEN they name the feed’s topic, or a dossier topic with no feed THEN they answer as before', async () => {
    expect(await queue.text('/sources list topic:Test-Topic', READER)).toContain('Sources — test-topic (1)');
    expect(await queue.text('/review list topic:test-topic', READER)).toContain('No candidate is waiting for review.');
    expect(await queue.text('/sources list topic:syria-israel', READER)).toContain('No feed is watched for the topic syria-israel.');
    expect(await queue.text('/review list topic:syria-israel', READER)).toContain('No candidate is waiting for review.');
  });

  it('WHEN /sources list is asked for a page past the end THEN it names the pages and the last page to run', async () => {
    expect(await refusal('/sources list page:5')).toContain('Option page is past the end — got 5.\nThere is 1 page of sources.\nLast page: /sources list page:1');
    for (let n = 1; n <= 11; n++) await queue.run(`/sources add url:${feeds.url(`/feed-${n}.xml`)} topic:test-topic`, ADMIN);
    expect(await refusal('/sources list topic:test-topic page:3')).toContain('Option page is past the end — got 3.\nThere are 2 pages of sources.\nLast page: /sources list topic:test-topic page:2');
  });
});
