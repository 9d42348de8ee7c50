// GIVEN an entry with several sources WHEN /entry edit names one with `source:N` THEN the source
// options change that source (one past the last adds a source) and `clear:source` removes it;
// /entry show numbers the sources so N can be read off, and a number that names no source is
// refused with the range, the entry unchanged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const run = (line: string) => app.dispatcher.runText(line, operator);
const text = async (line: string) => viewText(await run(line));

beforeEach(() => {
  app = createTestApp('', () => new Date('2026-12-05T10:00:00Z'));
});
afterEach(() => app.dispose());

function sourcesOf(shown: string): string[] {
  const section = shown.split('\nSources\n')[1] ?? '';
  return section.split('\n\n')[0]!.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The strike on Tasil, sourced to SANA then Reuters; returns its number. */
async function twoSourcedStrike(): Promise<number> {
  const added = await run('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA grade:C3');
  const id = Number(/#(\d+)/.exec(viewText(added))![1]);
  const second = await text(`/entry edit id:${id} source:2 outlet:Reuters source_url:https://www.reuters.com/world/y`);
  expect(second).toContain(`Updated #${id}: source.`);
  expect(sourcesOf(second)).toEqual(['1. SANA · C3 (fairly reliable; possibly true)', '2. Reuters <https://www.reuters.com/world/y>']);
  return id;
}

describe('GIVEN an entry sourced to SANA and Reuters', () => {
  it('WHEN source:2 is given a grade THEN only Reuters changes, and /entry show lists both, numbered', async () => {
    const id = await twoSourcedStrike();
    expect(await text(`/entry edit id:${id} source:2 grade:B2`)).toContain(`Updated #${id}: source.`);
    expect(sourcesOf(await text(`/entry show id:${id}`))).toEqual(['1. SANA · C3 (fairly reliable; possibly true)', '2. Reuters <https://www.reuters.com/world/y> · B2 (usually reliable; probably true)']);
  });

  it('WHEN source:1 is cleared THEN Reuters is the only source, shown unnumbered, and undo brings SANA back first', async () => {
    const id = await twoSourcedStrike();
    expect(sourcesOf(await text(`/entry edit id:${id} source:1 clear:source`))).toEqual(['Reuters <https://www.reuters.com/world/y>']);
    expect(sourcesOf(await text(`/entry undo id:${id}`))).toEqual(['1. SANA · C3 (fairly reliable; possibly true)', '2. Reuters <https://www.reuters.com/world/y>']);
  });

  it('WHEN the source options come without source: THEN they change the first source, as before', async () => {
    const id = await twoSourcedStrike();
    expect(sourcesOf(await text(`/entry edit id:${id} grade:A1`))).toEqual(['1. SANA · A1 (completely reliable; confirmed by other sources)', '2. Reuters <https://www.reuters.com/world/y>']);
  });

  it('WHEN source: names no source THEN the refusal gives the range and how to list them, and nothing is written', async () => {
    const id = await twoSourcedStrike();
    const before = await text(`/entry history id:${id}`);
    const beyond = await run(`/entry edit id:${id} source:4 outlet:AFP`);
    expect(beyond.tone).toBe('error');
    expect(viewText(beyond)).toContain(`Entry #${id} has 2 sources, so there is no source 4.`);
    expect(viewText(beyond)).toContain('Give 1–3; 3 adds a new one.');
    expect(viewText(beyond)).toContain(`/entry show id:${id}`);
    const removing = viewText(await run(`/entry edit id:${id} source:3 clear:source`));
    expect(removing).toContain('there is no source 3 to remove');
    expect(removing).toContain('Remove one of 1–2.');
    const idle = viewText(await run(`/entry edit id:${id} source:2`));
    expect(idle).toContain('no source option is given');
    expect(idle).toContain(`source:2 clear:source`);
    expect(await text(`/entry history id:${id}`)).toBe(before);
  });
});

describe('GIVEN seeded entry #12, with one source', () => {
  it('WHEN source:2 is given a grade alone THEN the refusal says #12 has 1 source, how to grade it, and how to add one, and nothing is written', async () => {
    const before = await text('/entry history id:12');
    const said = await text('/entry edit id:12 source:2 grade:B2');
    expect(said).toContain('Entry #12 has 1 source, so `source:2` would add a new one, which needs `outlet` or `source_url`.');
    expect(said).toContain('To change the existing source: `/entry edit id:12 source:1 grade:B2`');
    expect(said).toContain('To add a new one: `/entry edit id:12 source:2 outlet:AFP grade:B2`');
    expect(await text('/entry history id:12')).toBe(before);
  });

  it('WHEN the existing source is graded as the refusal says THEN it takes the grade', async () => {
    expect(await text('/entry edit id:12 source:1 grade:B2')).toContain('Updated #12: source.');
    expect(sourcesOf(await text('/entry show id:12'))[0]).toMatch(/· B2/);
  });
});
