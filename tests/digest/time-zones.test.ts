// Time zones as admins type them: an alias becomes IANA's current name for its zone (never an
// older one Node's data still answers), a fixed offset is refused with what it really is, and an
// offset or abbreviation is refused with the regions it may mean, never a zone that only looks close.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalTimeZone } from '../../src/core/digest/zoned-time.js';
import { Harness } from './support/harness.js';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0).reverse()) await done();
});
function harness(): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  cleanup.push(() => h.removeStore(), () => h.dispose());
  return h;
}
const unmarked = (text: string) => text.replaceAll('`', '');

describe('GIVEN a time zone typed under an old or alias name', () => {
  it.each([
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['Europe/Uzhgorod', 'Europe/Kyiv'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Katmandu', 'Asia/Kathmandu'],
    ['Asia/Saigon', 'Asia/Ho_Chi_Minh'],
    ['America/Argentina/ComodRivadavia', 'America/Argentina/Catamarca'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Pacific/Yap', 'Pacific/Chuuk'],
    ['US/Eastern', 'America/New_York'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
  ])('THEN %s is stored as %s', (typed, zone) => {
    expect(canonicalTimeZone(typed)).toBe(zone);
  });

  it('WHEN a channel subscribes with Europe/Kiev THEN its reply and the list show Europe/Kyiv', async () => {
    const h = harness();
    expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Kiev')).toContain('Schedule: daily at 08:00 (Europe/Kyiv)');
    expect(h.poster.confirmations[0]!.text).toContain('(Europe/Kyiv)');
    expect(await h.runText('/digest list')).toContain('Schedule: daily at 08:00 (Europe/Kyiv)');
  });

  it('WHEN only an old city name is typed THEN the zone is suggested under its current name', async () => {
    const h = harness();
    expect(unmarked(await h.runText('/digest subscribe schedule:"daily 08:00" timezone:Calcutta'))).toContain('got Calcutta.\nClosest time zones: Asia/Kolkata.');
  });

  it.each(['UTC+2', 'UTC-5', 'utc +3', 'GMT+3', '+02:00', 'UTC+03:00'])('WHEN the offset %s is typed THEN it is refused as an offset, with no zone suggested (UTC is not UTC+2)', async (typed) => {
    const h = harness();
    const said = unmarked(await h.runText(`/digest subscribe schedule:"daily 08:00" timezone:"${typed}"`));
    expect(said).toContain(`got ${typed}.\nOffsets (+02:00) and abbreviations (EST, CET) are not accepted: name the region`);
    expect(said).not.toContain('Closest time zones');
    expect(await h.runText('/digest list')).not.toContain('Schedule:');
  });

  it.each([
    ['EST', 'Did you mean America/New_York?'],
    ['pst', 'Did you mean America/Los_Angeles?'],
    ['Eastern', 'Did you mean America/New_York?'],
    ['CET', 'Did you mean one of Europe/Paris, Europe/Berlin, Europe/Brussels?'],
    ['EET', 'Did you mean one of Asia/Beirut, Europe/Athens, Africa/Cairo?'],
  ])('WHEN the abbreviation %s is typed THEN the refusal offers the region it is written for', async (typed, offered) => {
    const h = harness();
    const said = unmarked(await h.runText(`/digest subscribe schedule:"daily 08:00" timezone:${typed}`));
    expect(said).toContain(`Abbreviations such as ${typed} are not accepted: name the region, so daylight saving time is right. ${offered}`);
  });

  // tzdata's zone.tab lists IANA's current names; where the machine has it, every name Intl
  // answers must be one of them (a newer ICU that renames another zone shows up here).
  const zoneTab = '/usr/share/zoneinfo/zone1970.tab';
  it.skipIf(!existsSync(zoneTab))('THEN every zone Intl knows is stored under a name of tzdata’s zone tables', () => {
    const current = new Set<string>();
    for (const file of ['zone.tab', 'zone1970.tab']) {
      for (const line of readFileSync(`/usr/share/zoneinfo/${file}`, 'utf8').split('\n')) if (line && !line.startsWith('#')) current.add(line.split('\t')[2]!);
    }
    const stale = Intl.supportedValuesOf('timeZone').filter((zone) => !current.has(canonicalTimeZone(zone)!));
    expect(stale).toEqual([]);
  });
});

describe('GIVEN a fixed-offset zone', () => {
  it.each([
    ['Etc/GMT+5', 'UTC−5 all year, not UTC+5'],
    ['Etc/GMT+14', 'UTC−14 all year, not UTC+14'],
    ['Etc/GMT-3', 'UTC+3 all year, not UTC−3'],
  ])('WHEN %s is typed THEN it is refused as offsets are, saying what it really is', async (typed, really) => {
    const h = harness();
    const reply = unmarked(await h.runText(`/digest subscribe schedule:"daily 08:00" timezone:${typed}`));
    expect(reply).toContain(`got ${typed}.\nFixed offsets such as ${typed} are not accepted, nor are other offsets (+02:00) and abbreviations (EST, CET): name the region, so daylight saving time is right.`);
    expect(reply).toContain(`${typed} is ${really}: Etc/ names reverse the sign.`);
    expect(h.poster.posts).toEqual([]);
  });
});

// Names every JavaScript object answers to are no abbreviations either.
describe('GIVEN a time zone typed as a name every JavaScript object answers to', () => {
  it.each(['constructor', '__proto__', 'hasOwnProperty'])('WHEN timezone:%s is typed THEN it is refused as no zone, and nothing is subscribed', async (typed) => {
    const h = harness();
    const reply = unmarked(await h.runText(`/digest subscribe schedule:"daily 08:00" timezone:${typed}`));
    expect(reply).toContain(`Option timezone of /digest subscribe must be an IANA time zone such as Europe/Paris or America/New_York — got ${typed}.`);
    expect(reply).not.toContain('internal error');
    expect(h.poster.posts).toEqual([]);
  });
});
