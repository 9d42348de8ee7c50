// Past views and /entry diff show an entry as the dossier showed it, not as its revisions were
// typed: places in their stored spelling, actors where merges had moved them, sources matched by
// outlet and link; and the diff says what happened in between when the fields ended as they began.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewText } from '../support/view-text.js';
import { ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;
const text = async (line: string) => viewText(await desk.run(line));

/** The value of one fact line (`  Places      Paris`) of a view's text. */
const fact = (shown: string, label: string) => shown.match(new RegExp(`^  ${label} +(.*)$`, 'm'))?.[1];

beforeEach(() => {
  desk = new ClockedDesk('2025-08-01T09:00:00Z');
});
afterEach(() => desk.dispose());

describe('GIVEN a place typed in another letter case than the one stored', () => {
  beforeEach(async () => {
    await desk.editAt('2025-08-02T10:00:00Z', '/entry add title:"Case probe" date:2025-07-30 type:armed-clash topic:syria-israel places:paris outlet:AFP');
    desk.setClock('2025-08-04T12:00:00Z');
  });

  it('WHEN the entry is shown as of a day, diffed or listed on a past timeline THEN the place reads as /entry show spells it', async () => {
    expect(fact(await text('/entry show 18'), 'Places')).toBe('Paris');
    expect(fact(await text('/entry show id:18 as_of:2025-08-03'), 'Places')).toBe('Paris');
    const added = await text('/entry diff id:18 from:2025-08-01');
    expect(added).toContain('As of now:');
    expect(fact(added, 'Places')).toBe('Paris');
    const timeline = await text('/timeline place:Paris as_of:2025-08-03 limit:25');
    expect(timeline).toMatch(/#18 Case probe\n.*\n {4}Places: Paris\n/);
    expect(timeline).not.toContain('Places: paris');
  });
});

describe('GIVEN an entry whose actor was merged into another, then separated again', () => {
  beforeEach(async () => {
    await desk.editAt('2025-08-02T09:00:00Z', '/actors add name:"T. Barrack" kind:person');
    await desk.editAt('2025-08-02T10:00:00Z', '/entry add title:"Merge probe" date:2025-07-30 type:talks topic:syria-israel actors:"T. Barrack:initiator" outlet:AFP');
    await desk.editAt('2025-08-02T11:00:00Z', '/entry claim id:18 actor:"T. Barrack" stance:confirms outlet:AFP date:2025-07-31');
    await desk.editAt('2025-08-03T10:00:00Z', '/actors merge from:"T. Barrack" into:"Tom Barrack"');
    desk.setClock('2025-08-04T12:00:00Z');
  });

  it('WHEN it is shown as of a day THEN its actors are those the dossier showed that day', async () => {
    const before = await text('/entry show id:18 as_of:2025-08-02');
    expect(before).toContain('T. Barrack — initiator');
    expect(before).toContain('no revision since, but an actor merge or unmerge changed its actors: `/entry diff id:18 from:2025-08-02`');
    expect(await text('/entry show id:18 as_of:2025-08-03')).toContain('Tom Barrack — initiator');
    expect(await text('/entry show 18')).toContain('Tom Barrack — initiator');
    expect(await text('/timeline actor:"Tom Barrack" as_of:2025-08-03 limit:1')).toContain('Actors: Tom Barrack (initiator)');
  });

  it('WHEN a past timeline is asked by the name merged away THEN its title names the actor so, not the one it was folded into later', async () => {
    const view = await desk.run('/timeline actor:"T. Barrack" as_of:2025-08-02');
    expect(view.title).toBe('Timeline — actor T. Barrack — as of the end of 2 Aug 2025 (UTC)');
    expect(viewText(view)).toMatch(/#18 Merge probe\n.*\n {4}Actors: T\. Barrack \(initiator\)/);
    // As it is now, the actor holding the name.
    expect((await desk.run('/timeline actor:"T. Barrack"')).title).toBe('Timeline — actor Tom Barrack');
  });

  it('WHEN it was edited and its actor merged since the day shown THEN the count of changes since holds the merge, as /entry history does', async () => {
    await desk.editAt('2025-08-03T11:00:00Z', '/entry edit id:18 confidence:confirmed');
    desk.setClock('2025-08-04T12:00:00Z');
    expect(await text('/entry history id:18')).toContain('3 revisions, and 1 actor merge that changed its actors');
    expect(await text('/entry show id:18 as_of:2025-08-02')).toContain(' · 1 change and 1 actor merge since: `/entry diff id:18 from:2025-08-02`');
    // A merge before the day shown is not one since.
    expect(await text('/entry show id:18 as_of:2025-08-03')).toContain(' · unchanged since');
  });

  it('WHEN it is diffed across the merge and across the unmerge THEN the diff names each change of actor', async () => {
    const merged = await text('/entry diff id:18 from:2025-08-02');
    expect(merged).not.toContain('No change between these dates.');
    expect(merged).toContain('No revision of the entry in between; an actor merge changed the actors it names.');
    expect(merged).toContain('Actors: T. Barrack → Tom Barrack (initiator) by `/actors merge`');
    expect(merged).toContain('Claims: T. Barrack → Tom Barrack confirms · 31 Jul 2025 · AFP by `/actors merge`');

    await desk.editAt('2025-08-05T10:00:00Z', '/actors unmerge name:"T. Barrack"');
    desk.setClock('2025-08-06T12:00:00Z');
    const separated = await text('/entry diff id:18 from:2025-08-04');
    expect(separated).toContain('No revision of the entry in between; an unmerge changed the actors it names.');
    expect(separated).toContain('Actors: Tom Barrack → T. Barrack (initiator) by `/actors unmerge`');
    expect(await text('/entry diff id:18 from:2025-08-02')).toContain('No change between these dates.');
  });

  it('WHEN a past timeline is filtered by the actor kept, after an unmerge THEN it finds the entry on the days it was shown under it', async () => {
    await desk.editAt('2025-08-05T10:00:00Z', '/actors unmerge name:"T. Barrack"');
    desk.setClock('2025-08-06T12:00:00Z');
    const merged = await text('/timeline actor:"Tom Barrack" since:2025-07-30 until:2025-07-30 as_of:2025-08-04');
    expect(merged).toMatch(/#18 Merge probe\n.*\n {4}Actors: Tom Barrack \(initiator\)/);
    // Before the merge and after the unmerge, the entry names T. Barrack, found under his name.
    expect(await text('/timeline actor:"Tom Barrack" since:2025-07-30 until:2025-07-30 as_of:2025-08-05')).not.toContain('#18 ');
    expect(await text('/timeline actor:"T. Barrack" as_of:2025-08-05')).toMatch(/#18 Merge probe\n.*\n {4}Actors: T\. Barrack \(initiator\)/);
  });

  it('WHEN the actor kept was itself merged on, then separated THEN a past timeline of it still holds what was merged into it', async () => {
    await desk.editAt('2025-08-03T11:00:00Z', '/actors add name:"US envoy office" kind:government-body');
    await desk.editAt('2025-08-03T12:00:00Z', '/actors merge from:"Tom Barrack" into:"US envoy office"');
    await desk.editAt('2025-08-05T10:00:00Z', '/actors unmerge name:"Tom Barrack"');
    desk.setClock('2025-08-06T12:00:00Z');
    // On the 4th T. Barrack was in Tom Barrack, and Tom Barrack in the envoy office: the entry showed the office.
    const office = await text('/timeline actor:"US envoy office" since:2025-07-30 until:2025-07-30 as_of:2025-08-04');
    expect(office).toMatch(/#18 Merge probe\n.*\n {4}Actors: US envoy office \(initiator\)/);
    expect(await text('/timeline actor:"Tom Barrack" since:2025-07-30 until:2025-07-30 as_of:2025-08-04')).toContain('#18 Merge probe');
  });
});

describe('GIVEN tags typed out of alphabetical order', () => {
  it('WHEN the entry is shown now and as of a day THEN the tags read in one order', async () => {
    await desk.editAt('2025-08-02T10:00:00Z', '/entry add title:"Tag probe" date:2025-07-30 type:talks topic:syria-israel tags:"golan, buffer-zone" outlet:AFP');
    desk.setClock('2025-08-04T12:00:00Z');
    expect(fact(await text('/entry show 18'), 'Tags')).toBe('buffer-zone, golan');
    expect(fact(await text('/entry show id:18 as_of:2025-08-03'), 'Tags')).toBe('buffer-zone, golan');
  });
});

describe('GIVEN revisions that left an entry as it was', () => {
  it('WHEN edits cancel out THEN the diff says how many revisions left it as it was, not that one edit was undone', async () => {
    await desk.editAt('2025-08-02T10:00:00Z', '/entry edit id:12 confidence:confirmed');
    await desk.editAt('2025-08-02T10:01:00Z', '/entry edit id:12 confidence:reported');
    await desk.editAt('2025-08-02T10:02:00Z', '/entry edit id:12 title:"TEST ENTRY"');
    await desk.editAt('2025-08-02T10:03:00Z', '/entry edit id:12 title:"Syrian and Israeli officials meet in Baku"');
    desk.setClock('2025-08-04T12:00:00Z');
    const diff = await text('/entry diff id:12 from:2025-08-01');
    expect(diff).toContain('4 revisions in between, which left it as it was; last by memory:ana at 2025-08-02 10:03 UTC.');
    expect(diff).not.toContain('an edit and its undo');
    expect(diff).not.toContain('In between');
  });

  it('WHEN the entry was removed and restored in between THEN the diff names the removal and the restore', async () => {
    await desk.editAt('2025-08-02T10:00:00Z', '/entry remove id:11 reason:"checking"');
    await desk.editAt('2025-08-04T10:00:00Z', '/entry undo 11');
    desk.setClock('2025-08-05T12:00:00Z');
    const diff = await text('/entry diff id:11 from:2025-08-01');
    expect(diff).toContain('2 revisions in between, which left it as it was; last by memory:ana at 2025-08-04 10:00 UTC.');
    expect(diff).not.toContain('an edit and its undo');
    expect(diff).toContain('In between\n    Removed by memory:ana at 2025-08-02 10:00 UTC: “checking”\n    Restored by memory:ana at 2025-08-04 10:00 UTC');
    // Where the status line already says it, it is not repeated.
    const removed = await text('/entry diff id:11 from:2025-08-01 to:2025-08-03');
    expect(removed).toContain('Status: live → removed (by memory:ana at 2025-08-02 10:00 UTC: “checking”)');
    expect(removed).not.toContain('In between');
  });
});

describe('GIVEN a source whose grade changed, and one replaced', () => {
  it('WHEN the entry is diffed THEN the same outlet shows what changed in it, and others read as /entry show lists sources', async () => {
    await desk.editAt('2025-08-02T10:00:00Z', '/entry add title:"Grade probe" date:2025-07-30 type:talks topic:syria-israel outlet:AFP');
    await desk.editAt('2025-08-03T10:00:00Z', '/entry edit id:18 grade:B2');
    desk.setClock('2025-08-04T12:00:00Z');
    expect(await text('/entry diff id:18 from:2025-08-02')).toContain('Sources: AFP: grade — → B2 (usually reliable; probably true)\n');

    await desk.editAt('2025-08-05T10:00:00Z', '/entry edit id:18 published:2025-07-31');
    await desk.editAt('2025-08-06T10:00:00Z', '/entry edit id:18 outlet:Reuters source_url:https://example.com/a');
    desk.setClock('2025-08-07T12:00:00Z');
    const shown = await text('/entry show id:18 as_of:2025-08-05');
    expect(shown).toContain('    AFP · B2 (usually reliable; probably true) (31 Jul 2025)\n');
    const replaced = await text('/entry diff id:18 from:2025-08-05');
    expect(replaced).toContain('Sources: + Reuters <https://example.com/a>, − AFP · B2 (usually reliable; probably true) (31 Jul 2025)\n');
  });
});

describe('GIVEN an entry added after a day and removed since', () => {
  beforeEach(async () => {
    await desk.editAt('2025-08-02T10:00:00Z', '/entry add title:"Removed probe" date:2025-07-30 type:armed-clash topic:syria-israel places:Sweida outlet:SOHR');
    await desk.editAt('2025-08-03T09:00:00Z', '/entry remove id:18 reason:"duplicate of SOHR report"');
    desk.setClock('2025-08-04T12:00:00Z');
  });

  it('WHEN it is diffed from before it was added THEN the reply says it was removed, by whom and why, not that it stands', async () => {
    const diff = await text('/entry diff id:18 from:2025-08-01');
    expect(diff).toContain('#18 Removed probe — removed — from');
    expect(diff).toContain('then removed (by memory:ana at 2025-08-03 09:00 UTC: “duplicate of SOHR report”)');
    expect(diff).toContain('it is in no timeline, search or chart');
    expect(diff).not.toContain('As of now:');
  });

  it('WHEN it is diffed up to a day before its removal THEN it is shown as it then stood', async () => {
    expect(await text('/entry diff id:18 from:2025-08-01 to:2025-08-02')).toContain('As of the end of 2 Aug 2025');
  });
});
