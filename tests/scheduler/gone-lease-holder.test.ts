// GIVEN a bot killed outright (kill -9) and started again at once on the same host THEN the new
// process takes the leases the dead one left over at once — the feed poller, the digest scheduler
// and the watch messages — and says so in its log, instead of standing by until they expire; a
// holder still running is waited for, and the log says until when.
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourcePoller, SOURCES_LEASE_SCOPE } from '../../src/scheduler/source-poller.js';
import { SqliteLeases } from '../../src/store/digest-leases.js';
import { holderIsGone } from '../../src/store/lease-holders.js';
import { Harness } from '../digest/support/harness.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import type { QueueApp } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import type { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { NOW, SWEIDA } from '../sources-queue/support/stories.js';
import { createTestApp } from '../support/test-app.js';

const LEASE_MS = 3 * 60_000;

/** The id a bot process of this host whose pid is gone held its leases under. */
function goneHolder(): string {
  const exited = spawnSync(process.execPath, ['-e', ''], { timeout: 10_000 });
  expect(exited.status).toBe(0);
  return `${hostname()}:${exited.pid}:c4c5eb`;
}

/** A bot of this host still running: the test runner's parent process. */
const runningHolder = () => `${hostname()}:${process.ppid}:a1b2c3`;

describe('GIVEN a lease of another holder that has not expired', () => {
  const at = new Date('2025-07-20T12:00:00Z');
  it('WHEN its process is gone THEN the lease is taken over at once, naming the holder taken over from', () => {
    const { db, dispose } = createTestApp();
    try {
      new SqliteLeases(db).acquire('sources:poller', 'vm:863:c4c5eb', at, LEASE_MS);
      const leases = new SqliteLeases(db, (holder) => holder === 'vm:863:c4c5eb');
      const state = leases.acquire('sources:poller', 'vm:901:0d0e0f', new Date(at.getTime() + 10_000), LEASE_MS);
      expect(state).toMatchObject({ held: true, holder: 'vm:901:0d0e0f', tookOverFrom: 'vm:863:c4c5eb' });
    } finally {
      dispose();
    }
  });

  it('WHEN its process still runs THEN this one stands by until the lease expires', () => {
    const { db, dispose } = createTestApp();
    try {
      new SqliteLeases(db).acquire('sources:poller', 'vm:863:c4c5eb', at, LEASE_MS);
      const leases = new SqliteLeases(db, () => false);
      const state = leases.acquire('sources:poller', 'vm:901:0d0e0f', new Date(at.getTime() + 10_000), LEASE_MS);
      expect(state).toEqual({ held: false, holder: 'vm:863:c4c5eb', expiresAt: new Date(at.getTime() + LEASE_MS) });
    } finally {
      dispose();
    }
  });
});

describe('GIVEN the holders a bot process writes (host:pid:random)', () => {
  it('THEN only one of this host whose pid is gone counts as gone', () => {
    const gone = goneHolder();
    expect(holderIsGone(gone)).toBe(true);
    expect(holderIsGone(runningHolder())).toBe(false);
    // This very process (another runtime of it) and another host's process: only expiry tells.
    expect(holderIsGone(`${hostname()}:${process.pid}:ffffff`)).toBe(false);
    expect(holderIsGone(gone.replace(hostname(), 'another-host'))).toBe(false);
    expect(holderIsGone('first-bot')).toBe(false);
  });
});

describe('GIVEN watched feeds and a sources lease left by a bot killed mid-cycle', () => {
  let feeds: ScriptedFeeds;
  let queue: QueueApp;
  beforeEach(async () => {
    ({ feeds, queue } = await openQueue());
    feeds.serve('/levant.xml', 'Levant Wire', [SWEIDA]);
    await queue.run(`/sources add url:${feeds.url('/levant.xml')} topic:syria-israel`);
  });
  afterEach(() => closeQueue(feeds, queue));

  const pollerOf = (app: QueueApp) => {
    const { services, digests } = app.app;
    return new SourcePoller({ sources: services.sources, review: services.review, leases: digests.store.leases, holder: digests.holder, tasks: new ProcessTasks(new VirtualTime(NOW)), now: app.now, logger: app.logger });
  };

  it('WHEN the bot starts again THEN it checks the due feeds at once, and the log says it took over from the process that is gone', async () => {
    const dead = goneHolder();
    queue.app.digests.store.leases.acquire(SOURCES_LEASE_SCOPE, dead, queue.now(), LEASE_MS);
    const poller = pollerOf(queue);
    await poller.tick();
    expect(poller.isLeading).toBe(true);
    expect(feeds.requestsFor('/levant.xml')).toHaveLength(1);
    expect(queue.logger.lines.map((l) => l.message)).toContain(`checking watched feeds: took over from ${dead} (that process is gone)`);
  });

  it('WHEN the lease holder still runs THEN the bot stands by, and its log line says until when', async () => {
    const alive = runningHolder();
    queue.app.digests.store.leases.acquire(SOURCES_LEASE_SCOPE, alive, queue.now(), LEASE_MS);
    const poller = pollerOf(queue);
    await poller.tick();
    expect(poller.isLeading).toBe(false);
    expect(feeds.requestsFor('/levant.xml')).toHaveLength(0);
    const standby = queue.logger.lines.find((l) => l.message === 'watched feeds are checked by another process; standing by');
    expect(standby?.context).toEqual({ holder: alive, until: new Date(queue.now().getTime() + LEASE_MS) });
  });
});

describe('GIVEN digest and watch leases left by a bot killed outright', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness({ start: '2026-07-06T05:00:00Z' });
  });
  afterEach(async () => {
    await h.dispose();
    h.removeStore();
  });

  it('WHEN the bot starts again THEN it schedules digests at once, saying it took over from the process that is gone', () => {
    const dead = goneHolder();
    h.app.digests.store.leases.acquire('discord', dead, h.time.now(), LEASE_MS);
    h.startScheduler();
    expect(h.scheduler!.leading).toEqual(['discord']);
    expect(h.logger.lines.map((l) => l.message)).toContain(`scheduling discord digests: took over from ${dead} (that process is gone)`);
  });

  it('WHEN the bot starts again THEN it sends watch messages at once, saying it took over from the process that is gone', async () => {
    const dead = goneHolder();
    h.app.digests.store.leases.acquire('watch:discord', dead, h.time.now(), LEASE_MS);
    const runner = h.app.startWatchRunner({ tickMs: 30_000 });
    try {
      expect(h.logger.lines.map((l) => l.message)).toContain(`sending discord watch messages: took over from ${dead} (that process is gone)`);
    } finally {
      await runner.stop(1000);
    }
  });
});
