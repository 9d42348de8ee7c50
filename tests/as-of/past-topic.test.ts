// GIVEN a past view (/timeline as_of:) of a topic THEN a topic no entry had then or has now is
// refused as the live timeline refuses it, while a topic whose entries have since moved away
// still reads in a view of then.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;
const run = async (line: string) => desk.run(line);

/** The refusal of `line`, as its text, asserting that it is one and that the store is as it was. */
async function refused(line: string): Promise<string> {
  const before = storeFingerprint(desk.app.db);
  const view = await run(line);
  expect(view.tone, viewText(view)).toBe('error');
  expect(storeFingerprint(desk.app.db)).toBe(before);
  return viewText(view);
}

/** The seed dossier on 1 Jul; an entry of a new topic, lebanon, on 3 Jul, moved to syria-israel on 5 Jul. */
beforeEach(async () => {
  desk = new ClockedDesk('2025-07-01T09:00:00Z');
  await desk.editAt('2025-07-03T12:00:00Z', '/entry add title:"Border talks in Naqoura" date:2025-07 type:talks topic:lebanon');
  await desk.editAt('2025-07-05T12:00:00Z', '/entry edit id:18 topic:syria-israel');
  desk.setClock('2025-07-20T12:00:00Z');
});
afterEach(() => desk.dispose());

describe('GIVEN /timeline with a topic and as_of', () => {
  it('WHEN the topic never existed THEN the past view is refused as the live timeline refuses it', async () => {
    const live = await refused('/timeline topic:nosuch');
    expect(live).toContain('There is no topic `nosuch` (option `topic`).');
    const past = await refused('/timeline topic:nosuch as_of:2025-07-04');
    expect(past).toContain('There is no topic `nosuch` (option `topic`).');
    expect(past).toContain('Topics: syria-israel.');
    expect(past).not.toContain('A past view');
  });

  it('WHEN the topic never existed and the view is of a time before the first entry THEN it is refused too', async () => {
    expect(await refused('/timeline topic:nosuch as_of:2025-06-01')).toContain('There is no topic `nosuch` (option `topic`).');
    // A topic of now still shows that the dossier did not exist yet.
    const known = viewText(await run('/timeline topic:syria-israel as_of:2025-06-01'));
    expect(known).toContain('The dossier did not exist yet as of the end of 1 Jun 2025 (UTC)');
  });

  it('WHEN the other filters are refused too THEN the refusal names the topic with them', async () => {
    const both = await refused('/timeline topic:nosuch actor:Nobodyxyz as_of:2025-07-04');
    expect(both).toContain('No actor is called');
    expect(both).toContain('There is no topic `nosuch` (option `topic`).');
  });

  it('WHEN the topic had entries then but has none now THEN the view of then shows them', async () => {
    expect(await refused('/timeline topic:lebanon')).toContain('There is no topic `lebanon` (option `topic`).');
    const then = viewText(await run('/timeline topic:lebanon as_of:2025-07-04'));
    expect(then).toContain('Timeline — topic lebanon — as of the end of 4 Jul 2025 (UTC)');
    expect(then).toContain('#18 Border talks in Naqoura');
    // Filters that leave nothing say so, rather than that the topic does not exist.
    const none = viewText(await run('/timeline topic:lebanon type:air-strike as_of:2025-07-04'));
    expect(none).toContain('No entries');
    expect(none).not.toContain('There is no topic');
  });

  it('WHEN the topic had no entry yet, nor has one now THEN the view of that time is refused', async () => {
    expect(await refused('/timeline topic:lebanon as_of:2025-07-02')).toContain('There is no topic `lebanon` (option `topic`).');
  });
});
