// GIVEN a bot on Damascus's clock (SITREP_TZ) and a channel whose digests run in Paris, WHEN a call
// is made from the bot's clock at 23:30 there (already 7 Dec) and another from Paris five minutes
// later (still 6 Dec there), THEN the one made last is the latest everywhere — /trend show, the Paris
// digest's Trend line — each keeping its own day as its label; and a later Paris call for 7 Dec,
// which takes the place of the night call (one call per topic and day), says which call it replaces.
import { describe, expect, it } from 'vitest';
import { ADMIN, harnessesDisposedAfterEach } from '../digest/support/harness.js';

const harness = harnessesDisposedAfterEach();
const paris = { ...ADMIN, channelId: 'paris' };

describe('GIVEN trend calls made from channels on different clocks', () => {
  it('WHEN the later call carries the earlier day THEN it is still the latest, in /trend show and in the digest', async () => {
    const h = harness({ start: '2026-12-06T21:00:00Z', timezone: 'Asia/Damascus' });
    h.startScheduler();
    await h.time.advanceTo('2026-12-06T21:30:00Z');
    expect(await h.runText('/trend set topic:syria-israel direction:deteriorated note:"night call"')).toContain('deteriorated — night call (7 Dec 2026, discord:1001)');
    await h.time.advanceTo('2026-12-06T21:32:00Z');
    await h.subscribe('schedule:"daily 23:00" timezone:Europe/Paris topic:syria-israel', paris);
    await h.time.advanceTo('2026-12-06T21:35:00Z');
    expect(await h.runText('/trend set topic:syria-israel direction:improved note:"talks resume"', paris)).toContain('improved — talks resume (6 Dec 2026, discord:1001)');

    const shown = (await h.runText('/trend show topic:syria-israel')).replaceAll('`', '');
    expect(shown).toContain('Latest: improved — talks resume (6 Dec 2026, discord:1001)');
    expect(shown).toMatch(/Calls, newest first[\s\S]*talks resume \(6 Dec 2026[\s\S]*night call \(7 Dec 2026/);
    expect(await h.runText('/trend show')).toContain('syria-israel: improved — talks resume');

    await h.time.advanceTo('2026-12-06T22:01:00Z');
    const [digest] = h.poster.texts('paris');
    expect(digest!.split('\n').slice(0, 2)).toEqual(['Sitrep digest — syria-israel', 'Trend: improved — talks resume (6 Dec 2026, discord:1001)']);
  });

  it('WHEN a channel’s new day collides with a call another channel made for that day THEN the reply names the call it replaces, with its day and time', async () => {
    const h = harness({ start: '2026-12-06T21:00:00Z', timezone: 'Asia/Damascus' });
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris', paris);
    await h.time.advanceTo('2026-12-06T21:30:00Z');
    await h.run('/trend set topic:syria-israel direction:deteriorated note:"night call"');
    // 00:10 on 7 Dec in Paris: the same day the night call was made for.
    await h.time.advanceTo('2026-12-06T23:10:00Z');
    const reply = (await h.runText('/trend set topic:syria-israel direction:unchanged note:"morning review"', paris)).replaceAll('`', '');
    expect(reply).toContain('unchanged — morning review (7 Dec 2026, discord:1001)');
    expect(reply).toContain(
      'It replaces the call for 7 Dec 2026 that discord:1001 made at 2026-12-06 22:30 Europe/Paris, in a channel already on that day (one call per topic and day): deteriorated — night call',
    );
    expect(await h.runText('/trend show topic:syria-israel')).toContain('Latest: unchanged — morning review (7 Dec 2026');
  });
});
