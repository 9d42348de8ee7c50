// Watch messages after a large import: the message says how many it lists in full and that the
// others are named by id after them, and when the revision log was read only part of the way (it
// is read in steps), that the next message carries on, 10 minutes later, until the last says nothing of it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { WatchRunner } from '../../src/scheduler/watch-runner.js';
import { SqliteWatches } from '../../src/store/watches.js';
import { Harness } from '../digest/support/harness.js';

const TICK_MS = 30_000;
const MINUTE = 60_000;
const reader: Caller = { platform: 'discord', userId: '2002', workspaceId: 'g1', channelId: 'c1' };
const MORE_FOLLOW = 'More changes were made after these than one message covers: any that involve what you watch come in your next message, 10 minutes after this one.';

let h: Harness;
let runner: WatchRunner;
const dms = () => h.poster.posts.filter((p) => p.channelId === 'dm:2002').map((p) => p.text);

/** The app's watch runner, reading the revision log `changesPerStep` revisions at a time. */
function startRunner(changesPerStep?: number): WatchRunner {
  const { store, posters, holder } = h.app.digests;
  const started = new WatchRunner({
    store: new SqliteWatches(h.app.db),
    changes: store.changes,
    places: h.app.services.places,
    leases: store.leases,
    posters,
    tasks: h.tasks,
    now: h.time.now,
    logger: h.logger,
    holder,
    tickMs: TICK_MS,
    ...(changesPerStep ? { changesPerStep } : {}),
  });
  started.start();
  h.time.settle = () => started.idle();
  return started;
}

/** `count` entries naming Ron Dermer, added at once as an import adds them. */
function importDermerEntries(count: number): number[] {
  const dermer = [{ actorId: h.actorId('Ron Dermer'), role: 'participant' as const }];
  return h.app.db.transaction(() => Array.from({ length: count }, (_, i) => h.addEntry({ title: `Imported visit ${i + 1}`, actors: dermer })))();
}

beforeEach(() => {
  h = new Harness({ start: '2026-07-06T05:00:00Z' });
});
afterEach(async () => {
  if (h.app.db.open) await runner.stop(1000);
  await h.dispose();
  h.removeStore();
});

describe('GIVEN someone watching an actor, and an import of 2,100 entries naming it', () => {
  it('WHEN the whole import is read at once THEN the one message says 20 are listed in full and 2,080 named by id after them, and nothing of more to come', async () => {
    runner = startRunner();
    await h.run('/watch add actor:Dermer', reader);
    const ids = importDermerEntries(2_100);
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    const [message] = dms();
    expect(message!.split('\n')[1]).toBe('2,100 new entries · 20 listed in full, 2,080 named by id after them');
    expect(message).toContain('Not listed: 2,080 new entries past the 20 a message lists');
    expect(message).toContain(`#${ids[0]}–#${ids[2_079]}`);
    expect(message).not.toContain('More changes were made after these');
  });
});

describe('GIVEN someone watching an actor, and an import of 250 entries naming it, the revision log read 100 at a time', () => {
  it('THEN each message but the last says the next carries on, and the next comes 10 minutes later', async () => {
    runner = startRunner(100);
    await h.run('/watch add actor:Dermer', reader);
    importDermerEntries(250);
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);
    expect(dms()[0]!.split('\n')[1]).toBe('100 new entries · 20 listed in full, 80 named by id after them');
    expect(dms()[0]).toContain(MORE_FOLLOW);

    await h.time.advance(9 * MINUTE);
    expect(dms()).toHaveLength(1);
    await h.time.advance(MINUTE + TICK_MS);
    expect(dms()).toHaveLength(2);
    expect(dms()[1]).toContain(MORE_FOLLOW);

    await h.time.advance(10 * MINUTE + TICK_MS);
    expect(dms()).toHaveLength(3);
    expect(dms()[2]!.split('\n')[1]).toBe('50 new entries · 20 listed in full, 30 named by id after them');
    expect(dms()[2]).not.toContain('More changes were made after these');
  });
});

describe('GIVEN someone watching an actor and a place, an entry of each they were sent, then a removal, a toll corrected and an import of 200 entries naming the actor', () => {
  it('THEN the next message lists the removal with its reason and the correction with what changed, and names the new entries it cannot list by id', async () => {
    runner = startRunner();
    await h.run('/watch add actor:Dermer', reader);
    await h.run('/watch add place:Sweida', reader);
    const removed = h.addEntry({ title: 'Dermer meets envoy', actors: [{ actorId: h.actorId('Ron Dermer'), role: 'participant' }] });
    const shelling = h.addEntry({ title: 'Shelling in Sweida', places: ['Sweida'], fatalities: { best: 7, source: 'Health ministry' } });
    await h.time.advance(TICK_MS);
    expect(dms()).toHaveLength(1);

    h.removeEntry(removed, 'Wrong date and duplicate of a later report');
    h.editEntry(shelling, { fatalities: { best: 9, source: 'Health ministry' } });
    const imported = importDermerEntries(200);
    await h.time.advance(10 * MINUTE + TICK_MS);
    expect(dms()).toHaveLength(2);
    const message = dms()[1]!;
    expect(message.split('\n')[1]).toBe('200 new entries · 1 correction · 1 removal · 20 listed in full, 182 named by id after them');
    expect(message).toMatch(/Shelling in Sweida — corrected[\s\S]*Changed: fatalities 7 → 9/);
    expect(message).toContain('Reason: Wrong date and duplicate of a later report');
    expect(message).toContain('Not listed: 182 new entries past the 20 a message lists');
    expect(message).not.toContain('Not listed: 1 correction');
    expect(message).not.toContain('Not listed: 1 removal');
    // The newest 18 of the import are listed; the others are named.
    expect(message).toContain(`#${imported[0]}–#${imported[181]}`);
  });
});
