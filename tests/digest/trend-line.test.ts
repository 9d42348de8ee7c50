// Digests open with the latest trend call of their topic (or, unfiltered, of each topic their
// changes are about), arrow, alert and note included; a topic without a call adds no line.
import { describe, expect, it } from 'vitest';
import { ADMIN, harnessesDisposedAfterEach, type Harness } from './support/harness.js';

const harness = harnessesDisposedAfterEach();

const c2 = { ...ADMIN, channelId: 'c2' };

describe('GIVEN trend calls on the dossier', () => {
  it('WHEN scheduled digests go out THEN each opens with its topics’ latest call', async () => {
    const h = harness({ start: '2026-07-06T05:00:00Z' });
    await h.subscribe('schedule:"daily 06:00" timezone:UTC topic:syria-israel');
    await h.subscribe('schedule:"daily 06:00" timezone:UTC', c2);
    expect((await h.run('/trend set topic:syria-israel direction:unchanged note:"Talks stalled"')).tone).toBe('success');
    await h.time.advanceTo('2026-07-06T05:10:00Z');
    expect((await h.run('/trend set topic:syria-israel direction:deteriorated alert:risk note:"Strikes near Damascus resumed"')).tone).toBe('success');
    h.addEntry({ title: 'Strikes near Damascus', eventType: 'air-strike' });
    h.addEntry({ title: 'Protest in Khartoum', topic: 'sudan', eventType: 'protest' });
    h.startScheduler();
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const [filtered] = h.poster.texts('c1');
    const call = 'Trend: deteriorated (conflict risk alert) — Strikes near Damascus resumed (6 Jul 2026, discord:1001)';
    expect(filtered!.split('\n').slice(0, 3)).toEqual(['Sitrep digest — syria-israel', call, expect.stringMatching(/^Changes from /)]);
    expect(filtered).not.toContain('Talks stalled');

    const [everything] = h.poster.texts('c2');
    // Unfiltered, the call names its topic; sudan has none, so adds no line.
    expect(everything!.split('\n').slice(0, 3)).toEqual([
      'Sitrep digest',
      'Trend: syria-israel: deteriorated (conflict risk alert) — Strikes near Damascus resumed (6 Jul 2026, discord:1001)',
      expect.stringMatching(/^Changes from /),
    ]);
    expect(await h.runText('/digest preview')).toContain(call);
  });

  it('WHEN a call is the only news of a period THEN it is posted, even to a channel that skips empty digests, and said apart from the entries', async () => {
    const h = harness({ start: '2026-07-06T05:00:00Z' });
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris topic:syria-israel skip_empty:true');
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', c2);
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris type:talks skip_empty:true', { ...ADMIN, channelId: 'c3' });
    await h.time.advanceTo('2026-07-06T05:30:00Z');
    await h.run('/trend set topic:syria-israel direction:deteriorated alert:risk note:"Clashes in Sweida spread north"');
    await h.time.advanceTo('2026-07-06T06:01:00Z');

    const call = 'deteriorated (conflict risk alert) — Clashes in Sweida spread north (6 Jul 2026, discord:1001)';
    expect(h.poster.texts('c1')[0]!.split('\n').slice(0, 4)).toEqual([
      'Sitrep digest — syria-israel',
      `Trend: ${call}`,
      expect.stringMatching(/^Changes from /),
      'No entry has changed yet.',
    ]);
    expect(h.poster.texts('c2')[0]!.split('\n').slice(0, 4)).toEqual([
      'Sitrep digest',
      `Trend: syria-israel: ${call}`,
      expect.stringMatching(/^Changes from /),
      'No entry has changed yet.',
    ]);
    // A call is about a topic: a digest of one event type is not about it.
    expect(h.poster.texts('c3')).toEqual([]);

    // The next day the call is no longer news: nothing to post for c1, nothing changed for c2.
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    expect(h.poster.texts('c1')).toHaveLength(1);
    const [, next] = h.poster.texts('c2');
    expect(next).not.toContain('Trend:');
    expect(next).toContain('Nothing changed since the last digest.');

    // A new call in a later period says that no entry changed since the last digest.
    await h.run('/trend set topic:syria-israel direction:improved alert:opportunity note:"Ceasefire holds"');
    await h.time.advanceTo('2026-07-08T06:01:00Z');
    const [, third] = h.poster.texts('c1');
    expect(third).toContain('Trend: improved (resolution opportunity) — Ceasefire holds');
    expect(third).toContain('No entry changed since the last digest.');
    expect(third).not.toContain('Nothing changed');
  });
});
