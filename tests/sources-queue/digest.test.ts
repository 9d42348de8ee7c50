// GIVEN a channel subscribed to a daily digest WHEN a candidate is approved THEN its entry is in
// the next digest like any other entry added that day. Time is the digest tests' virtual clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { QueueApp } from './support/queue-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { BAKU, NOW, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let time: VirtualTime;
let queue: QueueApp;
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  time = new VirtualTime(NOW);
  time.settle = async () => {
    for (let i = 0; i < 3; i++) await new Promise<void>((done) => setImmediate(done));
  };
  queue = new QueueApp({ start: NOW, tasks: new ProcessTasks(time), now: time.now });
});
afterEach(async () => {
  queue.dispose();
  await feeds.close();
});

describe('GIVEN a daily digest and an approved candidate', () => {
  it('WHEN the digest is due THEN it lists the entry, and the rejected candidate is nowhere', async () => {
    expect(await queue.text('/digest subscribe schedule:"daily 18:00" topic:syria-israel')).toContain('Sitrep posted a confirmation in this channel');
    await queue.run('/review channel');
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA, BAKU]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`);
    await queue.run('/sources check id:1');
    const baku = queue.poster.posts.find((p) => p.view.title === BAKU.title)!;
    const sweida = queue.poster.posts.find((p) => p.view.title === SWEIDA.title)!;
    await queue.run(`/review approve id:${QueueApp.idAfter(baku.text, 'Candidate')}`);
    await queue.run(`/review reject id:${QueueApp.idAfter(sweida.text, 'Candidate')}`);
    const before = queue.poster.posts.length;

    const scheduler = queue.app.digests.startScheduler({ leaseMs: 180_000, heartbeatMs: 60_000 });
    await time.advanceTo('2025-07-20T18:01:00Z');
    await scheduler.stop(1000);

    const digests = queue.poster.posts.slice(before).map((p) => p.text);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toContain(BAKU.title);
    expect(digests[0]).not.toContain(SWEIDA.title);
  });
});
