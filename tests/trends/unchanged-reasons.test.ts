// Why a trend call proposes "unchanged", in words that match its figures: too few to tell, the
// same count, or a difference too small to call (3 → 5 is +67% but two events, not "steady").
import { describe, expect, it } from 'vitest';
import { suggestDirection, type WindowFigures } from '../../src/core/trends.js';

const window = (clashes: number): WindowFigures => ({ from: '2025-07-01', to: '2025-07-07', entries: clashes, byType: new Map([['armed-clash', clashes]]) });

describe('GIVEN two windows of armed clashes', () => {
  it('WHEN the counts differ by less than a call needs THEN the reason says the change is too small to call, not that it held steady', () => {
    const call = suggestDirection(window(3), window(5));
    expect(call.direction).toBe('unchanged');
    expect(call.reason).toBe('Armed clashes and strikes went from 3 to 5: too small a change to call (a call takes a difference of 3 or more, and of a quarter or more, either way).');
  });

  it('WHEN the counts are the same THEN they held steady; when both are small THEN there are too few to see a change', () => {
    expect(suggestDirection(window(6), window(6)).reason).toBe('Armed clashes and strikes held steady (6, then 6).');
    expect(suggestDirection(window(1), window(2)).reason).toBe('Too few armed clashes and strikes to see a change (1, then 2).');
  });

  it('WHEN they rise by 3 or more and a quarter or more THEN the call is deteriorated, with the figures', () => {
    expect(suggestDirection(window(4), window(8))).toEqual({ direction: 'deteriorated', reason: 'Armed clashes and strikes rose from 4 to 8.' });
  });
});
