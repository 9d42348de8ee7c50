// GIVEN an entry whose source is one outlet's WHEN /entry edit names another outlet THEN the
// entry cites the new outlet alone: the old one's link, attribution, grade and publication date
// are not pinned on it (unless given again), its revision records that, and /entry undo brings
// them back. An edit that keeps the outlet (a fixed link, another letter case) keeps them.
import { describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { operatorDesk } from './support/operator-desk.js';

const desk = operatorDesk();
const { run, text } = desk;

/** The lines of a view's Sources section, as a reader sees them. */
function sourcesOf(shown: string): string[] {
  const section = shown.split('\nSources\n')[1] ?? '';
  return section.split('\n\n')[0]!.split('\n').map((line) => line.trim()).filter(Boolean);
}

const SANA =
  'outlet:SANA attribution:"Syrian state news agency, citing a medical source" published:2025-07-10 grade:C3 source_url:https://sana.sy/en/?p=1';
const SANA_LINE = 'SANA <https://sana.sy/en/?p=1> · C3 (fairly reliable; possibly true) — Syrian state news agency, citing a medical source (10 Jul 2025)';

/** Adds the strike on Tasil, sourced to SANA; returns its number. */
async function addStrike(): Promise<number> {
  const added = await run(`/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel ${SANA}`);
  expect(added.tone, viewText(added)).toBe('success');
  expect(sourcesOf(viewText(added))).toEqual([SANA_LINE]);
  return Number(/#(\d+)/.exec(viewText(added))![1]);
}

describe('GIVEN an entry sourced to SANA, with its attribution, grade C3 and publication date', () => {
  it('WHEN an edit names Reuters and its link THEN the entry cites Reuters alone, without SANA’s attribution, grade and date', async () => {
    const id = await addStrike();
    const edited = await text(`/entry edit id:${id} outlet:Reuters source_url:https://www.reuters.com/world/middle-east/y`);
    expect(edited).toContain(`Updated #${id}: source.`);
    expect(sourcesOf(edited)).toEqual(['Reuters <https://www.reuters.com/world/middle-east/y>']);
    expect(sourcesOf(await text(`/entry show id:${id}`))).toEqual(['Reuters <https://www.reuters.com/world/middle-east/y>']);
  });

  it('WHEN the replacing edit is undone THEN SANA comes back with its attribution, grade and date, and history records both', async () => {
    const id = await addStrike();
    await run(`/entry edit id:${id} outlet:Reuters source_url:https://www.reuters.com/world/middle-east/y`);
    const undone = await text(`/entry undo id:${id}`);
    expect(undone).toContain('(source)');
    expect(sourcesOf(undone)).toEqual([SANA_LINE]);
    expect(sourcesOf(await text(`/entry show id:${id}`))).toEqual([SANA_LINE]);
    const history = await text(`/entry history id:${id}`);
    expect(history).toMatch(/edit by console:operator — source\n/);
    expect(history).toMatch(/undo of r\d+, an edit/);
  });

  it('WHEN an edit names another outlet with its own grade, attribution and date THEN those are the ones shown', async () => {
    const id = await addStrike();
    const edited = await text(`/entry edit id:${id} outlet:Reuters grade:B2 attribution:"Hospital officials, to Reuters" published:2025-07-11`);
    expect(sourcesOf(edited)).toEqual(['Reuters · B2 (usually reliable; probably true) — Hospital officials, to Reuters (11 Jul 2025)']);
  });

  it('WHEN an edit names another outlet and no link THEN SANA’s link is not left under Reuters either', async () => {
    const id = await addStrike();
    expect(sourcesOf(await text(`/entry edit id:${id} outlet:Reuters`))).toEqual(['Reuters']);
  });

  it('WHEN an edit changes only the link THEN the attribution, grade and date stay', async () => {
    const id = await addStrike();
    const edited = await text(`/entry edit id:${id} source_url:https://sana.sy/en/?p=2`);
    expect(edited).toContain(`Updated #${id}: source.`);
    expect(sourcesOf(edited)).toEqual(['SANA <https://sana.sy/en/?p=2> · C3 (fairly reliable; possibly true) — Syrian state news agency, citing a medical source (10 Jul 2025)']);
  });

  it('WHEN the outlet is given in another letter case THEN it is the same source, kept as stored unless respell:true re-spells it, and keeps the rest', async () => {
    const id = await addStrike();
    // As places keep theirs, a letter-case slip keeps the stored spelling: nothing changes.
    expect(await text(`/entry edit id:${id} outlet:sana`)).toContain('Nothing to change');
    expect(sourcesOf(await text(`/entry show ${id}`))).toEqual([SANA_LINE]);
    expect(sourcesOf(await text(`/entry edit id:${id} outlet:sana respell:true`))).toEqual([
      'sana <https://sana.sy/en/?p=1> · C3 (fairly reliable; possibly true) — Syrian state news agency, citing a medical source (10 Jul 2025)',
    ]);
  });
});

describe('GIVEN sources whose outlet differs from another only by accents, or was only its link’s site', () => {
  it('WHEN the outlet is given without its accents THEN it is the same outlet, and its grade and date stay', async () => {
    const added = await text('/entry add title:"Talks in Buenos Aires" date:2025-07-10 type:talks topic:syria-israel outlet:"Télam" grade:B2 published:2025-07-10');
    const id = Number(/#(\d+)/.exec(added)![1]);
    expect(sourcesOf(await text(`/entry edit id:${id} outlet:TELAM`))).toEqual(['TELAM · B2 (usually reliable; probably true) (10 Jul 2025)']);
  });

  it('WHEN a link to another site replaces one whose site named the outlet THEN its grade and attribution go with the old site', async () => {
    const added = await text('/entry add title:"Strike on Nawa" date:2025-07-10 type:air-strike topic:syria-israel source_url:https://sana.sy/en/?p=9 grade:C3 attribution:"Medical source"');
    const id = Number(/#(\d+)/.exec(added)![1]);
    expect(sourcesOf(added)).toEqual(['sana.sy <https://sana.sy/en/?p=9> · C3 (fairly reliable; possibly true) — Medical source']);
    expect(sourcesOf(await text(`/entry edit id:${id} source_url:https://www.reuters.com/x`))).toEqual(['reuters.com <https://www.reuters.com/x>']);
  });

  it('WHEN an outlet that was only its link’s site is named, the link kept THEN it is the same source, named', async () => {
    const added = await text('/entry add title:"Strike on Nawa" date:2025-07-10 type:air-strike topic:syria-israel source_url:https://sana.sy/en/?p=9 grade:C3 attribution:"Medical source"');
    const id = Number(/#(\d+)/.exec(added)![1]);
    expect(sourcesOf(await text(`/entry edit id:${id} outlet:SANA`))).toEqual(['SANA <https://sana.sy/en/?p=9> · C3 (fairly reliable; possibly true) — Medical source']);
  });
});
