// A past timeline filtered by an actor holds the entries that actor had that day: an actor merged
// into another since was its own actor then, found under its own name and not under the actor kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;
const text = async (line: string) => viewText(await desk.run(line));

/** The entry numbers a timeline lists, in its order. */
const listed = (shown: string) => [...shown.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]));

const SGF = 'Syrian Government Forces';

beforeEach(async () => {
  desk = new ClockedDesk('2025-08-01T09:00:00Z');
  await desk.editAt('2025-08-01T10:00:00Z', '/entry add title:"Clashes in Sweida city" date:2025-07-28 type:armed-clash topic:south-syria places:Sweida actors:"Syria:initiator" outlet:SOHR fatalities:45 fatalities_source:SOHR');
  await desk.editAt('2025-08-01T10:05:00Z', '/entry add title:"Shelling of Daraa countryside" date:2025-07-30 type:shelling topic:south-syria places:Daraa outlet:Reuters fatalities:30 fatalities_source:Reuters');
  await desk.editAt('2025-08-01T10:10:00Z', '/entry add title:"Drone strike near Quneitra" date:2025-07-31 type:air-strike topic:south-syria places:Quneitra actors:"Israel:initiator" outlet:AFP fatalities:8 fatalities_source:AFP');
  await desk.editAt('2025-08-03T10:00:00Z', `/actors add name:"${SGF}" kind:armed-force`);
  await desk.editAt('2025-08-03T10:05:00Z', `/entry edit id:19 actors:"${SGF}:initiator"`);
  await desk.editAt('2025-08-03T10:10:00Z', `/entry edit id:20 actors:"+${SGF}:target"`);
  await desk.editAt('2025-08-08T10:00:00Z', `/actors merge from:"${SGF}" into:Syria`);
  desk.setClock('2025-08-10T12:00:00Z');
});
afterEach(() => desk.dispose());

describe('GIVEN an actor linked to entries on 3 Aug and merged into Syria on 8 Aug', () => {
  it('WHEN the merged actor’s past timeline is asked for a day before the merge THEN it holds only its own entries then, and their toll', async () => {
    const view = await desk.run(`/timeline topic:south-syria actor:"${SGF}" as_of:2025-08-03`);
    expect(view.title).toBe(`Timeline — topic south-syria, actor ${SGF} — as of the end of 3 Aug 2025 (UTC)`);
    const shown = viewText(view);
    expect(listed(shown)).toEqual([20, 19]);
    expect(shown).toContain('Showing 1 to 2 of 2 entries.');
    expect(shown).toContain('Fatalities on this page: 38, from 2 entries with figures.');
  });

  it('WHEN the actor kept is asked for a day before the merge THEN the merged actor’s entries are not counted, and a note says where they are', async () => {
    const shown = await text('/timeline topic:south-syria actor:Syria as_of:2025-08-03');
    expect(listed(shown)).toEqual([18]);
    expect(shown).toContain('Showing 1 of 1 entry.');
    expect(shown).toContain('Fatalities on this page: 45, from 1 entry with figures.');
    expect(shown).toContain(`${SGF} was its own actor then (merged into Syria later), so its entries are not counted here: \`/timeline topic:south-syria actor:"${SGF}" as_of:2025-08-03\``);
  });

  it('WHEN either name is asked for a day after the merge, or now THEN the entries of both count under the actor kept', async () => {
    const kept = await text('/timeline topic:south-syria actor:Syria as_of:2025-08-09');
    expect(listed(kept)).toEqual([20, 19, 18]);
    expect(kept).toContain('Fatalities on this page: 83, from 3 entries with figures.');
    expect(kept).not.toContain('its own actor then');

    const merged = await desk.run(`/timeline topic:south-syria actor:"${SGF}" as_of:2025-08-09`);
    expect(merged.title).toBe('Timeline — topic south-syria, actor Syria — as of the end of 9 Aug 2025 (UTC)');
    expect(listed(viewText(merged))).toEqual([20, 19, 18]);
    expect(viewText(merged)).toContain(`${SGF} had been merged into Syria by then: this is Syria’s timeline as it stood, with the entries that named ${SGF}.`);

    const now = await text('/timeline topic:south-syria actor:Syria');
    expect(listed(now)).toEqual([20, 19, 18]);
    expect(now).toContain('Fatalities on this page: 83, from 3 entries with figures.');
  });

  it('WHEN the merged actor is asked for a day before it was added THEN nothing matches, and the reply says when it was added', async () => {
    const shown = await text(`/timeline topic:south-syria actor:"${SGF}" as_of:2025-08-02`);
    expect(listed(shown)).toEqual([]);
    expect(shown).toContain('No entries match.');
    expect(shown).toContain(`${SGF} was added at 2025-08-03 10:00 UTC, after then: it had no entries yet.`);
  });
});
