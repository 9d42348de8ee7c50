// What /entry edit says when new fatality figures are laid over old ones the edit does not
// restate: the source kept for want of `fatalities_source`, and a range the new figure drops.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, operator));
/** Without code marks, however the text renderer shows code spans. */
const unmarked = (said: string) => said.replaceAll('`', '');

beforeEach(() => {
  const clock = new Date('2026-12-05T10:00:00Z');
  app = createTestApp('', () => clock);
});
afterEach(() => app.dispose());

const ADD = '/entry add title:"Clashes in Sweida" date:2026-11-15 type:armed-clash topic:syria-israel fatalities:12 fatalities_source:"Syrian health ministry"';

describe('GIVEN entry #18 whose figures are 12 (10 to 40) according to SOHR', () => {
  beforeEach(async () => {
    expect(await text(ADD)).toContain('Added entry #18.');
    expect(await text('/entry edit id:18 fatalities:"10-12-40" fatalities_source:SOHR')).toContain('12 (10 to 40) — SOHR');
  });

  it('WHEN an edit gives fatalities:15 without a source THEN the reply says SOHR was kept as its source and the range 10–40 was dropped, with the edits that change either', async () => {
    const said = unmarked(await text('/entry edit id:18 fatalities:15'));
    expect(said).toContain('Updated #18: fatalities.');
    expect(said).toContain('Fatalities: kept SOHR as the source of 15, as fatalities_source was not given. If another source gives it: /entry edit id:18 fatalities_source:"…"');
    expect(said).toContain('The range 10–40 was dropped: fatalities:15 gives none. To keep it: /entry edit id:18 fatalities:"10-15-40" fatalities_source:SOHR');
    expect(said).toContain('15 — SOHR');
  });

  it('WHEN an edit gives a figure outside the old range with its own source THEN only the dropped range is told, and no range is offered back', async () => {
    const said = unmarked(await text('/entry edit id:18 fatalities:50 fatalities_source:"UN OCHA"'));
    expect(said).toContain('The range 10–40 was dropped: fatalities:50 gives none. Give low-best-high to set one.');
    expect(said).not.toContain('kept SOHR');
    expect(said).not.toContain('To keep it');
  });

  it('WHEN an edit gives a new range and its source THEN nothing is said of sources or ranges', async () => {
    const said = await text('/entry edit id:18 fatalities:"12-14-40" fatalities_source:SOHR');
    expect(said).toContain('Updated #18: fatalities.');
    expect(said).not.toContain('kept SOHR');
    expect(said).not.toContain('was dropped');
  });

  it('WHEN an edit changes only who gives the figures THEN the figures stay whole and nothing more is said', async () => {
    const said = await text('/entry edit id:18 fatalities_source:"SOHR, to AFP"');
    expect(said).toContain('12 (10 to 40) — SOHR, to AFP');
    expect(said).not.toContain('was dropped');
    expect(said).not.toContain('kept SOHR');
  });
});
