// Past views at a time of day, through the real command layer, on the seed dossier edited at known
// (fake) instants: `as_of:2025-07-20T09:00` and its other spellings stand at the end of that
// minute on the channel's clock (its digest zone, else the bot's), so a change the bot stamps 09:00
// is in the view of 09:00; times in the future or that are no times are refused, saying the forms
// taken; a day alone still means the end of that day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import { commandJSON } from '../../src/adapters/discord/command-tree.js';
import type { Caller } from '../../src/core/caller.js';
import { NEXT_LABEL } from '../../src/core/interaction/texts.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { viewText } from '../support/view-text.js';
import { ana, ClockedDesk } from './support/clocked-desk.js';

let desk: ClockedDesk;
const elsewhere: Caller = { ...ana, userId: 'bob', channelId: 'c2' };
const run = async (line: string, caller = ana) => desk.run(line, caller);
const text = async (line: string, caller = ana) => viewText(await run(line, caller));
const OLD_TITLE = 'Diplomat: Barrack to facilitate al-Shaibani–Dermer talks';
const NEW_TITLE = 'Barrack to host al-Shaibani–Dermer talks';

async function subscribe(zone: string): Promise<void> {
  const view = await run(`/digest subscribe schedule:"daily 08:00" timezone:${zone}`);
  expect(view.tone, viewText(view)).not.toBe('error');
}

describe('GIVEN a dossier edited at known instants of 20 Jul 2025, asked at 12:00 UTC that day', () => {
  beforeEach(async () => {
    desk = new ClockedDesk('2025-07-01T09:00:00Z');
    await desk.editAt('2025-07-20T06:30:00Z', '/entry remove id:3 reason:"duplicate of #8"');
    // Half a minute into 09:00: the bot stamps it 09:00.
    await desk.editAt('2025-07-20T09:00:30Z', `/entry edit id:13 title:"${NEW_TITLE}" confidence:confirmed`);
    desk.setClock('2025-07-20T12:00:00Z');
  });
  afterEach(() => desk.dispose());

  it('WHEN as_of gives a time THEN the view holds every change written up to the end of that minute, and says so', async () => {
    const before = storeFingerprint(desk.app.db);
    const nine = await text('/entry show id:13 as_of:2025-07-20T09:00');
    expect(nine).toContain(`#13 ${NEW_TITLE} — as of 20 Jul 2025 09:00 (UTC)`);
    expect(nine).toContain('A past view: the dossier as of 20 Jul 2025 09:00 (UTC), rebuilt from its revisions, every change written up to 09:00:59 included. As it is now: `/entry show id:13`');
    expect(nine).toContain('last edited by memory:ana at 2025-07-20 09:00 UTC · unchanged since');

    const minuteBefore = await text('/entry show id:13 as_of:2025-07-20T08:59');
    expect(minuteBefore).toContain(`#13 ${OLD_TITLE} — as of 20 Jul 2025 08:59 (UTC)`);
    expect(minuteBefore).toContain('1 change since: `/entry diff id:13 from:2025-07-20T08:59`');

    // Seconds typed: the view ends with that second.
    expect(await text('/entry show id:13 as_of:2025-07-20T09:00:29')).toContain(`#13 ${OLD_TITLE} — as of 20 Jul 2025 09:00:29 (UTC)`);
    const second = await text('/entry show id:13 as_of:2025-07-20T09:00:30');
    expect(second).toContain(`#13 ${NEW_TITLE} — as of 20 Jul 2025 09:00:30 (UTC)`);
    expect(second).toContain('every change written up to 09:00:30 included');
    expect(storeFingerprint(desk.app.db)).toBe(before);
  });

  it('WHEN the time is written with a space, seconds, Z, an offset or as replies print it THEN each is the same instant', async () => {
    const typed = await text('/timeline as_of:2025-07-20T09:00 limit:25');
    expect(typed).toContain('Timeline — as of 20 Jul 2025 09:00 (UTC)');
    expect(typed).toContain(`#13 ${NEW_TITLE}`);
    expect(typed).not.toContain('#3 1974');
    for (const same of ['"2025-07-20 09:00"', '2025-07-20T09:00Z', '2025-07-20T12:00+03:00', '"2025-07-20 09:00 UTC"', '"20 Jul 2025 09:00"', '2025-07-20t09:00z']) {
      expect(await text(`/timeline as_of:${same} limit:25`), same).toBe(typed);
    }
    const offset = await text('/timeline as_of:2025-07-20T08:00-01:00 limit:25');
    expect(offset).toContain('Timeline — as of 20 Jul 2025 09:00 (UTC)');
    expect(await text('/timeline as_of:"2025-07-20 09:00:00" limit:25')).toContain('Timeline — as of 20 Jul 2025 09:00:00 (UTC)');
  });

  it("WHEN the channel's digests run in Damascus THEN a time without offset is read on its clock, and the view's instants are given there", async () => {
    await subscribe('Asia/Damascus');
    // 12:00 in Damascus is 09:00 UTC, the minute of the edit.
    const noon = await text('/timeline as_of:2025-07-20T12:00 limit:25');
    expect(noon).toContain('Timeline — as of 20 Jul 2025 12:00 (Asia/Damascus)');
    expect(noon).toContain(`#13 ${NEW_TITLE}`);
    expect(await text('/timeline as_of:2025-07-20T11:59 limit:25')).toContain(`#13 ${OLD_TITLE}`);
    // 09:00 in Damascus is 06:00 UTC, before #3 was removed at 09:30 there; in a UTC channel it is after.
    expect(await text('/timeline as_of:2025-07-20T09:00 limit:25')).toContain('#3 1974 disengagement agreement');
    expect(await text('/timeline as_of:2025-07-20T09:00 limit:25', elsewhere)).not.toContain('#3 1974');
    // An offset typed is read as given, and shown on the channel's clock.
    expect(await text('/timeline as_of:2025-07-20T09:00Z limit:25')).toContain('Timeline — as of 20 Jul 2025 12:00 (Asia/Damascus)');
    expect(await text('/entry show id:3 as_of:2025-07-20T09:30')).toContain('Removed by then: by memory:ana at 2025-07-20 09:30 Asia/Damascus');
  });

  it('WHEN the time is after now THEN it is refused as a future day is, and nothing is written', async () => {
    const before = storeFingerprint(desk.app.db);
    const future = await run('/timeline as_of:2025-07-20T12:01');
    expect(future.tone).toBe('error');
    expect(viewText(future)).toContain('Option `as_of` is in the future — got `20 Jul 2025 12:01`; it is now 20 Jul 2025 12:00 (UTC).');
    expect(viewText(future)).toContain('A time without an offset is read in the bot’s time zone, UTC');
    expect(viewText(await run('/timeline as_of:2025-07-20T12:00:01Z'))).toContain('Option `as_of` is in the future — got `20 Jul 2025 12:00:01`; it is now 20 Jul 2025 12:00:00 (UTC).');
    // The minute now is under way: the view is the dossier so far.
    expect(await text('/timeline as_of:2025-07-20T12:00 limit:1')).toContain('Timeline — as of 20 Jul 2025 12:00, so far (UTC)');
    expect(storeFingerprint(desk.app.db)).toBe(before);
    await subscribe('Asia/Damascus');
    const subscribed = storeFingerprint(desk.app.db);
    const there = viewText(await run('/timeline as_of:2025-07-20T15:01'));
    expect(there).toContain('got `20 Jul 2025 15:01`; it is now 20 Jul 2025 15:00 (Asia/Damascus).');
    expect(there).toContain('A time without an offset is read in this channel’s digest time zone, Asia/Damascus');
    expect(storeFingerprint(desk.app.db)).toBe(subscribed);
  });

  it('WHEN the time is no time THEN the refusal says what is wrong and names the forms taken, without offering the day alone', async () => {
    const forms = 'A time goes after its day: as_of:2025-07-20T09:00, as_of:"2025-07-20 09:00:30", as_of:2025-07-20T09:00+03:00 or as_of:2025-07-20T09:00Z.';
    const cases: [typed: string, says: string][] = [
      ['2025-07-20T25:00', 'There is no hour 25: hours run from 00 to 23.'],
      ['2025-07-20T9', 'A time of day is written with its minutes (09:00, not 9).'],
      ['2025-07-20T09:60', 'There is no minute 60: minutes run from 00 to 59.'],
      ['"2025-07-20 09:00:75"', 'There is no second 75: seconds run from 00 to 59.'],
      ['2025-07-20T24:00', '24:00 is the end of the day: as_of:2025-07-20 stands there.'],
      ['2025-07-20T09:00+15:00', '`+15:00` is no UTC offset'],
      ['"2025-07-20 09:00 Mars/Olympus"', '`Mars/Olympus` is no time zone'],
    ];
    for (const [typed, says] of cases) {
      const refused = await run(`/timeline as_of:${typed}`);
      expect(refused.tone, typed).toBe('error');
      const said = viewText(refused).replaceAll('`', '');
      expect(said, typed).toContain(`Option as_of of /timeline must be a date like 2025, 2025-07 or 2025-07-12, or a day and time like 2025-07-12T09:00 — got ${typed.replaceAll('"', '')}.`);
      expect(said, typed).toContain(says.replaceAll('`', ''));
      expect(said, typed).toContain(forms);
      expect(said, typed).not.toContain('Corrected:');
    }
    // A day mistyped with a time typed right is still corrected, the time kept.
    expect(viewText(await run('/timeline as_of:2025-07-20T25:00 since:14/7/2025'))).toContain('Corrected: `/timeline as_of:2025-07-20T25:00 since:2025-07-14`');
  });

  it('WHEN as_of gives a day alone THEN the view still stands at the end of that day', async () => {
    const day = await text('/timeline as_of:2025-07-19 limit:25');
    expect(day).toContain('A past view: the dossier as of the end of 19 Jul 2025 (UTC), rebuilt from its revisions. As it is now: `/timeline limit:25`');
    expect(day).toContain('#3 1974 disengagement agreement');
    expect(await text('/timeline as_of:2025-07-20 limit:25')).toContain('Timeline — as of 20 Jul 2025, so far (UTC)');
    expect(await text('/entry show id:13 as_of:2025-07-19')).toContain('1 change since: `/entry diff id:13 from:2025-07-19`');
  });

  it('WHEN /entry diff takes times THEN it compares the dossier at those minutes, in order', async () => {
    const around = await text('/entry diff id:13 from:2025-07-20T08:59 to:2025-07-20T09:00');
    expect(around).toContain(`#13 ${NEW_TITLE} — from 20 Jul 2025 08:59 (UTC) to 20 Jul 2025 09:00 (UTC)`);
    expect(around).toContain(`Title: ${OLD_TITLE} → ${NEW_TITLE}`);
    expect(await text('/entry diff id:13 from:2025-07-20T09:00')).toContain('No change between these dates.');
    // A day and a time of that day: the time is within the day, so from the day's end is after it.
    expect(await text('/entry diff id:13 from:2025-07-19 to:2025-07-20T09:00')).toContain('Confidence: reported → confirmed');
    const swapped = await run('/entry diff id:13 from:2025-07-20T10:00 to:2025-07-20T08:00');
    expect(swapped.tone).toBe('error');
    expect(viewText(swapped)).toContain('Option `to` is before `from`; swap them.');
    expect(viewText(await run('/entry diff id:13 from:2025-07-20T13:00'))).toContain('Option `from` is in the future — got `20 Jul 2025 13:00`');
  });

  it('WHEN a timeline at a time is paged THEN Next keeps the time', async () => {
    const platform = new MemoryPlatform(desk.app.dispatcher, desk.app.logger);
    const first = await platform.command('/timeline as_of:"2025-07-20 09:00" limit:4', 'ana');
    expect(first.text).toMatch(/Showing 1\D+4 of 16 entries\./);
    const second = await platform.press(first, NEXT_LABEL, 'ana');
    expect(second.text).toMatch(/Showing 5\D+8 of 16 entries\./);
    // Not the end of the day, which Next would show had it kept the day alone.
    expect(second.text).toContain('as of 20 Jul 2025 09:00 (UTC)');
  });

  it('WHEN help or Discord show the options THEN they offer the time form, with room for an offset', async () => {
    expect(await text('/help timeline')).toContain('as_of — As it stood at the end of a day (2025-07-12, 2025-07) or at a time of day (2025-07-12T09:00)');
    const diffHelp = await text('/help entry diff');
    expect(diffHelp).toContain('from — As it stood at the end of this day (today: its start) or at this time: 2025-07-20, 2025-07-20T09:00');
    expect(diffHelp).toContain('to — Compared with the end of this day or with this time (default: now): 2025-07-25, 2025-07-25T18:00');
    const longest = '2025-07-20T09:00:00+03:00'.length;
    const timeline = commandJSON(allCommands.find((c) => c.name === 'timeline')!);
    const asOf = timeline.options?.find((o) => o.name === 'as_of') as { max_length?: number } | undefined;
    expect(asOf?.max_length).toBeGreaterThanOrEqual(longest);
  });
});

describe('GIVEN a channel whose digests run in Paris, where clocks skip and repeat an hour', () => {
  beforeEach(async () => {
    desk = new ClockedDesk('2025-03-01T09:00:00Z');
    await subscribe('Europe/Paris');
    // 30 Mar: 02:00 became 03:00 (at 01:00 UTC); this edit is 03:15 in Paris.
    await desk.editAt('2025-03-30T01:15:00Z', '/entry edit id:13 confidence:confirmed');
    // 26 Oct: 03:00 went back to 02:00 (at 01:00 UTC); this edit is the second 02:10 in Paris.
    await desk.editAt('2025-10-26T01:10:00Z', `/entry edit id:13 title:"${NEW_TITLE}"`);
    desk.setClock('2025-11-20T12:00:00Z');
  });
  afterEach(() => desk.dispose());

  it('WHEN the time was skipped THEN it is read as the time it became, and the view says so', async () => {
    const skipped = await text('/entry show id:13 as_of:2025-03-30T02:30');
    expect(skipped).toContain('— as of 30 Mar 2025 03:30 (Europe/Paris)');
    expect(skipped).toContain('02:30 did not happen in Europe/Paris on 30 Mar 2025 (the clocks went forward): it is read as 03:30.');
    expect(skipped).toMatch(/Confidence\s+confirmed/);
    expect(await text('/entry show id:13 as_of:2025-03-30T01:59')).toMatch(/Confidence\s+reported/);
  });

  it('WHEN the time came twice THEN the first is read, and the reply gives the offset that reads the second', async () => {
    const first = await text('/entry show id:13 as_of:2025-10-26T02:30');
    expect(first).toContain(`#13 ${OLD_TITLE} — as of 26 Oct 2025 02:30 (Europe/Paris)`);
    expect(first).toContain('02:30 came twice in Europe/Paris on 26 Oct 2025 (the clocks went back): this is the first; for the second, type as_of:2025-10-26T02:30+01:00.');
    expect(await text('/entry show id:13 as_of:2025-10-26T02:30+01:00')).toContain(`#13 ${NEW_TITLE} — as of 26 Oct 2025 02:30 (Europe/Paris)`);
  });
});
