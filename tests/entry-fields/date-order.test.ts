// GIVEN an entry's date WHEN a claim about it, or its source's publication, is dated before the
// event began THEN /entry claim, add and edit refuse it, saying the entry's date and how to fix
// it, and write nothing. Partial dates compare at day precision: a date is refused only if its
// last possible day is before the entry's first (a month-precision entry begins on the 1st).
// An import keeps such a source as given, with a note, as a backup of an older store holds it.
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/transfer/import-plan.js';
import { checkRow } from '../../src/transfer/row-validation.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { operatorDesk } from './support/operator-desk.js';

const desk = operatorDesk();
const { run, text } = desk;

/** Adds an entry dated 10 Jul 2025 sourced to SANA, published that day; returns its number. */
async function addStrike(): Promise<number> {
  const added = await run('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA published:2025-07-10 grade:C3');
  expect(added.tone, viewText(added)).toBe('success');
  return Number(/#(\d+)/.exec(viewText(added))![1]);
}

describe('GIVEN an entry dated 10 Jul 2025', () => {
  it('WHEN a claim about it is dated before the event THEN it is refused, saying the entry’s date and how to fix it, and nothing is written', async () => {
    const id = await addStrike();
    const before = storeFingerprint(desk.app.db);
    const view = await run(`/entry claim id:${id} actor:Syria stance:claims outlet:SANA date:2025-01-01`);
    expect(view.tone).toBe('error');
    const said = viewText(view);
    expect(said).toContain(`Option \`date\` (2025-01-01) is before entry #${id}'s date (2025-07-10): a claim about an event is made once it has begun.`);
    expect(said).toContain(`Give the day the actor said so, from 2025-07-10 on; or, if the entry's date is wrong, correct it first: \`/entry edit id:${id} date:…\``);
    expect(storeFingerprint(desk.app.db)).toBe(before);
  });

  it('WHEN a claim is dated the day of the event, or by a month that holds it THEN it is recorded', async () => {
    const id = await addStrike();
    expect(await text(`/entry claim id:${id} actor:Syria stance:claims outlet:SANA date:2025-07-10`)).toContain(`Recorded on #${id}: Syria claims it.`);
    expect(await text(`/entry claim id:${id} actor:Israel stance:denies outlet:"Israeli army radio" date:2025-07`)).toContain(`Recorded on #${id}: Israel denies it.`);
  });

  it('WHEN /entry add gives a publication date before the event THEN it is refused, and nothing is written', async () => {
    const before = storeFingerprint(desk.app.db);
    const said = await text('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA published:2025-06');
    expect(said).toContain("Option `published` (2025-06) is before the entry's date (2025-07-10): a source reports an event once it has begun.");
    expect(said).toContain("Give the day SANA published it, from 2025-07-10 on; or, if the entry's date is wrong, correct it with `date:`.");
    expect(storeFingerprint(desk.app.db)).toBe(before);
    // A month that holds the event's day may be when it was published.
    expect(await text('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA published:2025-07')).toContain('Added entry #18.');
  });

  it('WHEN /entry edit gives a publication date before the event THEN it is refused, and the entry keeps its own', async () => {
    const id = await addStrike();
    const before = storeFingerprint(desk.app.db);
    const said = await text(`/entry edit id:${id} published:2020-01-05`);
    expect(said).toContain("Option `published` (2020-01-05) is before the entry's date (2025-07-10)");
    expect(storeFingerprint(desk.app.db)).toBe(before);
    expect(await text(`/entry show id:${id}`)).toContain('SANA · C3 (fairly reliable; possibly true) (10 Jul 2025)');
  });

  it('WHEN /entry edit moves the date past the publication THEN it is refused, naming both and the field to change', async () => {
    const id = await addStrike();
    const before = storeFingerprint(desk.app.db);
    const said = await text(`/entry edit id:${id} date:2025-07-12`);
    expect(said).toContain('Option `date` (2025-07-12) is after the day the source, SANA, was published (2025-07-10): a source reports an event once it has begun.');
    expect(said).toContain('Give a date up to 2025-07-10; or, if the publication date is wrong, correct it with `published:` in the same command (or drop the source with `clear:source`).');
    expect(storeFingerprint(desk.app.db)).toBe(before);
    // Both in one command agree.
    const moved = await text(`/entry edit id:${id} date:2025-07-12 published:2025-07-12`);
    expect(moved).toContain(`Updated #${id}:`);
    expect(moved).toContain('SANA · C3 (fairly reliable; possibly true) (12 Jul 2025)');
  });
});

describe('GIVEN entries dated by month or year', () => {
  it('WHEN a claim or publication falls on the period’s first day or after THEN it is taken; the day before is refused', async () => {
    // Seed entry #13 is dated Jul 2025.
    expect(await text('/entry claim id:13 actor:Syria stance:confirms outlet:SANA date:2025-07-01')).toContain('Recorded on #13');
    expect(await text('/entry claim id:13 actor:Israel stance:denies outlet:IDF date:2025-06-30')).toContain("Option `date` (2025-06-30) is before entry #13's date (2025-07)");
    expect(await text('/entry add title:"Year of talks" date:2025 type:talks topic:syria-israel outlet:AFP published:2025-01-01')).toContain('Added entry #18.');
    expect(await text('/entry add title:"Year of talks" date:2025 type:talks topic:syria-israel outlet:AFP published:2024')).toContain(
      "Option `published` (2024) is before the entry's date (2025)",
    );
  });
});

describe('GIVEN an entry stored before publication dates had to follow its date', () => {
  it('WHEN another of its fields is edited THEN the edit goes through', async () => {
    const id = await addStrike();
    desk.app.services.editor.editEntry(id, { sources: [{ outlet: 'SANA', published: '2020-01-05' }] }, { by: 'test', at: '2025-07-20T00:00:00Z' });
    expect(await text(`/entry edit id:${id} confidence:confirmed`)).toContain(`Updated #${id}: confidence.`);
  });
});

describe('GIVEN import rows', () => {
  const row = { title: 'Strike on Tasil', date: '2025-07-10', type: 'air-strike', topic: 'syria-israel', outlet: 'SANA' };

  it('WHEN a source is published before the entry’s date THEN the row is kept as given, with a note saying so', () => {
    const flat = checkRow({ ...row, published: '2020-01-05' }, desk.app.dossier);
    expect(flat).toMatchObject({ ok: true, input: { sources: [{ outlet: 'SANA', published: '2020-01-05' }] } });
    expect(flat.ok && flat.note).toBe(
      'published 2020-01-05 (SANA) is before the date 2025-07-10, as sources of entries stored before they had to follow their date may be: kept as given (/entry add would refuse it).',
    );
    const listed = checkRow({ ...row, published: '2025-07-10', more_sources: [{ outlet: 'AFP', published: '2025-06' }] }, desk.app.dossier);
    expect(listed.ok && listed.note).toContain('published 2025-06 (AFP) is before the date 2025-07-10');
    // Published the day of the event, or in its month: nothing to say.
    const sameMonth = checkRow({ ...row, published: '2025-07' }, desk.app.dossier);
    expect(sameMonth.ok && sameMonth.note).toBeUndefined();
  });

  it('WHEN the import is planned THEN the note is listed with the row’s line', () => {
    const plan = planImport([{ line: 2, values: { ...row, published: '2020-01-05' } }], desk.app.db, desk.app.dossier);
    expect(plan.accepted).toHaveLength(1);
    expect(plan.noted).toEqual([{ line: 2, reason: expect.stringContaining('published 2020-01-05 (SANA) is before the date 2025-07-10') as string }]);
  });
});
