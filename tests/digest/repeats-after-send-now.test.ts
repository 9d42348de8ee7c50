// A paused digest whose /digest send-now fails too: the digests after it name the digest whose
// changes they repeat as the earliest one that did not arrive, and a send-now as such.
import { describe, expect, it } from 'vitest';
import { channelGone } from './support/fake-poster.js';
import { harnessesDisposedAfterEach, type Harness } from './support/harness.js';

const harness = harnessesDisposedAfterEach();

const MISSED_MONDAY = 'The digest of Mon 6 Jul 2026 08:00 CEST could not be delivered, so its changes are included here.';

describe('GIVEN a daily 08:00 Europe/Paris digest paused when its Monday digest was refused for good', () => {
  async function paused(): Promise<Harness> {
    const h = harness({ start: '2026-07-06T05:00:00Z' }); // Monday 07:00 in Paris
    h.startScheduler();
    expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
    h.addEntry({ title: 'Envoys meet in Baku' });
    h.poster.failNext(channelGone());
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(await h.runText('/digest list')).toContain('Paused');
    return h;
  }

  it('WHEN a send-now fails on Tuesday too THEN the preview and the next digest name Monday’s digest, not the send-now', async () => {
    const h = await paused();
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    h.poster.failNext(channelGone());
    await h.runText('/digest send-now');
    expect(h.poster.posts).toHaveLength(0);
    const preview = await h.runText('/digest preview');
    expect(preview).toContain(MISSED_MONDAY);
    expect(preview).not.toContain('The digest of Tue');
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    expect(h.poster.texts()[0]).toContain(MISSED_MONDAY);
    expect(h.poster.texts()[0]).toContain('Envoys meet in Baku');
  });

  it('WHEN only a send-now failed since the last digest delivered THEN the next digest names it as a send-now', async () => {
    const h = await paused();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts()[0]).toContain(MISSED_MONDAY);
    h.addEntry({ title: 'Talks resume in Paris' });
    await h.time.advanceTo('2026-07-07T09:30:00Z');
    h.poster.failNext(channelGone());
    await h.runText('/digest send-now');
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    const next = h.poster.texts()[1]!;
    expect(next).toContain('The digest sent with `/digest send-now` at Tue 7 Jul 2026 11:30 CEST could not be delivered, so its changes are included here.');
    expect(next).toContain('Talks resume in Paris');
  });
});
