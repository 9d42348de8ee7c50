// Runs of spaces typed inside a title, a place or a tag are stored as one space: the entry reads as
// it would have been typed with care, and is found as the same title by later checks.
import { describe, expect, it } from 'vitest';
import { operatorDesk } from './support/operator-desk.js';

const desk = operatorDesk();
const { text } = desk;

describe('GIVEN a title typed with runs of spaces', () => {
  it('WHEN /entry add stores it THEN the title, places and tags keep one space between words', async () => {
    const said = await text('/entry add title:"  Strike   near   Daraa  " date:2026-11-15 type:air-strike topic:syria-israel places:"Tel   Aviv" tags:"direct   talks"');
    expect(said).toContain('#18 Strike near Daraa');
    const entry = desk.app.dossier.getEntry(18)!;
    expect(entry.title).toBe('Strike near Daraa');
    expect(entry.places).toEqual(['Tel Aviv']);
    expect(entry.tags).toEqual(['direct talks']);
  });

  it('WHEN /entry edit changes a title so THEN it is stored with single spaces', async () => {
    expect(await text('/entry edit id:3 title:"Disengagement    agreement   signed"')).toContain('Updated #3: title.');
    expect(desk.app.dossier.getEntry(3)!.title).toBe('Disengagement agreement signed');
  });
});
