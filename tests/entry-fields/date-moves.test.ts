// GIVEN an entry with sources and claims WHEN /entry edit moves its date past the day a source it
// keeps was published, or a claim it keeps was made THEN the edit is refused, naming each such
// source and claim, the latest date that fits them, and how to correct each; nothing is written.
// Not only the first source, which the options set: every source and claim the entry keeps.
// Moving the date no further than they allow, or editing another field, goes through.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
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

/** An entry of 10 Jul 2025 sourced to SANA that day, which Syria claimed that day and Tom Barrack confirmed the next; returns its number. */
async function addClaimedStrike(): Promise<number> {
  const added = await run('/entry add title:"Strike on Tasil" date:2025-07-10 type:air-strike topic:syria-israel outlet:SANA published:2025-07-10');
  expect(added.tone, viewText(added)).toBe('success');
  const id = Number(/#(\d+)/.exec(viewText(added))![1]);
  expect(await text(`/entry claim id:${id} actor:Syria stance:claims outlet:SANA date:2025-07-10`)).toContain(`Recorded on #${id}: Syria claims it.`);
  expect(await text(`/entry claim id:${id} actor:"Tom Barrack" stance:confirms outlet:AFP date:2025-07-11`)).toContain(`Recorded on #${id}: Tom Barrack confirms it.`);
  return id;
}

/** The refusal of `line`, asserting it wrote nothing. */
async function refused(line: string): Promise<string> {
  const before = storeFingerprint(app.db);
  const view = await run(line);
  expect(view.tone, viewText(view)).toBe('error');
  expect(storeFingerprint(app.db)).toBe(before);
  return viewText(view);
}

describe('GIVEN an entry whose claims were made on the day of the event and the day after', () => {
  it('WHEN an edit moves the date past a claim, correcting the source alongside THEN it is refused, naming the claim and how to take it off', async () => {
    const id = await addClaimedStrike();
    const said = await refused(`/entry edit id:${id} date:2025-07-11 published:2025-07-11`);
    expect(said).toContain('Option `date` (2025-07-11) is after the day Syria claimed it through SANA (2025-07-10): a claim about an event is made once it has begun.');
    expect(said).toContain(
      `Give a date up to 2025-07-10; or, if Syria claimed it on another day, record the claim again with that day (\`/entry claim\`) and take this one off: \`/entry unclaim id:${id} actor:Syria stance:claims date:2025-07-10\``,
    );
    expect(await text(`/entry show id:${id}`)).toContain('Date        10 Jul 2025');

    // Doing as the refusal says, the same edit goes through.
    expect(await text(`/entry claim id:${id} actor:Syria stance:claims outlet:SANA date:2025-07-11`)).toContain(`Recorded on #${id}`);
    expect(await text(`/entry unclaim id:${id} actor:Syria stance:claims date:2025-07-10`)).toContain(`Took off #${id}: Syria claims (10 Jul 2025, SANA).`);
    const moved = await text(`/entry edit id:${id} date:2025-07-11 published:2025-07-11`);
    expect(moved).toContain(`Updated #${id}:`);
    expect(moved).toContain('Date        11 Jul 2025');
  });

  it('WHEN an edit moves the date past the source and both claims THEN one refusal names each, the latest date that fits them all, and the fix for each', async () => {
    const id = await addClaimedStrike();
    const said = await refused(`/entry edit id:${id} date:2025-07-12`);
    expect(said).toContain(
      'Option `date` (2025-07-12) is after the days the source, SANA, was published (2025-07-10), Syria claimed it through SANA (2025-07-10) and Tom Barrack confirmed it through AFP (2025-07-11): ' +
        'a source reports an event, and a claim about it is made, once it has begun.',
    );
    expect(said).toContain('Give a date up to 2025-07-10.');
    expect(said).toContain("If SANA's publication date is wrong, correct it with `published:` in the same command (or drop the source with `clear:source`).");
    expect(said).toContain(`take this one off: \`/entry unclaim id:${id} actor:Syria stance:claims date:2025-07-10\``);
    expect(said).toContain(`If Tom Barrack confirmed it on another day, record the claim again with that day (\`/entry claim\`) and take this one off: \`/entry unclaim id:${id} actor:"Tom Barrack" stance:confirms date:2025-07-11\``);
  });

  it('WHEN the date moves earlier, or the claims are cleared in the same edit THEN it goes through', async () => {
    const id = await addClaimedStrike();
    expect(await text(`/entry edit id:${id} date:2025-07-09`)).toContain(`Updated #${id}: date.`);
    const cleared = await text(`/entry edit id:${id} date:2025-07-12 published:2025-07-12 clear:claims`);
    expect(cleared).toContain(`Updated #${id}:`);
    expect(cleared).toContain('Date        12 Jul 2025');
    expect(cleared).not.toContain('Claims');
  });
});

describe('GIVEN seed entry #15, of Jul 2025: two sources published 26 Jul, claims of 24 and 26 Jul', () => {
  it('WHEN an edit dates it the 25th THEN it is refused, naming the claim of the 24th; the 24th goes through', async () => {
    const said = await refused('/entry edit id:15 date:2025-07-25');
    expect(said).toContain('Option `date` (2025-07-25) is after the day Tom Barrack confirmed it through News report, 26 Jul 2025 (2025-07-24): a claim about an event is made once it has begun.');
    expect(said).toContain('`/entry unclaim id:15 actor:"Tom Barrack" stance:confirms date:2025-07-24`');
    expect(await text('/entry edit id:15 date:2025-07-24')).toContain('Updated #15: date.');
  });

  it('WHEN an edit corrects the first source but moves the date past the second THEN it is refused, naming the second source', async () => {
    const said = await refused('/entry edit id:15 date:2025-07-27 published:2025-07-27 clear:claims');
    expect(said).toContain('Option `date` (2025-07-27) is after the day another source, News report, 26 Jul 2025, was published (2025-07-26): a source reports an event once it has begun.');
    expect(said).toContain('Give a date up to 2025-07-26: News report, 26 Jul 2025 reported the event by then.');
  });
});

describe('GIVEN an entry stored before claims had to follow its date', () => {
  it('WHEN another of its fields is edited THEN the edit goes through', async () => {
    const id = await addClaimedStrike();
    const state = app.services.editor.entryState(id);
    app.services.editor.editEntry(id, { claims: [{ ...state.claims![0]!, date: { year: 2025, month: 1, day: 1 } }] }, { by: 'test', at: '2025-07-20T00:00:00Z' });
    expect(await text(`/entry edit id:${id} confidence:confirmed`)).toContain(`Updated #${id}: confidence.`);
  });
});
