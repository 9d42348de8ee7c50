// A toll typed as a lower bound, as cards show one (`at least 5`) or as it is often written (`5+`,
// `> 5`), is no figure UCDP's convention records: the refusal says to give 5 as the best estimate,
// or as the low of low-best-high.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const { text } = operatorDesk();

const ADD = '/entry add title:"Shelling hits market in Daraa" date:2026-11-15 type:shelling topic:syria-israel fatalities_source:"Health ministry"';

describe('GIVEN fatalities typed as a lower bound', () => {
  it.each(['"at least 5"', '5+', '"> 5"', '"more than 5"'])('WHEN /entry add gives fatalities:%s THEN the refusal says to write 5, or 5 as the low of a range', async (typed) => {
    const said = await text(`${ADD} fatalities:${typed}`);
    expect(said).toContain(`is a lower bound, which figures do not record: give \`5\`, the best estimate (as a card's "at least 5" is recorded), or low-best-high with 5 as the low where sources give a range.`);
    expect(said).not.toContain('is not a figure');
    expect(said).not.toContain('Give the best estimate (`12`)');
    expect(await text('/entry show 18')).toContain('There is no entry #18.');
  });

  it('WHEN the best estimate is given as the refusal says THEN the entry records it', async () => {
    expect(await text(`${ADD} fatalities:5`)).toContain('5 — Health ministry');
  });
});
