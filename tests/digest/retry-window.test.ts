// Digests the platform refuses for a while: retried for hours (not minutes), across a restart,
// with the channel's current settings, and what /digest list and send-now say meanwhile.
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/poster.js';
import { rateLimited } from './support/fake-poster.js';
import { ADMIN, harnessesDisposedAfterEach, type Harness } from './support/harness.js';

const harness = harnessesDisposedAfterEach();

const channel = { platform: 'discord' as const, workspaceId: 'g1', channelId: 'c1' };
const deliveries = (h: Harness) => {
  const sub = h.app.digests.store.subscriptions.byChannel(channel)!;
  return h.app.digests.store.deliveries.forSubscription(sub.id);
};

/** The platform answers every post with a 503 until `until`; returns when each post was tried. */
function downUntil(h: Harness, until: string): Date[] {
  const tried: Date[] = [];
  const post = h.poster.post.bind(h.poster);
  h.poster.post = async (channelId, view) => {
    tried.push(h.time.now());
    if (h.time.now() < new Date(until)) throw new DeliveryError('retryable', 'Discord answered 503 Service Unavailable');
    return post(channelId, view);
  };
  return tried;
}

async function subscribed(schedule: string, extra = ''): Promise<Harness> {
  const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 07:00 in Paris
  h.startScheduler();
  expect(await h.subscribe(`schedule:"${schedule}" timezone:Europe/Paris ${extra}`)).toContain('Digest subscribed');
  return h;
}

describe('GIVEN a weekly Monday 08:00 Europe/Paris digest', () => {
  it('WHEN the platform is down from 08:00 to 08:05 THEN the digest goes out minutes after it recovers, once, saying it was delayed', async () => {
    const h = await subscribed('weekly mon 08:00');
    h.addEntry({ title: 'Ceasefire agreed' });
    downUntil(h, '2026-07-06T06:05:00Z');
    await h.time.advanceTo('2026-07-06T06:30:00Z');
    expect(h.poster.posts).toHaveLength(1);
    const [post] = h.poster.posts;
    expect(post!.at.getTime()).toBeLessThanOrEqual(Date.parse('2026-07-06T06:10:00Z'));
    expect(post!.text).toContain('Ceasefire agreed');
    expect(post!.text).toContain('Delayed: the platform refused this digest from Mon 6 Jul 2026 08:00 CEST until now (Discord answered 503 Service Unavailable).');
    expect(await h.runText('/digest list')).toContain('Last digest: delivered — scheduled, Mon 6 Jul 2026 08:00 CEST, 1 message');
    await h.time.advanceTo('2026-07-13T06:01:00Z');
    expect(h.poster.posts).toHaveLength(2);
    expect(h.poster.texts()[1]).not.toContain('Ceasefire agreed');
  });

  it('WHEN the platform stays down for more than 12 hours THEN it is retried every few minutes until then, given up without pausing, said once in /digest list, and the next digest carries its changes', async () => {
    const h = await subscribed('weekly mon 08:00');
    h.addEntry({ title: 'Ceasefire agreed' });
    const tried = downUntil(h, '2026-07-06T20:00:00Z');
    await h.time.advanceTo('2026-07-06T19:00:00Z');
    expect(h.poster.posts).toHaveLength(0);
    expect(tried.at(-1)!.getTime()).toBeGreaterThan(Date.parse('2026-07-06T17:50:00Z'));
    expect(tried.at(-1)!.getTime()).toBeLessThanOrEqual(Date.parse('2026-07-06T18:00:00Z'));
    const gaps = tried.slice(1).map((at, index) => at.getTime() - tried[index]!.getTime());
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5 * 60_000);
    expect(h.app.digests.store.subscriptions.byChannel(channel)!.paused).toBeUndefined();
    const list = await h.runText('/digest list');
    expect(list).toContain(
      `Last digest: failed — scheduled, Mon 6 Jul 2026 08:00 CEST (${tried.length} attempts: Discord answered 503 Service Unavailable; retried for 12 hours)`,
    );
    await h.time.advanceTo('2026-07-13T06:01:00Z');
    expect(h.poster.texts()).toHaveLength(1);
    expect(h.poster.texts()[0]).toContain(
      'The digest of Mon 6 Jul 2026 08:00 CEST could not be delivered, so its changes are included here.',
    );
    expect(h.poster.texts()[0]).toContain('Ceasefire agreed');
  });

  it('WHEN Sitrep restarts while the digest waits to retry THEN the next process goes on retrying, and posts it once', async () => {
    const h1 = await subscribed('weekly mon 08:00');
    h1.addEntry({ title: 'Ceasefire agreed' });
    downUntil(h1, '2026-07-06T07:00:00Z');
    await h1.time.advanceTo('2026-07-06T06:20:00Z');
    expect(deliveries(h1)[0]!.status).toBe('retrying');
    h1.crash();
    const h2 = harness({ start: '', sharing: h1 });
    downUntil(h2, '2026-07-06T07:00:00Z');
    h2.startScheduler();
    await h2.time.advanceTo('2026-07-06T07:30:00Z');
    expect(h1.poster.posts).toHaveLength(0);
    expect(h2.poster.texts()).toHaveLength(1);
    expect(h2.poster.texts()[0]).toContain('Ceasefire agreed');
    expect(deliveries(h2)).toMatchObject([{ status: 'delivered', messageRefs: [['discord-msg-1']] }]);
    await h2.time.advanceTo('2026-07-13T06:01:00Z');
    expect(h2.poster.texts()).toHaveLength(2);
    expect(h2.poster.texts()[1]).not.toContain('Ceasefire agreed');
  });
});

describe('GIVEN an hourly digest', () => {
  it('WHEN the platform refuses it until past the next slot THEN it is given up just before, and the next digest carries its changes, saying why', async () => {
    const h = await subscribed('0 * * * *');
    h.addEntry({ title: 'Refused for an hour' });
    h.poster.failNext(...Array.from({ length: 4 }, () => rateLimited(15 * 60_000)));
    await h.time.advanceTo('2026-07-06T06:00:30Z');
    h.addEntry({ title: 'Added meanwhile' });
    await h.time.advanceTo('2026-07-06T07:01:00Z');
    const texts = h.poster.texts();
    expect(texts).toHaveLength(1);
    expect(h.poster.posts[0]!.at.toISOString()).toBe('2026-07-06T07:00:00.000Z');
    expect(texts[0]).toContain('The digest of Mon 6 Jul 2026 08:00 CEST could not be delivered, so its changes are included here.');
    expect(texts[0]).toContain('Refused for an hour');
    expect(texts[0]).toContain('Added meanwhile');
    expect(deliveries(h).map((d) => [d.status, d.kind])).toEqual([
      ['failed', 'scheduled'],
      ['delivered', 'scheduled'],
    ]);
  });
});

describe('GIVEN a daily 08:00 digest the platform rate-limited for 10 minutes', () => {
  async function waiting(extra = ''): Promise<Harness> {
    const h = await subscribed('daily 08:00', extra);
    h.addEntry({ title: 'Envoys meet in Baku', eventType: 'talks' });
    h.addEntry({ title: 'Drone strike near Sweida', eventType: 'air-strike' });
    h.poster.failNext(rateLimited(10 * 60_000));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    return h;
  }

  /** Runs a subscribe that changes the channel's settings; its confirmation set apart from the digests. */
  async function resubscribe(h: Harness, options: string): Promise<string> {
    const before = h.poster.posts.length;
    const reply = await h.runText(`/digest subscribe ${options}`, ADMIN);
    h.poster.confirmations.push(...h.poster.posts.splice(before, 1));
    return reply;
  }

  it('WHEN /digest list is run THEN it says when it is tried again, in the channel’s zone', async () => {
    const h = await waiting();
    expect(await h.runText('/digest list')).toContain(
      'Last digest: waiting to retry — scheduled, Mon 6 Jul 2026 08:00 CEST (1 attempt: HTTP 429: rate limited; next try Mon 6 Jul 2026 08:10 CEST)',
    );
  });

  it('WHEN /digest send-now is run THEN the reply says the digest waits to retry, and when, in the channel’s zone', async () => {
    const h = await waiting();
    const reply = await h.runText('/digest send-now', ADMIN);
    expect(reply).toContain('Digest waiting to retry');
    expect(reply).toContain('This channel’s digest of Mon 6 Jul 2026 08:00 CEST is waiting to retry: the platform refused it for now (HTTP 429: rate limited).');
    expect(reply).toContain('Sitrep tries again at Mon 6 Jul 2026 08:10 CEST');
    expect(reply).not.toContain('try again in a minute');
  });

  it('WHEN a filter is changed meanwhile THEN the retry posts the digest with the new filter, as the reply says', async () => {
    const h = await waiting();
    const reply = await resubscribe(h, 'type:air-strike');
    expect(reply).toContain('The digest of Mon 6 Jul 2026 08:00 CEST, waiting to retry, goes out with these settings at Mon 6 Jul 2026 08:10 CEST.');
    await h.time.advanceTo('2026-07-06T06:30:00Z');
    expect(h.poster.texts()).toHaveLength(1);
    const [digest] = h.poster.texts();
    expect(digest).toContain('Sitrep digest — Air/drone strike');
    expect(digest).toContain('Drone strike near Sweida');
    expect(digest).not.toContain('Envoys meet in Baku');
    expect(deliveries(h)).toMatchObject([{ status: 'delivered', partsTotal: 1 }]);
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts()[1]).not.toContain('Drone strike near Sweida');
  });

  it('WHEN a filter leaves it empty and empty digests are skipped THEN it is skipped, as the reply says', async () => {
    const h = await waiting('skip_empty:true');
    const reply = await resubscribe(h, 'type:protest');
    expect(reply).toContain('The digest of Mon 6 Jul 2026 08:00 CEST, waiting to retry, holds nothing with these settings, so it was skipped.');
    await h.time.advanceTo('2026-07-06T06:30:00Z');
    expect(h.poster.posts).toHaveLength(0);
    expect(deliveries(h).map((d) => d.status)).toEqual(['skipped']);
  });
});

describe('GIVEN a daily 08:00 digest in two parts whose second part the platform rate-limited', () => {
  it('WHEN a filter is changed meanwhile THEN the digest is finished as it began, as the reply says, and the next one is filtered', async () => {
    const h = await subscribed('daily 08:00');
    for (let i = 0; i < 30; i++) {
      h.addEntry({ title: `Bulk entry number ${i} with a long descriptive title about the talks`, eventType: 'talks' });
    }
    h.poster.during(() => undefined).failNext(rateLimited(10 * 60_000));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.poster.texts()).toHaveLength(1);
    const before = h.poster.posts.length;
    const reply = await h.runText('/digest subscribe type:air-strike', ADMIN);
    h.poster.confirmations.push(...h.poster.posts.splice(before, 1));
    expect(reply).toContain(
      'The digest of Mon 6 Jul 2026 08:00 CEST was partly posted before the platform refused the rest, so it is finished as it began (next try at Mon 6 Jul 2026 08:10 CEST); the next digest uses these settings.',
    );
    await h.time.advanceTo('2026-07-06T06:30:00Z');
    const texts = h.poster.texts();
    expect(texts).toHaveLength(2);
    expect(texts[1]).toMatch(/^Sitrep digest \(continued\)/);
    expect(texts[1]).toContain('Bulk entry number');
    h.addEntry({ title: 'Drone strike near Sweida', eventType: 'air-strike' });
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts()[2]).toContain('Sitrep digest — Air/drone strike');
  });
});
