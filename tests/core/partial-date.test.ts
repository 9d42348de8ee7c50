import { describe, expect, it } from 'vitest';
import { firstDay, formatDateSpan, formatPartialDate, lastDay, parsePartialDate } from '../../src/core/partial-date.js';

describe('GIVEN dates with precision', () => {
  it('THEN they render as precisely as they are known', () => {
    expect(formatPartialDate({ year: 1948 })).toBe('1948');
    expect(formatPartialDate({ year: 2024, month: 12 })).toBe('Dec 2024');
    expect(formatPartialDate({ year: 2025, month: 7, day: 12 })).toBe('12 Jul 2025');
    expect(formatDateSpan({ year: 2024, month: 12 }, { year: 2025, month: 7 })).toBe('Dec 2024 – Jul 2025');
  });

  it('THEN a month covers its first to last day, leap years included', () => {
    expect(firstDay({ year: 2024, month: 2 })).toBe('2024-02-01');
    expect(lastDay({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(lastDay({ year: 1948 })).toBe('1948-12-31');
  });

  it('THEN impossible dates are refused', () => {
    expect(parsePartialDate('2025-13')).toBeUndefined();
    expect(parsePartialDate('2023-02-29')).toBeUndefined();
    expect(parsePartialDate('25-07')).toBeUndefined();
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('0000')).toBeUndefined();
    expect(parsePartialDate('30 Feb 2025')).toBeUndefined();
    expect(parsePartialDate('Ju 2025')).toBeUndefined();
    expect(parsePartialDate('Julyy 2025')).toBeUndefined();
  });

  it('THEN a date can be typed as the bot shows it, or with one-digit month and day', () => {
    expect(parsePartialDate('Jul 2025')).toEqual({ year: 2025, month: 7 });
    expect(parsePartialDate('12 Jul 2025')).toEqual({ year: 2025, month: 7, day: 12 });
    expect(parsePartialDate('12 july 2025')).toEqual({ year: 2025, month: 7, day: 12 });
    expect(parsePartialDate('Sept. 2025')).toEqual({ year: 2025, month: 9 });
    expect(parsePartialDate('December 2024')).toEqual({ year: 2024, month: 12 });
    expect(parsePartialDate('2025-7')).toEqual({ year: 2025, month: 7 });
    expect(parsePartialDate('2025-7-5')).toEqual({ year: 2025, month: 7, day: 5 });
    for (const shown of ['1948', 'Dec 2024', '12 Jul 2025']) expect(formatPartialDate(parsePartialDate(shown)!)).toBe(shown);
  });
});
