// Digests open with the latest trend call of their topic (or, unfiltered, of each topic their
// changes are about), arrow, alert and note included; a topic without a call adds no line.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.dispose();
    h.removeStore();
  }
});

const c2 = { ...ADMIN, channelId: 'c2' };

describe('GIVEN trend calls on the dossier', () => {
  it('WHEN scheduled digests go out THEN each opens with its topics’ latest call', async () => {
    const h = new Harness({ start: '2026-07-06T05:00:00Z' });
    harnesses.push(h);
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
    const call = 'Trend: ↑ deteriorated (conflict risk alert) — Strikes near Damascus resumed (6 Jul 2026, discord:1001)';
    expect(filtered!.split('\n').slice(0, 3)).toEqual(['Sitrep digest — syria-israel', call, expect.stringMatching(/^Changes from /)]);
    expect(filtered).not.toContain('Talks stalled');

    const [everything] = h.poster.texts('c2');
    // Unfiltered, the call names its topic; sudan has none, so adds no line.
    expect(everything!.split('\n').slice(0, 3)).toEqual([
      'Sitrep digest',
      'Trend: syria-israel: ↑ deteriorated (conflict risk alert) — Strikes near Damascus resumed (6 Jul 2026, discord:1001)',
      expect.stringMatching(/^Changes from /),
    ]);
    expect(await h.runText('/digest preview')).toContain(call);
  });
});
