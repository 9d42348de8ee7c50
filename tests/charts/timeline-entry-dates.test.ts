// GIVEN entries dated only to a month or a year WHEN /chart timeline finds its range from them (no
// since/until) and can draw none of them THEN the reply names them by their dates as they give
// them (`Jul 2025`, `1974`), never as the first day of that period (`1 Jul 2025`).
import { describe, expect, it } from 'vitest';
import { operatorCommandsForFile } from '../support/test-app.js';
import { DRAWING } from '../support/drawing.js';
import { introLines } from '../support/view-text.js';

const run = operatorCommandsForFile();

describe('/chart timeline of entries no week holds, without since/until', DRAWING, () => {
  it.each([
    // Ron Dermer's one entry, #12, is dated Jul 2025.
    ['actor:"Ron Dermer" by:week', '1 entry dated Jul 2025 (only to a month) is not counted by week: there is nothing to chart.', 'by:month counts them.'],
    ['actor:"Ron Dermer" by:week data:true', '1 entry dated Jul 2025 (only to a month) is not counted by week: there is nothing to chart.', 'by:month counts them.'],
    // The air strikes: #6 dated Dec 2024 and #10 dated Jul 2025.
    ['type:air-strike by:week', '2 entries dated Dec 2024 and Jul 2025 (only to a month) are not counted by week: there is nothing to chart.', 'by:month counts them.'],
    // The year up to 1974 holds #3, dated 1974.
    ['until:1974 by:month', '1 entry dated 1974 (only to a year) is not counted by week or month: there is nothing to chart.', '/timeline lists them.'],
  ])('%s names the entries by their own dates', async (options, said, hint) => {
    const view = await run(`/chart timeline ${options}`);
    expect(introLines(view)).toEqual([said, hint]);
    expect(introLines(view).join('\n')).not.toMatch(/\b1 (Jan|Jul|Dec) \d{4}/);
    expect(view.image).toBeUndefined();
  });

  it('with since and until typed THEN the period is named as typed, as before', async () => {
    const view = await run('/chart timeline actor:"Ron Dermer" by:week since:2025-07 until:2025-07');
    expect(introLines(view)[0]).toBe('1 entry in Jul 2025 is dated only to a month, so it is not counted by week: there is nothing to chart.');
  });
});
