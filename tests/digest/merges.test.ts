// Digests across actor merges and unmerges: an actor filter follows the actor to where its
// entries went, corrections compare entries as the actors stand now, and a filtered digest only
// reports the merges on its subject.
import { afterEach, describe, expect, it } from 'vitest';
import { LEFT_FILTERS } from '../../src/core/digest/compose.js';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.dispose();
    h.removeStore();
  }
});

/** Monday 07:00 in Paris; digests at 08:00 Paris every day. */
async function subscribed(options: string): Promise<Harness> {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  harnesses.push(h);
  h.startScheduler();
  await h.runText('/actors add name:"T. Barrack" kind:person');
  expect(await h.subscribe(`schedule:"daily 08:00" timezone:Europe/Paris ${options}`)).toContain('Digest subscribed');
  return h;
}

const day = (n: number) => `2026-07-${String(5 + n).padStart(2, '0')}T06:01:00Z`;

describe('GIVEN a digest filtered by an actor', () => {
  it('WHEN that actor is merged into another THEN entries naming the actor kept are posted, under its name', async () => {
    const h = await subscribed('actor:"T. Barrack"');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    h.addEntry({ title: 'Tom Barrack visits Damascus', actors: [{ actorId: h.actorId('Tom Barrack'), role: 'participant' }] });
    await h.time.advanceTo(day(1));
    const text = h.poster.texts()[0]!;
    expect(text).toContain('Sitrep digest — Tom Barrack');
    expect(text).toContain('Tom Barrack visits Damascus');
    expect(text).toContain('T. Barrack → Tom Barrack');
    expect(await h.runText('/digest list')).toContain('Filters: actor Tom Barrack (was T. Barrack)');
    // And the days after, too: the filter keeps following.
    h.addEntry({ title: 'Second visit', actors: [{ actorId: h.actorId('Tom Barrack'), role: 'participant' }] });
    await h.time.advanceTo(day(2));
    expect(h.poster.texts()[1]).toContain('Second visit');
  });

  it('WHEN an entry names a duplicate that is then merged into the actor THEN the entry reaches the channel, under the actor’s name', async () => {
    const h = await subscribed('actor:"Tom Barrack"');
    h.addEntry({ title: 'Entered under the duplicate', actors: [{ actorId: h.actorId('T. Barrack'), role: 'participant' }] });
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    expect(await h.runText('/digest preview')).toContain('Entered under the duplicate');
    await h.time.advanceTo(day(1));
    const text = h.poster.texts()[0]!;
    expect(text).toContain('1 new entry (1 Talks/negotiation) · 1 actor merge');
    expect(text).toMatch(/Entered under the duplicate\n.*\n\s*Actors: Tom Barrack \(participant\)/);
  });

  it('WHEN the merge is taken back THEN the filter is the subscribed actor again', async () => {
    const h = await subscribed('actor:"T. Barrack"');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    await h.time.advanceTo(day(1));
    await h.runText('/actors unmerge name:"T. Barrack"');
    h.addEntry({ title: 'Tom only', actors: [{ actorId: h.actorId('Tom Barrack'), role: 'participant' }] });
    h.addEntry({ title: 'T. Barrack again', actors: [{ actorId: h.actorId('T. Barrack'), role: 'participant' }] });
    await h.time.advanceTo(day(2));
    const text = h.poster.texts()[1]!;
    expect(text).toContain('Sitrep digest — T. Barrack');
    expect(text).toContain('T. Barrack again');
    expect(text).not.toContain('Tom only');
    expect(text).toContain('T. Barrack is separate from Tom Barrack again');
    expect(await h.runText('/digest list')).toContain('Filters: actor T. Barrack\n');
  });

  it('WHEN the channel changes its schedule while merged THEN the filter kept is the subscribed actor, given back by an unmerge', async () => {
    const h = await subscribed('actor:"T. Barrack"');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    expect(await h.subscribe('schedule:"daily 09:00"')).toContain('Kept as they were: time zone Europe/Paris · actor Tom Barrack (was T. Barrack).');
    await h.runText('/actors unmerge name:"T. Barrack"');
    expect(await h.runText('/digest list')).toContain('Filters: actor T. Barrack\n');
  });
});

describe('GIVEN an entry corrected after its actor was merged', () => {
  it('THEN the correction reports what was edited, not the merge as an actor change', async () => {
    const h = await subscribed('');
    const entry = h.addEntry({ title: 'Barrack meets envoy', actors: [{ actorId: h.actorId('T. Barrack'), role: 'participant' }] });
    await h.time.advanceTo(day(1));
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    await h.time.advanceTo(day(2));
    h.editEntry(entry, { title: 'Barrack meets UN envoy' });
    await h.time.advanceTo(day(3));
    const text = h.poster.texts()[2]!;
    expect(text).toContain('1 correction');
    expect(text).toContain('Changed: title (was “Barrack meets envoy”)');
    expect(text).not.toContain('actors:');
    expect(text).toContain('Actors: Tom Barrack (participant)');
  });

  it('WHEN the merge is taken back and the entry corrected again THEN both sides are compared as the actors stand now', async () => {
    const h = await subscribed('');
    const entry = h.addEntry({ title: 'Barrack meets envoy', actors: [{ actorId: h.actorId('T. Barrack'), role: 'participant' }] });
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    h.editEntry(entry, { title: 'Barrack meets UN envoy' }); // written while merged: it names Tom Barrack
    await h.time.advanceTo(day(1));
    await h.runText('/actors unmerge name:"T. Barrack"');
    h.editEntry(entry, { title: 'Barrack meets the UN envoy' });
    await h.time.advanceTo(day(2));
    const text = h.poster.texts()[1]!;
    expect(text).toContain('Changed: title (was “Barrack meets UN envoy”)');
    expect(text).not.toContain('actors:');
    expect(text).toContain('Actors: T. Barrack (participant)');
  });
});

describe('GIVEN a digest filtered by an actor that listed an entry naming it', () => {
  async function listed() {
    const h = await subscribed('actor:"T. Barrack"');
    const entry = h.addEntry({ title: 'Barrack meets envoy', actors: [{ actorId: h.actorId('T. Barrack'), role: 'participant' }] });
    await h.time.advanceTo(day(1));
    expect(h.poster.texts()[0]).toContain('Barrack meets envoy');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    return { h, entry };
  }

  it('WHEN the actor is merged into another and the entry corrected THEN the next digest does not say it left the filters', async () => {
    const { h, entry } = await listed();
    h.editEntry(entry, { title: 'Barrack meets UN envoy' });
    await h.time.advanceTo(day(2));
    const text = h.poster.texts()[1]!;
    expect(text).toContain('Changed: title (was “Barrack meets envoy”)');
    expect(text).not.toContain(LEFT_FILTERS);
  });

  it('WHEN the actor is merged into another and then taken off the entry THEN the next digest says it left the filters', async () => {
    const { h, entry } = await listed();
    h.editEntry(entry, { actors: [{ actorId: h.actorId('Israel'), role: 'participant' }] });
    await h.time.advanceTo(day(2));
    const text = h.poster.texts()[1]!;
    expect(text).toContain('Barrack meets envoy');
    expect(text).toContain(LEFT_FILTERS);
  });
});

describe('GIVEN a filtered digest that skips empty digests', () => {
  it('WHEN the only change is a merge of actors none of its entries name THEN nothing is posted', async () => {
    const h = await subscribed('type:statement skip_empty:true');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    await h.time.advanceTo(day(1));
    expect(h.poster.posts).toHaveLength(0);
  });

  it('WHEN a merge concerns an actor of an entry it lists THEN the merge is listed with it', async () => {
    const h = await subscribed('type:statement skip_empty:true');
    h.addEntry({ title: 'Barrack statement', eventType: 'statement', actors: [{ actorId: h.actorId('Tom Barrack'), role: 'initiator' }] });
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    await h.time.advanceTo(day(1));
    const text = h.poster.texts()[0]!;
    expect(text).toContain('1 new entry (1 Statement) · 1 actor merge');
    expect(text).toContain('T. Barrack → Tom Barrack');
  });
});
