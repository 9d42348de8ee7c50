// GIVEN a past view (/timeline as_of:) filtered by place THEN a place whose entries have since
// moved elsewhere or been removed still reads in the view of then (stored places are kept), and a
// place no entry had then shows an empty view of then, not a refusal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;
const run = async (line: string) => desk.run(line);

/** The view of `line`, as its text, asserting that it is no refusal. */
const shown = (line: string) => desk.shown(line);

/**
 * On 3 Jul: #18 at Qardaha (located), #19 at a free-text place, #20 at another free-text place.
 * On 5 Jul: #18 and #19 move to Damascus, #20 is removed, and #21 is added at Tartus.
 */
beforeEach(async () => {
  desk = new ClockedDesk('2025-07-01T09:00:00Z');
  await desk.editAt('2025-07-03T12:00:00Z', '/entry add title:"Talks in Qardaha" date:2025-07 type:talks topic:syria-israel places:Qardaha');
  await desk.editAt('2025-07-03T12:00:00Z', '/entry add title:"Meeting at the ridge" date:2025-07 type:talks topic:syria-israel places:"Cedar Nook Hill" located:false');
  await desk.editAt('2025-07-03T12:00:00Z', '/entry add title:"Short-lived report" date:2025-07 type:talks topic:syria-israel places:"Gone Gully" located:false');
  await desk.editAt('2025-07-05T12:00:00Z', '/entry edit id:18 places:Damascus');
  await desk.editAt('2025-07-05T12:00:00Z', '/entry edit id:19 places:Damascus');
  await desk.editAt('2025-07-05T12:00:00Z', '/entry remove id:20 reason:"duplicate"');
  await desk.editAt('2025-07-05T12:00:00Z', '/entry add title:"Port visit in Tartus" date:2025-07 type:talks topic:syria-israel places:Tartus');
  desk.setClock('2025-07-20T12:00:00Z');
});
afterEach(() => desk.dispose());

describe('GIVEN /timeline with a place and as_of', () => {
  it('WHEN the place had entries then that have since moved elsewhere THEN the view of then shows them', async () => {
    expect(await shown('/timeline place:Qardaha')).toContain('No entries match.');
    const located = await shown('/timeline place:Qardaha as_of:2025-07-04');
    expect(located).toContain('Timeline — place Qardaha — as of the end of 4 Jul 2025 (UTC)');
    expect(located).toContain('#18 Talks in Qardaha');
    const freeText = await shown('/timeline place:"Cedar Nook Hill" as_of:2025-07-04');
    expect(freeText).toContain('#19 Meeting at the ridge');
    expect(freeText).toContain('Places: Cedar Nook Hill');
  });

  it('WHEN the only entry at the place has since been removed THEN the view of then shows it', async () => {
    expect(await shown('/timeline place:"Gone Gully"')).toContain('No entries match.');
    expect(await shown('/timeline place:"Gone Gully" as_of:2025-07-04')).toContain('#20 Short-lived report');
  });

  it('WHEN no entry had the place then but one has it now THEN the view of then is empty, not refused', async () => {
    expect(await shown('/timeline place:Tartus')).toContain('#21 Port visit in Tartus');
    const then = await shown('/timeline place:Tartus as_of:2025-07-04');
    expect(then).toContain('A past view: the dossier as of the end of 4 Jul 2025 (UTC)');
    expect(then).toContain('No entries match.');
    expect(then).not.toContain('#21');
  });

  it('WHEN no entry ever had the place and the gazetteer does not know it THEN the view of then is refused', async () => {
    const view = await run('/timeline place:Nowherevillexyz as_of:2025-07-04');
    expect(view.tone).toBe('error');
    expect(viewText(view)).toContain('No entry has the place `Nowherevillexyz` (option `place`).');
  });
});
