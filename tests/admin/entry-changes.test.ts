import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let clock = new Date('2026-03-01T10:00:00Z');
const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const run = (text: string, requestId?: string) => app.dispatcher.runText(text, admin, requestId);
beforeEach(() => {
  clock = new Date('2026-03-01T10:00:00Z');
  app = createTestApp('slack:U1', () => clock);
});
afterEach(() => app.dispose());

describe('GIVEN an admin curating entries', () => {
  it('WHEN adding with every field THEN the reply shows the stored entry and its id', async () => {
    const view = await run(
      '/entry add title:"Talks resume in Baku" summary:"Second round." date:2025-08 end:2025-09 type:talks topic:syria-israel ' +
        'places:"Baku, Azerbaijan" actors:"Syria:participant, Israel:participant, Azerbaijan:host" source_url:https://example.org/a ' +
        'outlet:AFP attribution:"Diplomatic source, to AFP" published:2025-08-02 confidence:claimed tags:"baku, round-2"',
    );
    expect(view.tone).toBe('success');
    const text = viewText(view);
    expect(text).toContain('Added entry #18.');
    expect(text).toMatch(/Date\s+Aug 2025 – Sep 2025/);
    expect(text).toMatch(/Confidence\s+claimed/);
    expect(text).toContain('Azerbaijan — host');
    expect(text).toContain('AFP <https://example.org/a> — Diplomatic source, to AFP (2 Aug 2025)');
    expect(text).toMatch(/Tags\s+baku, round-2/);
    expect(text).toContain('last edited by ed (Slack) at 2026-03-01 10:00 UTC');
  });

  it('WHEN editing with clear THEN the named fields are emptied, recorded, and undo brings them back', async () => {
    await run(
      '/entry add title:"Talks resume in Baku" summary:"Second round." date:2025-08 end:2025-09 type:talks topic:syria-israel ' +
        'places:Baku actors:"Syria:participant" outlet:AFP tags:"baku, round-2"',
    );
    const edited = viewText(await run('/entry edit id:18 clear:"end, tags, source, summary"'));
    expect(edited).toContain('Updated #18:');
    expect(edited).toMatch(/Date\s+Aug 2025\n/);
    expect(edited).toMatch(/Tags\s+—/);
    expect(edited).not.toContain('AFP');
    expect(edited).not.toContain('Second round.');
    expect(viewText(await run('/entry history id:18'))).toMatch(/edit by ed \(Slack\) — .*end/);
    const undone = viewText(await run('/entry undo id:18'));
    expect(undone).toMatch(/Date\s+Aug 2025 – Sep 2025/);
    expect(undone).toContain('AFP');
  });

  it('WHEN clear names an unknown field or one the command also changes THEN it is refused and nothing changes', async () => {
    await run('/entry add title:"Talks resume in Baku" date:2025-08 end:2025-09 type:talks topic:syria-israel');
    const before = storeFingerprint(app.db);
    expect(viewText(await run('/entry edit id:18 clear:bogus'))).toMatch(/Option `clear` cannot empty `bogus`[\s\S]*It can empty: summary, end, places, actors, source, tags/);
    expect(viewText(await run('/entry edit id:18 clear:end end:2025-10'))).toContain('Option `clear` empties `end`, which `end` changes in this command.');
    expect(storeFingerprint(app.db)).toEqual(before);
    // Given with its current value, as an edit form sends it, the field is simply cleared.
    expect(viewText(await run('/entry edit id:18 clear:end end:2025-09'))).toMatch(/Date\s+Aug 2025\n/);
  });

  it('WHEN add → edit → remove → undo THEN history tells who changed what and when, and the entry is back', async () => {
    await run('/entry add title:"Talks resume in Baku" date:2025-08 type:talks topic:syria-israel');
    clock = new Date('2026-03-01T11:00:00Z');
    expect(viewText(await run('/entry edit id:18 confidence:confirmed places:Baku'))).toContain('Updated #18: confidence, places.');
    clock = new Date('2026-03-01T12:00:00Z');
    await run('/entry remove id:18 reason:"wrong month"');
    expect(viewText(await run('/timeline since:2025-08'))).not.toContain('Talks resume in Baku');
    expect(viewText(await run('/search resume Baku'))).toContain('No results match.');
    const shown = await run('/entry show 18');
    // Shown as it was when removed, under a banner saying by whom, when and why.
    expect(shown.tone).toBe('normal');
    expect(shown.title).toBe('#18 Talks resume in Baku — removed');
    expect(viewText(shown)).toContain('Removed by ed (Slack) at 2026-03-01 12:00 UTC: “wrong month”.');
    expect(viewText(shown)).toContain('An admin can bring it back with `/entry undo id:18`.');
    expect(viewText(await run('/entry show 99'))).toContain('There is no entry #99.');
    clock = new Date('2026-03-01T13:00:00Z');
    const undone = viewText(await run('/entry undo id:18'));
    expect(undone).toMatch(/Took back r\d+ \(a removal\)\. Undo again to step further back/);
    expect(undone).toMatch(/Confidence\s+confirmed/);
    expect(viewText(await run('/timeline since:2025-08'))).toContain('#18 Talks resume in Baku');
    const history = viewText(await run('/entry history 18'));
    expect(history).toContain('4 revisions');
    expect(history).toMatch(/10:00 UTC · create by ed \(Slack\)/);
    expect(history).toMatch(/11:00 UTC · edit by ed \(Slack\) — confidence, places/);
    expect(history).toMatch(/12:00 UTC · remove by ed \(Slack\) \(wrong month\)/);
    expect(history).toMatch(/13:00 UTC · restore by ed \(Slack\)/);
  });

  it('WHEN several options are wrong THEN one refusal names each of them, unknown actors and roles included, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const text = viewText(await run('/entry add title:X date:2025 type:talks topic:syria-israel grade:Z9 fatalities:abc actors:"Nobody:subject, Syria:boss"'));
    expect(text).toContain('No actor is called `Nobody` (option `actors`).');
    expect(text).toContain('Did you mean `Syria:host`?');
    expect(text).toContain('Option `grade` must be');
    expect(text).toContain('Option `fatalities`: `abc` is not a figure.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN an entry, its source or a claim is dated after today THEN it is refused, saying today, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const added = viewText(await run('/entry add title:"Talks in Baku" date:2026-04 type:talks topic:syria-israel outlet:AFP published:2026-03-02'));
    expect(added).toContain('Option `date` is in the future — got `Apr 2026`; today is 1 Mar 2026 (UTC).');
    expect(added).toContain('Option `published` is in the future — got `2 Mar 2026`');
    expect(viewText(await run('/entry edit id:12 date:2027'))).toContain('Option `date` is in the future');
    expect(viewText(await run('/entry claim id:12 actor:Israel stance:denies outlet:X date:2026-03-02'))).toContain('Option `date` is in the future');
    // Beside other wrong options, in one refusal.
    const several = viewText(await run('/entry add title:"Talks" date:2027 type:talks topic:syria-israel actors:"Derm:subject" grade:Z9 outlet:AFP'));
    expect(several).toContain('Type it in full: `Ron Dermer`.');
    expect(several).toContain('Option `grade` must be');
    expect(several).toContain('Option `date` is in the future — got `2027`');
    const claim = viewText(await run('/entry claim id:12 actor:Derm stance:denies outlet:X grade:Q date:2026-03-02'));
    expect(claim).toContain('Type it in full: `Ron Dermer`.');
    expect(claim).toContain('Option `grade` must be');
    expect(claim).toContain('Option `date` is in the future');
    expect(storeFingerprint(app.db)).toBe(before);
    // Today itself, and a month or year not over yet, are not in the future.
    expect((await run('/entry add title:"Talks in Baku" date:2026-03 type:talks topic:syria-israel outlet:AFP published:today')).tone).toBe('success');
    expect((await run('/entry edit id:18 date:2026')).tone).toBe('success');
  });

  it('WHEN an entry or a claim names an actor by part of its name THEN it is refused with the name to type, not guessed', async () => {
    const before = storeFingerprint(app.db);
    const edit = viewText(await run('/entry edit id:12 actors:"Derm:subject"'));
    expect(edit).toContain('`Derm` is not the full name or an alias of an actor (option `actors`).');
    expect(edit).toContain('Type it in full: `Ron Dermer`.');
    expect(viewText(await run('/entry claim id:12 actor:Derm stance:denies outlet:X'))).toContain('Type it in full: `Ron Dermer`.');
    expect(storeFingerprint(app.db)).toBe(before);
    // An alias is a name: Dermer is Ron Dermer's.
    expect((await run('/entry edit id:12 actors:"Dermer:subject"')).tone).toBe('success');
  });

  it('WHEN an entry added may repeat a stored one THEN it is added, and the reply names the look-alike and how to remove the new one', async () => {
    await run('/entry add title:"Strike near Quneitra" date:2025-08-03 type:air-strike topic:syria-israel source_url:https://example.com/q outlet:AFP');
    const sameTitle = viewText(await run('/entry add title:"strike near  Quneitra" date:2025-08-03 type:air-strike topic:syria-israel'));
    expect(sameTitle).toContain('Added entry #19.');
    expect(sameTitle).toContain('Possibly the same event as #18 (same date and title). If it repeats it: `/entry remove id:19 reason:"duplicate of #18"`');
    const sameLink = viewText(await run('/entry add title:"Second strike" date:2025-08-04 type:air-strike topic:syria-israel source_url:"https://example.com/q?utm_source=x" outlet:AFP'));
    expect(sameLink).toContain('Possibly the same event as #18 (same source link).');
    // The same address in another form: over http, with a trailing slash.
    const otherForm = viewText(await run('/entry add title:"Third strike" date:2025-08-04 type:air-strike topic:syria-israel source_url:"http://example.com/q/" outlet:AFP'));
    expect(otherForm).toContain('Possibly the same event as #18 (same source link)');
    // Another day, another title, another link: nothing to say.
    expect(viewText(await run('/entry add title:"Talks in Amman" date:2025-08-05 type:talks topic:syria-israel'))).not.toContain('Possibly');
  });

  it('WHEN respell is given without places THEN it is refused saying what it needs, and nothing changes', async () => {
    const before = storeFingerprint(app.db);
    const text = viewText(await run('/entry edit id:12 respell:true'));
    expect(text).toContain('Option `respell` re-spells the places given in `places`, and none are given.');
    expect(text).toContain('/entry edit id:12 places:"…" respell:true');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a change names a topic the dossier does not have THEN the reply says it starts one, and which is close', async () => {
    const typo = viewText(await run('/entry add title:"Typo" date:2025 type:talks topic:syria-isreal'));
    expect(typo).toContain('This starts a new topic, syria-isreal. Did you mean syria-israel? If so: `/entry edit id:18 topic:syria-israel`');
    const fresh = viewText(await run('/entry add title:"New front" date:2025 type:talks topic:lebanon-israel'));
    expect(fresh).toContain('This starts a new topic, lebanon-israel.');
    expect(fresh).not.toContain('Did you mean');
    expect(viewText(await run('/entry add title:"Same front" date:2025 type:talks topic:lebanon-israel'))).not.toContain('new topic');
    expect(viewText(await run('/entry edit id:3 topic:golan'))).toContain('This starts a new topic, golan.');
    expect(viewText(await run('/entry edit id:3 confidence:disputed'))).not.toContain('new topic');
  });

  it('WHEN a mistyped topic is corrected THEN it is no longer offered, and naming it again says it starts one', async () => {
    await run('/entry add title:"Typo" date:2025 type:talks topic:syria-isreal');
    await run('/entry edit id:18 topic:syria-israel');
    expect(viewText(await run('/timeline topic:nope'))).toContain('Topics: syria-israel.');
    expect(viewText(await run('/entry add title:"Again" date:2025 type:talks topic:syria-isreal'))).toContain('This starts a new topic, syria-isreal.');
  });

  it('WHEN a source link changes and its outlet was only the old site THEN the outlet follows the link', async () => {
    await run('/entry add title:"Linked" date:2025 type:talks topic:syria-israel source_url:https://www.reuters.com/x');
    expect(viewText(await run('/entry edit id:18 source_url:https://apnews.com/y'))).toContain('apnews.com <https://apnews.com/y>');
    await run('/entry edit id:18 outlet:AP');
    expect(viewText(await run('/entry edit id:18 source_url:https://apnews.com/z'))).toContain('AP <https://apnews.com/z>');
  });

  it('WHEN a tagged entry is removed and restored THEN the restore changes no field', async () => {
    // The seed gives #3 its tags in the article's order; the store reads them back sorted.
    await run('/entry remove id:3 reason:"checking"');
    await run('/entry undo 3');
    expect(viewText(await run('/entry history 3'))).toMatch(/restore by ed \(Slack\) \(undo of r\d+, a removal\)/);
    expect(viewText(await run('/entry edit id:3 tags:"golan, background, disengagement-agreement"'))).toContain('Nothing to change');
  });

  it('WHEN undoing twice THEN the second undo steps further back instead of redoing, until only the creation stands', async () => {
    await run('/entry add title:"Talks in Baku" date:2025-08 type:talks topic:syria-israel');
    await run('/entry edit id:18 title:"Talks in Muscat" confidence:confirmed');
    await run('/entry edit id:18 date:2025-09 tags:muscat');
    await run('/entry remove id:18 reason:"checking"');
    const steps = [];
    for (let i = 0; i < 4; i++) steps.push(viewText(await run('/entry undo 18')));
    expect(steps[0]).toMatch(/Talks in Muscat[\s\S]*Date\s+Sep 2025/);
    expect(steps[1]).toMatch(/Talks in Muscat\nTook back r\d+ \(date, tags\)[\s\S]*Date\s+Aug 2025/);
    expect(steps[2]).toMatch(/Talks in Baku[\s\S]*Confidence\s+reported/);
    expect(steps[3]).toContain('Entry #18 is as it was first added: every change to it has been undone.');
    expect(viewText(await run('/entry history 18'))).not.toContain('/entry undo');
    expect(viewText(await run('/entry history 12'))).not.toContain('/entry undo');
    await run('/entry edit id:12 confidence:claimed');
    expect(viewText(await run('/entry history 12'))).toContain('Take back the latest change with `/entry undo id:12` (admins)');
    expect(viewText(await run('/entry history 18'))).toMatch(/\(undo of r\d+, an edit\)$/m);
  });

  it('WHEN a store has undos written before undo steps back THEN their history is read the same way', async () => {
    await run('/entry edit id:12 confidence:confirmed');
    await run('/entry edit id:12 confidence:disputed');
    await run('/entry undo 12');
    // What an undo looked like before revisions recorded which one it took back.
    app.db.prepare("UPDATE revisions SET undoes = NULL, reason = 'undo of revision ' || (id - 1) || ' (edit)' WHERE undoes IS NOT NULL").run();
    app.db.prepare("UPDATE revisions SET undoes = CAST(substr(reason, 18, instr(substr(reason, 18), ' ') - 1) AS INTEGER) WHERE entity = 'entry' AND reason GLOB 'undo of revision [0-9]* (*'").run();
    expect(viewText(await run('/entry undo 12'))).toMatch(/Confidence\s+reported/);
  });

  it('WHEN undoing an edit THEN the previous values come back', async () => {
    await run('/entry edit id:12 confidence:confirmed title:"Officials meet in Baku"');
    await run('/entry undo 12');
    const text = viewText(await run('/entry show 12'));
    expect(text).toContain('#12 Syrian and Israeli officials meet in Baku');
    expect(text).toMatch(/Confidence\s+reported/);
  });

  it('WHEN an entry has only its creation THEN undo refuses and points to remove', async () => {
    expect(viewText(await run('/entry undo 5'))).toContain('Entry #5 is as it was first added: it has no change to undo. To take it down use `/entry remove`.');
  });

  it('WHEN a new date comes with clear:end THEN the end is dropped rather than checked against the new date', async () => {
    await run('/entry add title:"Talks in Baku" date:2025-05 end:2025-07 type:talks topic:syria-israel');
    const text = viewText(await run('/entry edit id:18 date:2025-09 clear:end'));
    expect(text).toContain('Updated #18: end, date.');
    expect(text).toMatch(/Date\s+Sep 2025\n/);
  });

  // A string is a part of the reply, a pattern the reply's shape.
  const refusals: [string, RegExp | string][] = [
    ['/entry add date:2025 type:talks topic:syria-israel', /needs option `title`/],
    ['/entry add title:x date:2025-13 type:talks topic:syria-israel', /Option `date`.*got `2025-13`/],
    ['/entry add title:x date:2025-05 end:2025-04 type:talks topic:syria-israel', /`end` \(2025-04\) is before the date \(2025-05\)/],
    ['/entry add title:x date:2025-07 end:2025-07-15 type:talks topic:syria-israel', /`end` \(2025-07-15\) must end after the date \(2025-07\)/],
    ['/entry add title:x date:2025-07-12 end:2025-07-12 type:talks topic:syria-israel', /`end` \(2025-07-12\) must end after the date \(2025-07-12\)/],
    ['/entry edit id:8 date:2025-09', /`end` \(2025-07\) is before the date \(2025-09\)[\s\S]*drop it with `clear:end`/],
    ['/entry add title:x date:2025 type:talks topic:syria-israel source_url:javascript:alert(1)', /`source_url` must be an http\(s\) link/],
    ['/entry add title:x date:2025 type:talks topic:syria-israel source_url:http:/example.org', /`source_url` must be an http\(s\) link — got `http:\/example.org`/],
    ['/entry add title:x date:2025 type:talks topic:syria-israel attribution:"someone"', /source needs `outlet` or `source_url`/],
    ['/entry add title:x date:2025 type:riot topic:syria-israel', /Option `type`.*one of/],
    ['/entry add title:x date:2025 type:talks topic:syria-israel confidence:sure', /Option `confidence`.*confirmed, reported, claimed, disputed/],
    ['/entry add title:x date:2025 type:talks topic:"Syria Israel"', /`topic` must be a slug/],
    ['/entry add title:x date:2025 type:talks topic:syria--israel-', /`topic` must be a slug of letters and digits joined by single dashes/],
    ['/entry add title:x date:2025 type:talks topic:syria-israel actors:"Narnia:host"', /No actor is called `Narnia`[\s\S]*\/actors add name:"Narnia"/],
    // Every wrong value at once, each with its hints, not one refusal per try.
    ['/entry add title:x date:2025-13-01 type:talkz topic:syria-israel confidence:sure', /— got `2025-13-01`\.\nThere is no month 13: months run from 01 to 12\.\nOption `type` of `\/entry add` must be one of: .* — got `talkz`\.\nDid you mean `talks`\?\nOption `confidence` of `\/entry add` must be one of: confirmed, reported, claimed, disputed — got `sure`\.$/],
    // A role named as analysts also call it, or misspelt, gets the role it means.
    ['/entry add title:x date:2025 type:air-strike topic:syria-israel actors:"Israel:perpetrator"', /`Israel:perpetrator` has an unknown role\.\nRoles: initiator, target, mediator, participant, host, subject\.\nDid you mean `Israel:initiator`\?$/],
    ['/entry add title:x date:2025 type:air-strike topic:syria-israel actors:"Syria:traget"', /Did you mean `Syria:target`\?$/],
    // A word no role is near gets the list alone (not an object's inherited property).
    ['/entry add title:x date:2025 type:air-strike topic:syria-israel actors:"Syria:constructor"', /has an unknown role\.\nRoles: initiator, target, mediator, participant, host, subject\.$/],
    // Actors written apart by semicolons, as some files list them.
    ['/entry add title:x date:2025 type:talks topic:syria-israel actors:"Syria:participant; Israel:participant"', /Option `actors`: list items are separated by commas, not semicolons\.\nWritten with commas: actors:"Syria:participant, Israel:participant"/],
    // A new actor's kind can't be guessed: the hint lists the kinds rather than offering `kind:person`.
    [
      '/entry add title:x date:2025 type:talks topic:syria-israel actors:"Sirya:participant"',
      /Closest known names: Syria\.\nOr, if it is a new actor, create it first: `\/actors add name:"Sirya" kind:…` \(state, government-body, .*, person, .*other\)$/,
    ],
    ['/entry add title:x date:2025 type:talk topic:syria-israel', /Option `type` of `\/entry add` must be one of: .* — got `talk`\.\nDid you mean `talks`\?$/],
    // A word of a type's label, as people name event types, gets the types it names.
    ['/entry add title:x date:2025 type:strike topic:syria-israel', /— got `strike`\.\nDid you mean `air-strike` \(Air\/drone strike\)\?$/],
    ['/entry add title:x date:2025 type:negotiations topic:syria-israel', /— got `negotiations`\.\nDid you mean `talks` \(Talks\/negotiation\)\?$/],
    ['/entry add title:x date:2025 type:clashes topic:syria-israel', /— got `clashes`\.\nDid you mean `armed-clash` \(Armed clash\)\?$/],
    ['/actors alias name:"Tom Barrack" remove:Nope', /“Nope” is not an alias of Tom Barrack\.\nIts aliases: “Barrack”, “Thomas Barrack”\.$/],
    ['/actors alias name:"Tom Barrack" remove:"tom barrack"', /“tom barrack” is the name of Tom Barrack, not an alias: a name cannot be removed\.$/],
    ['/actors list kind:peson', /Option `kind` of `\/actors list` must be one of: .* — got `peson`\.\nDid you mean `person`\?$/],
    ['/entry add title:x date:2025 type:talks topic:syria-israel actors:"Syria:villain"', /unknown role[\s\S]*initiator, target/],
    [`/entry add title:${'x'.repeat(201)} date:2025 type:talks topic:syria-israel`, /Option `title`.*at most 200 characters/],
    ['/entry edit id:999 confidence:confirmed', /There is no entry #999/],
    // The example edits the entry named, not another one.
    ['/entry edit id:3', /needs at least one field to change besides `id`\.\nFor example: `\/entry edit id:3 confidence:confirmed`$/],
    ['/entry edit id:3 confidence:confirmed', /Nothing to change/],
    ['/entry remove id:3', /needs option `reason`/],
    ['/actors add name:"Ministry of Defence, Syria" kind:government-body', '“Ministry of Defence, Syria” has a comma, and commas separate names in lists'],
    ['/actors alias name:Dermer add:"Dermer, R."', '“Dermer, R.” has a comma'],
    ['/actors edit name:Israel kind:state', 'Nothing to change: Israel already has those values.'],
    ['/actors edit name:Israel affiliation:none', 'Nothing to change: Israel already has those values.'],
    ['/actors edit name:Dermer aliases:dermer', 'Nothing to change: Ron Dermer already has those values.'],
    ['/actors edit name:Israel affiliation:"Ron Dermer"', 'Option `affiliation`: that would make a loop (Israel → Ron Dermer → Israel).'],
    // Spelled as stored. Another spelling of the same places re-spells them (tests/admin/place-spelling.test.ts).
    ['/entry edit id:15 places:"Paris, France"', 'Nothing to change: entry #15 already has those values.'],
    [`/entry edit id:15 tags:"${'x'.repeat(121)}"`, 'is 121 characters; each item may have 120.'],
  ];
  it.each(refusals)('WHEN %s THEN it is refused with a clear reason and nothing is written', async (command, message) => {
    const before = storeFingerprint(app.db);
    const view = await run(command);
    expect(view.tone).toBe('error');
    expect(viewText(view)).toMatch(message);
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN the platform retries the same delivery THEN the entry is written once and the same reply returns', async () => {
    const command = '/entry add title:"Retried" date:2025-08 type:talks topic:syria-israel';
    const first = await run(command, 'trigger-1');
    const retry = await run(command, 'trigger-1');
    expect(retry).toEqual(first);
    expect(app.db.prepare("SELECT count(*) FROM entries WHERE title = 'Retried'").pluck().get()).toBe(1);
    await run(command, 'trigger-2');
    expect(app.db.prepare("SELECT count(*) FROM entries WHERE title = 'Retried'").pluck().get()).toBe(2);
  });

  it('WHEN a delivery died mid-command THEN a redelivery is told it is in progress, and after 30 s runs it once', async () => {
    // What a process killed while running the command leaves: the claim, with no reply.
    app.db
      .prepare("INSERT INTO handled_requests (request_id, command, caller, view, handled_at) VALUES ('slack:trigger-9', 'entry add', 'slack:U1', NULL, ?)")
      .run(clock.toISOString());
    const command = '/entry add title:"Redelivered" date:2025-08 type:talks topic:syria-israel';
    const count = () => app.db.prepare("SELECT count(*) FROM entries WHERE title = 'Redelivered'").pluck().get();
    clock = new Date(clock.getTime() + 20_000);
    expect((await run(command, 'trigger-9')).title).toBe('Already received');
    expect(count()).toBe(0);
    clock = new Date(clock.getTime() + 11_000);
    expect((await run(command, 'trigger-9')).tone).toBe('success');
    expect(await run(command, 'trigger-9')).toMatchObject({ tone: 'success' });
    expect(count()).toBe(1);
  });

  it('WHEN a delivery was refused as invalid THEN a corrected retry with the same id is not blocked', async () => {
    await run('/entry add title:x date:2025 type:talks topic:syria-israel actors:"Narnia:host"', 'same-id');
    expect((await run('/entry add title:x date:2025 type:talks topic:syria-israel', 'same-id')).tone).toBe('success');
  });
});

describe('GIVEN an admin curating actors', () => {
  it('WHEN merging a duplicate THEN every link, alias and affiliation moves over and nothing is lost', async () => {
    await run('/actors add name:"T. Barrack" kind:person aliases:"Tommy B"');
    await run('/actors add name:"Envoy staff" kind:government-body affiliation:"T. Barrack"');
    await run('/entry add title:"Envoy in Damascus" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Syria:host"');
    await run('/entry add title:"Envoy and Barrack" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Tom Barrack:mediator"');
    const barrackLinksBefore = app.dossier.timeline({ actorId: app.dossier.findActors('Tom Barrack', 1)[0]!.id, limit: 25, offset: 0 }).total;
    const view = viewText(await run('/actors merge from:"T. Barrack" into:"Tom Barrack"'));
    expect(view).toContain('Merged T. Barrack into Tom Barrack: 2 entry links moved');
    const profile = viewText(await run('/actor Tom Barrack'));
    expect(profile).toMatch(/Also known as\s+.*T\. Barrack.*Tommy B/);
    expect(profile).toMatch(/Includes\s+Envoy staff/);
    expect(app.dossier.timeline({ actorId: app.dossier.findActors('Tom Barrack', 1)[0]!.id, limit: 25, offset: 0 }).total).toBe(barrackLinksBefore + 1);
    expect((await run('/actor Tommy B')).title).toBe('Tom Barrack');
    expect(viewText(await run('/search Tommy'))).toContain('Envoy in Damascus');
    const history = app.db.prepare("SELECT action FROM revisions WHERE entity = 'actor' ORDER BY id DESC LIMIT 2").pluck().all();
    expect(history).toEqual(['merge', 'merge']);
  });

  it('WHEN an entry changed before a merge is undone after it THEN it names the actor merged into, not the merged one', async () => {
    await run('/actors add name:"T. Barrack" kind:person');
    await run('/entry add title:"Envoy in Damascus" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Tom Barrack:mediator"');
    await run('/entry edit id:18 confidence:confirmed');
    await run('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    const undone = viewText(await run('/entry undo id:18'));
    expect(undone).toMatch(/Confidence\s+reported/);
    expect(undone).toContain('Tom Barrack — mediator');
    expect(undone).not.toContain('T. Barrack');
    const tom = app.dossier.findActors('Tom Barrack', 1)[0]!.id;
    expect(app.dossier.timeline({ actorId: tom, limit: 25, offset: 0 }).items.map((e) => e.id)).toContain(18);
  });

  it('WHEN a person is merged into a state THEN the reply says so and the state keeps its own profile; unmerge gives all back', async () => {
    const text = viewText(await run('/actors merge from:"Tom Barrack" into:Israel'));
    expect(text).toContain("Tom Barrack was a person and Israel is a state: Israel does not take Tom Barrack's title or affiliation.");
    const israel = viewText(await run('/actor Israel'));
    expect(israel).not.toMatch(/Title\s+US special envoy/);
    expect(israel).not.toMatch(/Affiliation\s+United States/);
    await run('/actors unmerge name:"Tom Barrack"');
    expect(viewText(await run('/actor Tom Barrack'))).toMatch(/Title\s+US special envoy for Syria\s+Affiliation\s+United States/);
  });

  it('WHEN an armed group is merged into a government body THEN the reply names both kinds in words, with “an” before a vowel', async () => {
    await run('/actors add name:"Druze militias" kind:armed-group');
    await run('/actors add name:"Sweida council" kind:government-body');
    const text = viewText(await run('/actors merge from:"Druze militias" into:"Sweida council"'));
    expect(text).toContain("Druze militias was an armed group and Sweida council is a government body: Sweida council does not take Druze militias's title or affiliation.");
  });

  it('WHEN merging by part of a name THEN it is refused with the full names to type, and nothing moves', async () => {
    const before = storeFingerprint(app.db);
    const text = viewText(await run('/actors merge from:Ministry into:Syria'));
    expect(text).toContain('`Ministry` is not the full name or an alias of an actor (option `from`).');
    expect(text).toContain('Type it in full: `Syrian Ministry of Foreign Affairs`.');
    expect(viewText(await run('/actors merge from:Barrack into:"Tom Barrack"'))).toContain('both name Tom Barrack: nothing to merge');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a merge is taken back THEN the actor returns with its names, links, affiliates and pairings, and search finds it again', async () => {
    await run('/actors add name:"T. Barrack" kind:person title:Envoy aliases:"Tommy B"');
    await run('/actors add name:"Envoy staff" kind:government-body affiliation:"T. Barrack"');
    await run('/entry add title:"Envoy in Damascus" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Syria:host"');
    await run('/entry add title:"Envoy and Barrack" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Tom Barrack:mediator"');
    const profiles = async () => [viewText(await run('/actor T. Barrack')), viewText(await run('/actor Tom Barrack')), viewText(await run('/actor Envoy staff'))];
    const pairs = () => app.db.prepare('SELECT actor_id, other_id, shared FROM actor_pairs WHERE shared > 0 ORDER BY 1, 2').raw().all();
    const [profilesBefore, pairsBefore] = [await profiles(), pairs()];
    await run('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    const back = viewText(await run('/actors unmerge name:"Tommy B"'));
    expect(back).toContain('Separated T. Barrack from Tom Barrack again: 2 entry links moved back.');
    expect(await profiles()).toEqual(profilesBefore);
    expect(pairs()).toEqual(pairsBefore);
    expect(viewText(await run('/entry show 19'))).toMatch(/T\. Barrack — mediator\s+Tom Barrack — mediator/);
    expect(viewText(await run('/search Tommy'))).toContain('Actors: T. Barrack (mediator), Syria (host)');
    expect(viewText(await run('/actors unmerge name:"T. Barrack"'))).toContain('No merged actor was called `T. Barrack`');
  });

  it('WHEN an entry’s actors changed after a merge THEN unmerge leaves them; an entry changed otherwise gets its link back', async () => {
    await run('/actors add name:"T. Barrack" kind:person');
    await run('/entry edit id:13 actors:"T. Barrack:subject, Ron Dermer:subject"');
    await run('/entry add title:"Envoy in Damascus" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Syria:host"');
    await run('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    // #13 back past the merge to the seed's actors; #18 edited, its actors untouched.
    await run('/entry undo id:13');
    await run('/entry edit id:18 confidence:confirmed');
    expect(viewText(await run('/actors unmerge name:"T. Barrack"'))).toContain('Separated T. Barrack from Tom Barrack again: 1 entry link moved back.');
    const seedEntry = viewText(await run('/entry show 13'));
    expect(seedEntry).toMatch(/Tom Barrack — subject\s+Asaad al-Shaibani — subject\s+Ron Dermer — subject/);
    expect(seedEntry).not.toContain('T. Barrack');
    expect(viewText(await run('/entry show 18'))).toContain('T. Barrack — mediator');
  });

  it('WHEN an undo takes back an actor a merge had folded into one the entry names too THEN its history says so, and unmerge leaves it off', async () => {
    await run('/entry edit id:12 actors:"Syria:participant, Israel:participant, Ahmed al-Sharaa:subject, Ron Dermer:participant"');
    await run('/actors merge from:"Ron Dermer" into:Syria');
    expect(viewText(await run('/entry undo id:12'))).toContain('(actors)');
    expect(viewText(await run('/entry history id:12'))).toMatch(/edit by ed \(Slack\) — actors \(undo of r\d+, an edit\)/);
    expect(viewText(await run('/actors unmerge name:"Ron Dermer"'))).toContain('Separated Ron Dermer from Syria again: 1 entry link moved back.');
    expect(viewText(await run('/entry show id:12'))).not.toContain('Ron Dermer');
    expect(viewText(await run('/entry show id:13'))).toContain('Ron Dermer — subject');
  });

  it('WHEN merges chain and the first actor is unmerged by its name THEN that actor is separated, not the one it went into', async () => {
    await run('/actors add name:"T. Barrack" kind:person');
    await run('/actors add name:"Thomas J. Barrack" kind:person');
    await run('/entry add title:"Envoy in Damascus" date:2025-08 type:talks topic:syria-israel actors:"T. Barrack:mediator, Syria:host"');
    await run('/entry add title:"Envoy in Amman" date:2025-08 type:talks topic:syria-israel actors:"Thomas J. Barrack:mediator, Syria:host"');
    await run('/actors merge from:"T. Barrack" into:"Thomas J. Barrack"');
    await run('/actors merge from:"Thomas J. Barrack" into:"Tom Barrack"');
    expect(viewText(await run('/actors unmerge name:"T. Barrack"'))).toContain('Separated T. Barrack from Tom Barrack again: 1 entry link moved back.');
    expect(viewText(await run('/entry show 18'))).toContain('T. Barrack — mediator');
    expect(viewText(await run('/entry show 19'))).toContain('Tom Barrack — mediator');
    expect((await run('/actor Thomas J. Barrack')).title).toBe('Tom Barrack');
  });

  it('WHEN merging into an actor with no title or affiliation THEN it takes the folded one\'s, and unmerge gives them back', async () => {
    await run('/actors add name:"Envoy Three" kind:person');
    await run('/actors merge from:"Tom Barrack" into:"Envoy Three"');
    expect(viewText(await run('/actor Envoy Three'))).toMatch(/Title\s+US special envoy for Syria\s+Affiliation\s+United States/);
    await run('/actors unmerge name:"Tom Barrack"');
    const three = viewText(await run('/actor Envoy Three'));
    expect(three).not.toContain('Title');
    expect(three).not.toContain('Affiliation');
    expect(viewText(await run('/actor Tom Barrack'))).toMatch(/Title\s+US special envoy for Syria\s+Affiliation\s+United States/);
  });

  it('WHEN an actor is merged into one that belonged to it THEN the kept actor does not end up belonging to itself', async () => {
    await run('/actors add name:"Alpha Group" kind:armed-group');
    await run('/actors add name:"Beta Front" kind:armed-group affiliation:"Alpha Group"');
    await run('/actors merge from:"Alpha Group" into:"Beta Front"');
    const beta = viewText(await run('/actor Beta Front'));
    expect(beta).not.toContain('Affiliation');
    expect(beta).not.toContain('Includes');
  });

  it('WHEN an actor title is set to none THEN it is cleared', async () => {
    expect(viewText(await run('/actors edit name:Dermer title:none'))).toContain('Updated Ron Dermer: title.');
    expect(viewText(await run('/actor Dermer'))).not.toContain('Title');
  });

  it('WHEN tags differ only in case THEN they are one tag', async () => {
    await run('/entry edit id:12 tags:"Baku, baku, BAKU, talks"');
    expect(viewText(await run('/entry show 12'))).toMatch(/Tags\s+baku, talks\n/);
  });

  it('WHEN adding a name another actor already has THEN it is refused', async () => {
    expect(viewText(await run('/actors add name:Barrack kind:person'))).toMatch(/“Barrack” already names Tom Barrack/);
  });

  it('WHEN listing THEN actors come by name with their entry counts, filtered by kind', async () => {
    const text = viewText(await run('/actors list kind:person'));
    expect(text).toMatch(/Showing 1 to 5 of 5 actors/);
    expect(text).toContain('Tom Barrack — person, US special envoy for Syria · 3 entries');
  });

  it('WHEN editing and aliasing THEN the profile shows the change and revisions record it', async () => {
    await run('/actors edit name:Dermer title:"Former minister" affiliation:none');
    await run('/actors alias name:Dermer add:"R. Dermer"');
    const text = viewText(await run('/actor R. Dermer'));
    expect(text).toMatch(/Title\s+Former minister/);
    expect(text).not.toContain('Affiliation');
    const revisions = app.db.prepare("SELECT changed_fields FROM revisions WHERE entity = 'actor' ORDER BY id DESC LIMIT 2").pluck().all();
    expect(revisions).toEqual(['["aliases"]', '["affiliationId","title"]']);
  });
});
