// What /digest list, send-now and subscribe say of a digest waiting to retry: its next try in
// seconds when it is under a minute away, and its slot as scheduled after a change of time zone.
import { describe, expect, it } from 'vitest';
import { rateLimited } from './support/fake-poster.js';
import { harnessesDisposedAfterEach, type Harness } from './support/harness.js';
import { settleAll } from './support/platform-digests.js';

const harness = harnessesDisposedAfterEach();

async function subscribed(): Promise<Harness> {
  const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 07:00 in Paris
  settleAll(h);
  h.startScheduler();
  await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
  h.addEntry({ title: 'Ceasefire agreed' });
  return h;
}

describe('GIVEN a daily 08:00 Europe/Paris digest the platform refused at 08:00', () => {
  it('WHEN its next try is 35 seconds after 08:00 and it is 08:00:20 THEN /digest list and send-now say it is in 15 seconds', async () => {
    const h = await subscribed();
    h.poster.failNext(rateLimited(35_000));
    await h.time.advanceTo('2026-07-06T06:00:20Z');
    expect(await h.runText('/digest list')).toContain('(1 attempt: HTTP 429: rate limited; next try in 15 seconds)');
    expect(await h.runText('/digest send-now')).toContain('Sitrep tries again in 15 seconds; once it is out, a send-now posts what changed since.');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(h.poster.posts.map((p) => p.at.toISOString())).toEqual(['2026-07-06T06:00:35.000Z']);
  });

  it('WHEN a send-now is refused with Retry-After 5 seconds THEN the reply says it is retried in 5 seconds', async () => {
    const h = await subscribed();
    await h.time.advanceTo('2026-07-06T05:30:00Z');
    h.poster.failNext(rateLimited(5_000));
    expect(await h.runText('/digest send-now')).toContain('(HTTP 429: rate limited); Sitrep retries in 5 seconds.');
  });

  it('WHEN the channel moves to America/New_York while it waits THEN the reply names it at 08:00 CEST, and on the new clock', async () => {
    const h = await subscribed();
    h.poster.failNext(rateLimited(10 * 60_000));
    await h.time.advanceTo('2026-07-06T06:05:00Z');
    const reply = await h.subscribe('timezone:America/New_York');
    expect(reply).toContain(
      'The digest of Mon 6 Jul 2026 08:00 CEST (Mon 6 Jul 2026 02:00 EDT on the new clock), waiting to retry, goes out with these settings at Mon 6 Jul 2026 02:10 EDT.',
    );
  });
});
