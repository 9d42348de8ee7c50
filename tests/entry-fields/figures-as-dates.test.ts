// Fatality figures a spreadsheet turned into a date (`10-12-15` saved as `10-12-2015`) are refused
// as the date they are, through /entry edit and through an import, rather than read as figures.
import { beforeEach, describe, expect, it } from 'vitest';
import { checkRow } from '../../src/transfer/row-validation.js';
import { operatorDesk } from './support/operator-desk.js';

const desk = operatorDesk();
const { text } = desk;

const ADD = '/entry add title:"Clashes in Sweida" date:2026-11-15 type:armed-clash topic:syria-israel fatalities:12 fatalities_source:"Syrian health ministry"';

describe('GIVEN entry #18 whose figure is 12 according to the Syrian health ministry', () => {
  beforeEach(async () => {
    expect(await text(ADD)).toContain('Added entry #18.');
  });

  it.each(['10-12-2015', '2015-12-10', '10/12/2015', '10.12.2015', '2015-12-10 00:00:00'])(
    'WHEN an edit gives fatalities:%s THEN it is refused as a date a spreadsheet made of 10-12-15, and the figures stay 12',
    async (typed) => {
      const said = await text(`/entry edit id:18 fatalities:"${typed}" fatalities_source:AFP`);
      expect(said).toContain(`Option \`fatalities\`: \`${typed}\` looks like a date, as a spreadsheet makes of figures like \`10-12-15\`.`);
      expect(said).toContain('If the figures are 10-12-15 (low-best-high), give `fatalities:"10-12-15"`; in a spreadsheet, format the column as text');
      expect(said).not.toContain('is above the best');
      expect(await text('/entry show 18')).toContain('12 — Syrian health ministry');
    },
  );

  it('WHEN an edit gives figures that only look like numbers with dashes (10-12-15, 100-120-2015) THEN they are recorded', async () => {
    expect(await text('/entry edit id:18 fatalities:"10-12-15" fatalities_source:AFP')).toContain('12 (10 to 15) — AFP');
    expect(await text('/entry edit id:18 fatalities:"100-120-2015" fatalities_source:AFP')).toContain('120 (100 to 2,015) — AFP');
  });
});

describe('GIVEN an import row whose fatalities cell a spreadsheet saved as a date', () => {
  it('THEN the row is refused, naming the cell as a date made of 10-12-15', () => {
    const result = checkRow({ title: 'Row', date: '2025-08', type: 'air-strike', topic: 'syria-israel', fatalities: '10-12-2015', fatalities_source: 'AFP' }, desk.app.dossier);
    expect(result.ok ? 'accepted' : result.reason).toContain('`10-12-2015` looks like a date, as a spreadsheet makes of figures like `10-12-15`.');
  });
});
