// Sitrep restarted while a channel's digest waits to retry: the retry is made if its time has not
// run out, else it is given up and the next digest carries its changes — and the schedule goes on.
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/poster.js';
import { rateLimited } from './support/fake-poster.js';
import { harnessesDisposedAfterEach, type Harness } from './support/harness.js';
import { settleAll } from './support/platform-digests.js';

const harness = harnessesDisposedAfterEach();

const channel = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };
const deliveries = (h: Harness) => {
  const sub = h.app.digests.store.subscriptions.byChannel(channel)!;
  return h.app.digests.store.deliveries.forSubscription(sub.id);
};

/** Stops `h`'s scheduler, lets time pass to `until`, and starts another process on the same store. */
async function restarted(h: Harness, until: string, heartbeatMs?: number): Promise<Harness> {
  await h.scheduler!.stop();
  await h.time.advanceTo(until);
  const next = harness({ start: '', sharing: h });
  settleAll(next);
  next.startScheduler(heartbeatMs ? { heartbeatMs } : {});
  return next;
}

describe('GIVEN a digest every 15 minutes in New York, rate limited at 01:30 with Retry-After 14 minutes', () => {
  async function waitingToRetry(): Promise<Harness> {
    const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 01:00 in New York
    settleAll(h);
    h.startScheduler({ heartbeatMs: 15_000 });
    await h.subscribe('schedule:"*/15 * * * *" timezone:America/New_York');
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advanceTo('2026-07-06T05:16:00Z');
    h.addEntry({ title: 'Talks resume in Doha' });
    h.poster.failNext(rateLimited(14 * 60_000));
    await h.time.advanceTo('2026-07-06T05:43:50Z'); // its retry is due at 01:44
    expect(deliveries(h).at(-1)!.status).toBe('retrying');
    return h;
  }

  it('WHEN Sitrep stops at 01:43:50 and is back at 01:45:05 THEN the 01:45 digest goes out at once with the 01:30 changes, and the schedule goes on', async () => {
    const h1 = await waitingToRetry();
    const h2 = await restarted(h1, '2026-07-06T05:45:05Z', 15_000);
    await h2.time.advance(1000);
    expect(h2.poster.posts).toHaveLength(1);
    const [post] = h2.poster.texts();
    expect(post).toContain('Talks resume in Doha');
    expect(post).toContain('The digest of Mon 6 Jul 2026 01:30 EDT could not be delivered, so its changes are included here.');
    const given = deliveries(h2).find((d) => d.slot.toISOString() === '2026-07-06T05:30:00.000Z')!;
    expect(given.status).toBe('failed');
    expect(given.lastError).toBe('HTTP 429: rate limited; given up: Sitrep was not running when it was due to be tried again, and the next digest was due');
    const list = await h2.runText('/digest list');
    expect(list).toContain('Next digest: Mon 6 Jul 2026 02:00 EDT');
    expect(list).toContain('Last digest: delivered — scheduled, Mon 6 Jul 2026 01:45 EDT, 1 message');
    await h2.time.advanceTo('2026-07-06T06:30:30Z');
    expect(h2.poster.posts.map((p) => p.at.toISOString())).toEqual([
      '2026-07-06T05:45:05.000Z',
      '2026-07-06T06:00:00.000Z',
      '2026-07-06T06:15:00.000Z',
      '2026-07-06T06:30:00.000Z',
    ]);
    expect(await h2.runText('/digest send-now')).toContain('Digest sent');
  });

  it('WHEN Sitrep is back at 01:44:30, before the next slot THEN the 01:30 digest is retried then, and the 01:45 one follows on time', async () => {
    const h1 = await waitingToRetry();
    const h2 = await restarted(h1, '2026-07-06T05:44:30Z', 15_000);
    await h2.time.advanceTo('2026-07-06T05:45:30Z');
    expect(h2.poster.posts.map((p) => p.at.toISOString())).toEqual(['2026-07-06T05:44:30.000Z', '2026-07-06T05:45:00.000Z']);
    expect(h2.poster.texts()[0]).toContain('Talks resume in Doha');
    expect(deliveries(h2).map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered']);
  });
});

describe('GIVEN a daily 08:00 Europe/Paris digest the platform refused at 08:00 (HTTP 500, Retry-After 10 minutes)', () => {
  async function waitingToRetry(): Promise<Harness> {
    const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 07:00 in Paris
    settleAll(h);
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    h.addEntry({ title: 'Ceasefire agreed' });
    h.poster.failNext(new DeliveryError('retryable', 'HTTP 500', 10 * 60_000));
    await h.time.advanceTo('2026-07-06T06:00:20Z');
    h.addEntry({ title: 'Added while Sitrep was down' });
    return h;
  }

  it('WHEN Sitrep stops at 08:00:20 and is back the next day at 11:00 THEN one catch-up carries its changes, and the next days’ digests go out', async () => {
    const h1 = await waitingToRetry();
    const h2 = await restarted(h1, '2026-07-07T09:00:00Z');
    await h2.time.advance(60_000);
    expect(h2.poster.posts).toHaveLength(1);
    const [post] = h2.poster.texts();
    expect(post).toContain('Catch-up: Sitrep was not running when this digest was due.');
    expect(post).toContain('The digest of Mon 6 Jul 2026 08:00 CEST could not be delivered, so its changes are included here.');
    expect(post).toContain('Ceasefire agreed');
    expect(post).toContain('Added while Sitrep was down');
    const list = await h2.runText('/digest list');
    expect(list).toContain('Next digest: Wed 8 Jul 2026 08:00 CEST');
    expect(list).toContain('Last digest: delivered — catch-up, Tue 7 Jul 2026 08:00 CEST, 1 message');
    await h2.time.advanceTo('2026-07-09T06:01:00Z');
    expect(h2.poster.posts.map((p) => p.at.toISOString()).slice(1)).toEqual(['2026-07-08T06:00:00.000Z', '2026-07-09T06:00:00.000Z']);
  });

  it('WHEN a send-now is asked the next day before any scheduler is back THEN it gives the missed retry up and posts its changes', async () => {
    const h1 = await waitingToRetry();
    await h1.scheduler!.stop();
    await h1.time.advanceTo('2026-07-07T09:00:00Z');
    expect(await h1.runText('/digest send-now')).toContain('Digest sent');
    const post = h1.poster.texts().at(-1)!;
    expect(post).toContain('Ceasefire agreed');
    expect(post).toContain('could not be delivered, so its changes are included here.');
  });

  it('WHEN Sitrep is back at 13:00, within the retry window THEN the digest goes out then, naming both the refusal and the downtime', async () => {
    const h1 = await waitingToRetry();
    const h2 = await restarted(h1, '2026-07-06T11:00:00Z');
    await h2.time.advance(60_000);
    expect(h2.poster.posts).toHaveLength(1);
    const [post] = h2.poster.texts();
    expect(post).toContain(
      'Delayed: the platform refused this digest at Mon 6 Jul 2026 08:00 CEST (HTTP 500), and Sitrep was not running until Mon 6 Jul 2026 13:00 CEST.',
    );
    expect(post).toContain('Ceasefire agreed');
    expect(post).not.toContain('Added while Sitrep was down');
    expect(await h2.runText('/digest list')).toContain('Next digest: Tue 7 Jul 2026 08:00 CEST');
  });
});
