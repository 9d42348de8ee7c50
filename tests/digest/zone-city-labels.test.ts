// Times in posts name their clock: where English has no abbreviation for a zone (Damascus since
// 2022), the zone's city with its offset, `Damascus time (UTC+3)`; an abbreviation where it has
// one (CEST), and a bare offset for a zone that is only one.
import { afterEach, describe, expect, it } from 'vitest';
import { formatInZone } from '../../src/core/digest/zoned-time.js';
import { Harness } from './support/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
function harness(): Harness {
  const h = new Harness({ start: '2026-07-06T04:00:00Z' }); // 07:00 in Damascus, 06:00 in Paris
  cleanup.push(() => h.removeStore(), () => h.dispose());
  return h;
}

describe('GIVEN a channel subscribed to a daily 08:00 Asia/Damascus digest', () => {
  it('THEN /digest list says when the next is due on the Damascus clock, named, and the digest heading says its period so', async () => {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Asia/Damascus');
    expect(await h.runText('/digest list')).toContain('Mon 6 Jul 2026 08:00 Damascus time (UTC+3)');
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advanceTo('2026-07-06T05:00:30Z');
    expect(h.poster.texts()).toHaveLength(1);
    expect(h.poster.texts()[0]).toMatch(/Changes from Mon 6 Jul 2026 07:00 Damascus time \(UTC\+3\) to Mon 6 Jul 2026 08:00 Damascus time \(UTC\+3\)\./);
    expect(h.poster.texts()[0]).not.toMatch(/\d UTC\+3/);
  });
});

describe('GIVEN a channel subscribed to a daily 08:00 Europe/Paris digest', () => {
  it('THEN /digest list and the digest heading still read CEST', async () => {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    expect(await h.runText('/digest list')).toContain('Mon 6 Jul 2026 08:00 CEST');
    h.addEntry({ title: 'Envoys meet in Baku' });
    await h.time.advanceTo('2026-07-06T06:00:30Z');
    expect(h.poster.texts()[0]).toContain('Changes from Mon 6 Jul 2026 06:00 CEST to Mon 6 Jul 2026 08:00 CEST.');
  });
});

describe('GIVEN instants written on various clocks', () => {
  const at = new Date('2027-12-05T06:00:00Z');
  it.each([
    ['Asia/Damascus', 'Sun 5 Dec 2027 09:00 Damascus time (UTC+3)'],
    ['Asia/Kolkata', 'Sun 5 Dec 2027 11:30 Kolkata time (UTC+5:30)'],
    ['America/Argentina/Buenos_Aires', 'Sun 5 Dec 2027 03:00 Buenos Aires time (UTC-3)'],
    ['America/New_York', 'Sun 5 Dec 2027 01:00 EST'],
    ['Europe/Paris', 'Sun 5 Dec 2027 07:00 CET'],
    ['UTC', 'Sun 5 Dec 2027 06:00 UTC'],
    ['Etc/GMT+5', 'Sun 5 Dec 2027 01:00 UTC-5'],
  ])('THEN an instant on %s reads %s', (zone, text) => {
    expect(formatInZone(at, zone)).toBe(text);
  });
});
