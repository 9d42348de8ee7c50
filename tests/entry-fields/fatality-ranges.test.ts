// Sources often give a toll as a range (`20-40`, `between 20 and 40`): figures need a best
// estimate, so the range is refused, and the refusal says how to give it, low-best-high.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk([['/entry add title:"Shelling of Daraa countryside" date:2026-11-15 type:shelling topic:syria-israel', 'Added entry #18.']]);

const ADD = '/entry add title:"Shelling hits market in Daraa" date:2026-11-15 type:shelling topic:syria-israel fatalities_source:Reuters';

describe('GIVEN fatalities typed as a range without a best estimate', () => {
  it.each(['20-40', '"20 – 40"', '"between 20 and 40"', '"20 to 40"'])('WHEN /entry add gives fatalities:%s THEN the refusal says to give low-best-high, e.g. 20-30-40', async (typed) => {
    const said = await text(`${ADD} fatalities:${typed}`);
    expect(said).toContain(`is a range, which needs a best estimate: give low-best-high, e.g. \`20-30-40\` (UCDP’s convention).`);
    expect(said).not.toContain('is not a figure');
    expect(await text('/entry show 19')).toContain('There is no entry #19.');
  });

  it('WHEN /entry edit gives one THEN it is refused alike, and the entry keeps no figure', async () => {
    const said = await text('/entry edit id:18 fatalities:"between 20 and 40" fatalities_source:Reuters');
    expect(said).toContain('Option `fatalities`: `between 20 and 40` is a range, which needs a best estimate: give low-best-high, e.g. `20-30-40` (UCDP’s convention).');
    expect(await text('/entry show 18')).not.toContain('Reuters');
  });

  it('WHEN low-best-high is given as the refusal says THEN the entry records it', async () => {
    expect(await text(`${ADD} fatalities:20-30-40`)).toContain('30 (20 to 40) — Reuters');
  });
});
