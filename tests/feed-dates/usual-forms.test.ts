// GIVEN the two forms nearly every feed writes its dates in (RFC 822: `Mon, 07 Dec 2026 09:30:00
// +0200`; ISO 8601: `2026-12-07T09:30:00.123+02:00`), read straight from their parts WHEN any such
// date is read, valid or not (31 November, 25:00, an offset of +15 hours, a year before 1000)
// THEN the reading is the one the general reading gives the same date: an RFC 2822 comment after
// it (` (CET)`) sends it there, and is left out of the date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFeedDate } from '../../src/sources/written-day.js';

const two = (n: number) => String(n).padStart(2, '0');
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const year = fc.integer({ min: 900, max: 2100 }).map((y) => String(y).padStart(4, '0'));
const clock = fc.tuple(fc.integer({ min: 0, max: 26 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 })).map(([h, m, s]) => `${two(h)}:${two(m)}:${two(s)}`);

const rfc822 = fc
  .record({
    weekday: fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }),
    day: fc.integer({ min: 0, max: 33 }).chain((d) => fc.constantFrom(String(d), two(d))),
    month: fc.constantFrom(...MONTHS),
    year,
    clock,
    zone: fc.oneof(
      fc.constantFrom('GMT', 'UT', 'UTC', 'Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 61 })).map(([sign, h, m]) => `${sign}${two(h)}${two(m)}`),
    ),
  })
  .map(({ weekday, day, month, year: y, clock: c, zone }) => `${weekday ? `${weekday}, ` : ''}${day} ${month} ${y} ${c} ${zone}`);

const iso8601 = fc
  .record({
    year,
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    clock,
    fraction: fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{1,9}$/)).map(([mark, digits]) => `${mark}${digits}`), { nil: undefined }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 61 })).map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`),
    ),
  })
  .map(({ year: y, month, day, clock: c, fraction, zone }) => `${y}-${two(month)}-${two(day)}T${c}${fraction ?? ''}${zone}`);

/** The reading of a date, as the general reading gives it (a comment after the date takes it there). */
const generally = (date: string) => {
  const { written: _written, ...reading } = readFeedDate(`${date} (CET)`);
  return reading;
};
const read = (date: string) => {
  const { written, ...reading } = readFeedDate(date);
  expect(written).toBe(date);
  return reading;
};

describe('GIVEN dates in the forms feeds usually write', () => {
  it('THEN an RFC 822 date reads as the general reading reads it', () => {
    fc.assert(fc.property(rfc822, (date) => {
      expect(read(date), date).toEqual(generally(date));
    }), { numRuns: 3000 });
  });

  it('THEN an ISO 8601 date reads as the general reading reads it', () => {
    fc.assert(fc.property(iso8601, (date) => {
      expect(read(date), date).toEqual(generally(date));
    }), { numRuns: 3000 });
  });

  it('THEN dates of both forms are read, and impossible ones are not', () => {
    expect(read('Mon, 07 Dec 2026 01:30:00 +0300').reading).toEqual({ instant: new Date('2026-12-06T22:30:00Z'), day: '2026-12-07' });
    expect(read('2026-12-07T01:30:00.250+03:00').reading).toEqual({ instant: new Date('2026-12-06T22:30:00.250Z'), day: '2026-12-07' });
    expect(read('Mon, 31 Nov 2026 09:30:00 GMT').reading).toBeUndefined();
    expect(read('2026-12-07T25:00:00Z').reading).toBeUndefined();
    expect(read('2026-12-07T09:30:00+15:00').reading).toBeUndefined();
  });
});
