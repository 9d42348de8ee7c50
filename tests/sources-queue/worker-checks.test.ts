// GIVEN checks run as the bot runs them, in the checks' worker thread on its own connection to
// the store THEN a check proposes, cards and approves as on one thread, the worker's failures
// fail only the checks it held, and it stops when idle and on close.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerChecks } from '../../src/sources/worker-checks.js';
import { CHECKPOINT_PAGES_LEFT_TO_OTHERS } from '../../src/store/checkpoints.js';
import { recordingLogger } from '../support/test-app.js';
import { ScriptedFeeds } from './support/scripted-feeds.js';
import { ADMIN, QueueApp, READER } from './support/queue-app.js';
import { BAKU, NOW, OLD, PARIS, SWEIDA } from './support/stories.js';

let feeds: ScriptedFeeds;
let queue: QueueApp;
const runners: WorkerChecks[] = [];
beforeEach(async () => {
  feeds = await ScriptedFeeds.start();
  feeds.serve('/levant.xml', 'Levant Wire', [PARIS, SWEIDA, BAKU, OLD]);
  queue = new QueueApp({ start: NOW, inWorker: true });
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.close()));
  queue.dispose();
  await feeds.close();
});

function runner(options: { idleMs?: number; onLive?: (live: boolean) => void; logger?: ReturnType<typeof recordingLogger> } = {}): WorkerChecks {
  const made = new WorkerChecks({ dbPath: queue.dbPath, allowPrivate: true, feedReaders: 1, logger: recordingLogger(), now: queue.now, ...options });
  runners.push(made);
  return made;
}

describe('GIVEN the bot checking feeds in its checks’ worker', () => {
  it('WHEN an admin checks a new source with backfill THEN the items are proposed and carded, and a card approves as an entry', async () => {
    await queue.run('/review channel');
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel backfill:true`), 'Watching');
    const checked = await queue.text(`/sources check id:${id}`);
    expect(checked).toContain('4 items: 4 new (3 proposed, 1 recorded), 0 seen before');
    // While its worker runs, the bot's connection leaves copying the log into the store (up to
    // tens of ms of its thread each time) to the worker's connection, unless it falls far behind.
    expect(queue.app.db.pragma('wal_autocheckpoint', { simple: true })).toBe(CHECKPOINT_PAGES_LEFT_TO_OTHERS);
    const cards = queue.poster.posts.filter((p) => p.channelId === 'review');
    expect(cards.map((c) => c.view.title).sort()).toEqual([BAKU.title, SWEIDA.title, PARIS.title].sort());
    const baku = cards.find((c) => c.view.title === BAKU.title)!;
    expect(baku.text).toContain('Actors     Syria, Israel, Ron Dermer');
    expect(baku.text).toContain('Places     Baku');
    expect(await queue.text(`/review approve id:${QueueApp.idAfter(baku.text, 'Candidate')}`, ADMIN)).toContain('Approved: added as entry #18.');
    expect(await queue.text('/timeline since:2025-07-18 until:2025-07-18', READER)).toContain(BAKU.title);
    // Checked again: nothing new, nothing proposed twice.
    expect(await queue.text(`/sources check id:${id}`)).toMatch(/not modified|0 new/);
    expect(queue.poster.posts.filter((p) => p.channelId === 'review')).toHaveLength(3);
  });

  it('WHEN the worker records a check THEN the bot’s own connection reads it, and a source it cannot find fails that check alone', async () => {
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`), 'Watching');
    const checks = runner();
    const [checkId, missing] = await Promise.allSettled([checks.run(id, 'manual'), checks.run(999, 'manual')]);
    expect(missing).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('There is no source #999') } });
    expect(checkId.status).toBe('fulfilled');
    const row = queue.app.db.prepare('SELECT source_id, result, items FROM feed_checks WHERE id = ?').get((checkId as PromiseFulfilledResult<number>).value);
    expect(row).toEqual({ source_id: id, result: 'ok', items: 4 });
  });

  it('WHEN it has nothing to do for its idle time THEN its thread stops, the next check starts another, and the bot’s connection is told each time', async () => {
    const id = QueueApp.idAfter(await queue.text(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`), 'Watching');
    const told: boolean[] = [];
    const checks = runner({ idleMs: 20, onLive: (live) => told.push(live) });
    await checks.run(id, 'manual');
    await vi.waitFor(() => expect(checks.live).toBe(false), { timeout: 5_000 });
    await expect(checks.run(id, 'manual')).resolves.toBeGreaterThan(0);
    // The bot's connection is told, to checkpoint the store again while no worker does.
    expect(told).toEqual([true, false, true]);
  });

  it('WHEN it is closed with a check waiting on a feed THEN that check fails saying why, the store holds no half of it, and the thread ends by itself', async () => {
    // A feed server that takes the request and never answers.
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const silent = createServer(() => asked());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/feed.xml`;
      const id = QueueApp.idAfter(await queue.text(`/sources add url:${url} topic:syria-israel`), 'Watching');
      const logger = recordingLogger();
      const checks = runner({ logger });
      const failed = expect(checks.run(id, 'manual')).rejects.toThrow(/shutting down/);
      await requested;
      await checks.close();
      await failed;
      // Asked to close, the thread closed its stores and ended: it was not terminated under a call.
      expect(logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
      expect(logger.lines.map((line) => line.message)).toContain("the feed checks' worker closed its stores and ended");
      expect(queue.app.db.prepare('SELECT count(*) FROM feed_checks').pluck().get()).toBe(0);
      await expect(checks.run(id, 'manual')).rejects.toThrow(/shutting down/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
