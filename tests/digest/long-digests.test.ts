// What an editor reads in a long digest: every item listed, over as many parts as it takes, with a
// header that counts what the digest covers; past the bound no day reaches, every item left out
// named by id with the command that shows it. And the header of a digest after an unmerge.
import { afterEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/core/digest/compose.js';
import { idRanges, listedPerKind, MAX_LISTED } from '../../src/core/digest/unlisted.js';
import { splitDigest } from '../../src/core/digest/split.js';
import { viewText } from '../support/view-text.js';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0).reverse()) {
    await h.dispose();
    h.removeStore();
  }
});

function harness(): Harness {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  harnesses.push(h);
  return h;
}

/** The digest posted at `slot`, its parts' text in order. */
const digestAt = (h: Harness, slot: string) => h.poster.posts.filter((p) => p.at.toISOString() === slot).map((p) => p.text);

/** How many items the text lists, by their headings (`#12 Title`). */
const listedIds = (parts: readonly string[]) => new Set(parts.join('\n').match(/^#\d+(?= )/gm) ?? []);

describe('GIVEN a day with 60 new entries, then a day that removes 52 of them', () => {
  async function twoDays() {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(h.addEntry({ title: `Bulk entry ${i}`, fatalities: { best: 1, source: 'UN' } }));
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    for (let i = 0; i < 55; i++) h.editEntry(ids[i]!, { confidence: 'confirmed' });
    for (let i = 0; i < 52; i++) h.removeEntry(ids[i]!, 'bulk');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    return { h, ids, day1: digestAt(h, '2026-07-06T06:00:00.000Z'), day2: digestAt(h, '2026-07-07T06:00:00.000Z') };
  }

  it('THEN the first digest lists all 60 over its parts, and its header counts the 60 it shows', async () => {
    const { ids, day1 } = await twoDays();
    expect(day1.length).toBeGreaterThan(1);
    expect(day1.at(-1)).toContain(`part ${day1.length} of ${day1.length}`);
    expect(listedIds(day1)).toEqual(new Set(ids.map((id) => `#${id}`)));
    for (let i = 0; i < 60; i++) expect(day1.join('\n')).toContain(`Bulk entry ${i}\n`);
    expect(day1[0]).toContain('60 new entries (60 Talks/negotiation) · 60 reported killed in 60 new entries');
    expect(day1.join('\n')).not.toMatch(/Not listed|more than fit|listed in full/);
  });

  it('THEN the next digest lists every removal and correction, none pointed at /timeline', async () => {
    const { ids, day2 } = await twoDays();
    const text = day2.join('\n');
    expect(day2[0]).toContain('3 corrections · 52 removals');
    for (const id of ids.slice(0, 52)) expect(text).toMatch(new RegExp(`^#${id} Bulk entry \\d+ — removed$`, 'm'));
    for (const id of ids.slice(52, 55)) expect(text).toMatch(new RegExp(`^#${id} Bulk entry \\d+ — corrected$`, 'm'));
    expect(listedIds(day2).size).toBe(55);
    expect(text).not.toMatch(/Not listed|more than fit|`\/timeline`/);
  });
});

describe('GIVEN more changes than the bound a digest lists in full', () => {
  it('THEN the header says how many are listed, the small kinds are all listed, and every other id is named with the command that shows it', async () => {
    const h = harness();
    const changes = h.app.digests.store.changes;
    const earlier = [h.addEntry({ title: 'Early A' }), h.addEntry({ title: 'Early B' })];
    const from = changes.latestCursor();
    const added: number[] = [];
    for (let i = 0; i < MAX_LISTED + 10; i++) added.push(h.addEntry({ title: `Import ${i}` }));
    for (const id of earlier) h.removeEntry(id, 'duplicate');
    const set = changes.between(from, changes.latestCursor());
    const { view } = composeDigest(set, { filters: {}, zone: 'UTC', periodFrom: new Date('2026-07-05T06:00:00Z'), periodTo: new Date('2026-07-06T06:00:00Z') });
    const parts = splitDigest(view);
    const text = parts.map(viewText).join('\n');
    // 512 items: the 2 removals, and 498 of the new entries (the newest), are listed in full.
    expect(viewText(parts[0]!)).toContain(`${MAX_LISTED + 10} new entries (${MAX_LISTED + 10} Talks/negotiation) · 2 removals · 500 listed in full, 12 named by id after them`);
    for (const id of earlier) expect(text).toMatch(new RegExp(`^#${id} Early [AB] — removed$`, 'm'));
    expect(listedIds(parts.map(viewText)).size).toBe(MAX_LISTED);
    const left = added.slice(0, 12);
    expect(text).toContain(`Not listed: 12 new entries past the ${MAX_LISTED} items a digest lists\n    #${left[0]}–#${left.at(-1)}\n    Each: \`/entry show ID\``);
    for (const id of left) expect(text).not.toMatch(new RegExp(`^#${id} `, 'm'));
  });
});

describe('GIVEN the bound shared between kinds', () => {
  it('THEN a mass import leaves room for every correction and removal, and the ids left out read as ranges', () => {
    expect(listedPerKind({ new: 10_000, corrected: 40, restored: 0, removed: 3 })).toEqual({ new: MAX_LISTED - 43, corrected: 40, restored: 0, removed: 3 });
    expect(listedPerKind({ new: 12, corrected: 4, restored: 0, removed: 1 })).toEqual({ new: 12, corrected: 4, restored: 0, removed: 1 });
    expect(idRanges([11, 5, 3, 4, 9, 10, 20])).toEqual(['#3–#5', '#9–#11', '#20']);
  });
});

describe('GIVEN an actor merge taken back after the digest that listed it', () => {
  it('THEN the next digest counts an unmerge, as its section names it, not a merge', async () => {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.runText('/actors add name:"R. Dermer" kind:person');
    await h.runText('/actors merge from:"Ron Dermer" into:"R. Dermer"');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    expect(digestAt(h, '2026-07-06T06:00:00.000Z').join('\n')).toContain('1 new actor · 1 actor merge');
    await h.runText('/actors unmerge name:"Ron Dermer"');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const [text] = digestAt(h, '2026-07-07T06:00:00.000Z');
    expect(text).toContain('\n1 actor unmerge\n');
    expect(text).not.toContain('actor merge\n');
    expect(text).toContain('Actors unmerged\n    Ron Dermer is separate from R. Dermer again (a merge taken back)');
  });

  it('WHEN the merge and its unmerge fall in one period THEN the digest reports neither', async () => {
    const h = harness();
    h.startScheduler();
    await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    await h.runText('/actors merge from:"Ron Dermer" into:"Tom Barrack"');
    await h.runText('/actors unmerge name:"Ron Dermer"');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const [text] = digestAt(h, '2026-07-07T06:00:00.000Z');
    expect(text).toContain('Nothing changed since the last digest.');
    expect(text).not.toMatch(/merge/i);
  });
});
