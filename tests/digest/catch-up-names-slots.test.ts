// A catch-up digest opens by naming, on the channel's clock, the scheduled digest or digests it
// stands for: those Sitrep was not running to send.
import { describe, expect, it } from 'vitest';
import { DeliveryError } from '../../src/core/poster.js';
import { harnessesDisposedAfterEach, type Harness } from './support/harness.js';
import { settleAll } from './support/platform-digests.js';

const harness = harnessesDisposedAfterEach();

/** Stops `h`'s scheduler, lets time pass to `until`, and starts another process on the same store. */
async function restarted(h: Harness, until: string): Promise<Harness> {
  await h.scheduler!.stop();
  await h.time.advanceTo(until);
  const next = harness({ start: '', sharing: h });
  settleAll(next);
  next.startScheduler();
  return next;
}

/** The digest's text from its first line under the title. */
const opening = (text: string) => text.split('\n')[1];

describe('GIVEN a channel subscribed to a daily 08:00 Europe/Paris digest', () => {
  async function subscribed(): Promise<Harness> {
    const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 07:00 in Paris
    settleAll(h);
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    return h;
  }

  it('WHEN Sitrep was down over Tuesday’s to Thursday’s slots THEN the catch-up opens naming the first and the last of them on the Paris clock', async () => {
    const h1 = await subscribed();
    await h1.time.advanceTo('2026-07-06T06:01:00Z');
    h1.addEntry({ title: 'Entry while Sitrep was down' });
    const h2 = await restarted(h1, '2026-07-09T10:00:00Z');
    await h2.time.advance(5 * 60_000);
    expect(h2.poster.texts()).toHaveLength(1);
    expect(opening(h2.poster.texts()[0]!)).toBe(
      'Catch-up: Sitrep was not running for 3 scheduled digests; this one covers the whole gap. It stands for the digests from Tue 7 Jul 2026 08:00 CEST to Thu 9 Jul 2026 08:00 CEST, none sent then.',
    );
  });

  it('WHEN Sitrep was down over one slot THEN the catch-up opens naming that slot', async () => {
    const h1 = await subscribed();
    await h1.time.advanceTo('2026-07-06T06:01:00Z');
    const h2 = await restarted(h1, '2026-07-07T09:00:00Z');
    await h2.time.advance(60_000);
    expect(opening(h2.poster.texts()[0]!)).toBe('Catch-up: Sitrep was not running when this digest was due. It stands for the digest of Tue 7 Jul 2026 08:00 CEST, not sent then.');
  });

  it('WHEN the 08:00 digest waited to retry and Sitrep was down until the next day THEN the catch-up names the slot it stands for, and the refused one it carries', async () => {
    const h1 = await subscribed();
    h1.addEntry({ title: 'Ceasefire agreed' });
    h1.poster.failNext(new DeliveryError('retryable', 'HTTP 500', 10 * 60_000));
    await h1.time.advanceTo('2026-07-06T06:00:20Z');
    const h2 = await restarted(h1, '2026-07-07T09:00:00Z');
    await h2.time.advance(60_000);
    const [post] = h2.poster.texts();
    expect(opening(post!)).toBe('Catch-up: Sitrep was not running when this digest was due. It stands for the digest of Tue 7 Jul 2026 08:00 CEST, not sent then.');
    expect(post).toContain('The digest of Mon 6 Jul 2026 08:00 CEST could not be delivered, so its changes are included here.');
  });
});

describe('GIVEN a channel subscribed to a daily 08:00 Asia/Damascus digest', () => {
  it('WHEN Sitrep was down over a slot THEN the catch-up names it on the Damascus clock', async () => {
    const h1 = harness({ start: '2026-07-06T04:00:00Z' }); // Monday 07:00 in Damascus
    settleAll(h1);
    h1.startScheduler();
    await h1.subscribe('schedule:"daily 08:00" timezone:Asia/Damascus');
    await h1.time.advanceTo('2026-07-06T05:01:00Z');
    const h2 = await restarted(h1, '2026-07-07T08:00:00Z');
    await h2.time.advance(60_000);
    expect(opening(h2.poster.texts()[0]!)).toContain('It stands for the digest of Tue 7 Jul 2026 08:00 Damascus time (UTC+3), not sent then.');
  });
});
