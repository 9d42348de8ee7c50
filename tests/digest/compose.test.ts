// What a digest holds for a cursor range: one item per entry, filters on the state before or
// after, and nothing left out without saying so.
import { afterEach, describe, expect, it } from 'vitest';
import { diffFields, filterChanges, sortForDigest, type DigestFilters, type EntryChange } from '../../src/core/digest/changes.js';
import { composeDigest, type DigestContext } from '../../src/core/digest/compose.js';
import type { EntryInput } from '../../src/core/domain.js';
import { splitDigest } from '../../src/core/digest/split.js';
import { SqliteDigestChanges } from '../../src/store/digest-changes.js';
import { viewText } from '../support/view-text.js';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.dispose();
    h.removeStore();
  }
});

function setup() {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  harnesses.push(h);
  const changes = h.app.digests.store.changes;
  const from = changes.latestCursor();
  const ctx = (extra: Partial<DigestContext> = {}): DigestContext => ({
    filters: {},
    zone: 'Europe/Paris',
    periodFrom: new Date('2026-07-05T06:00:00Z'),
    periodTo: new Date('2026-07-06T06:00:00Z'),
    ...extra,
  });
  const digest = (extra: Partial<DigestContext> = {}) => composeDigest(changes.between(from, changes.latestCursor()), ctx(extra));
  return { h, changes, from, ctx, digest };
}

describe('GIVEN changes since a cursor', () => {
  it('THEN a correction names the fields it changed, whatever order a source’s fields were written in', () => {
    // As an approval from the review queue writes a source, then as the store reads it back for an edit.
    const approved = { outlet: 'Levant Wire', attribution: 'according to Levant Wire', url: 'https://levant.example/a1', published: '2026-12-02' };
    const readBack = { outlet: 'Levant Wire', url: 'https://levant.example/a1', attribution: 'according to Levant Wire', published: '2026-12-02' };
    const before = { title: 'Talks in Baku', eventType: 'agreement', tags: ['b', 'a'], sources: [approved] } as unknown as EntryInput;
    const after = { title: 'Talks in Baku', eventType: 'talks', tags: ['a', 'b'], sources: [readBack] } as unknown as EntryInput;
    expect(diffFields(before, after)).toEqual(['eventType']);
    expect(diffFields(before, { ...after, sources: [{ ...readBack, url: 'https://levant.example/a2' }] } as EntryInput)).toEqual(['eventType', 'sources']);
  });

  it('THEN an actor merge is listed, and an actor filter keeps only the merges of that actor', async () => {
    const { h, digest } = setup();
    await h.runText('/actors add name:"T. Barrack" kind:person');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    const all = digest();
    expect(all.empty).toBe(false);
    expect(viewText(all.view)).toContain('T. Barrack → Tom Barrack');
    const tom = digest({ filters: { actorId: h.actorId('Tom Barrack'), actorName: 'Tom Barrack' } });
    expect(viewText(tom.view)).toContain('T. Barrack → Tom Barrack');
    const israel = digest({ filters: { actorId: h.actorId('Israel'), actorName: 'Israel' } });
    expect(israel.empty).toBe(true);
    expect(viewText(israel.view)).not.toContain('Actors merged');
  });

  it('THEN an entry added and removed in the range is left out, and an edit undone in it is no change', async () => {
    const { h, digest } = setup();
    const flash = h.addEntry({ title: 'Added by mistake' });
    h.removeEntry(flash, 'mistake');
    h.editEntry(5, { confidence: 'disputed' });
    h.app.services.editor.undoEntry(5, { by: 'discord:1001', at: h.time.now().toISOString() });
    const result = digest();
    expect(result.empty).toBe(true);
    expect(viewText(result.view)).toContain('Nothing changed since the last digest.');
  });

  it('THEN a removed entry put back is listed as restored', async () => {
    const { h, changes, ctx } = setup();
    h.removeEntry(3, 'checking');
    const mid = changes.latestCursor();
    h.app.services.editor.undoEntry(3, { by: 'discord:1001', at: h.time.now().toISOString() });
    const text = viewText(composeDigest(changes.between(mid, changes.latestCursor()), ctx()).view);
    expect(text).toContain('1 restored entry');
    expect(text).toMatch(/#3`? .* — restored\n[\s\S]*Restored unchanged\./);
  });

  it('THEN filters match the state before or after, so an entry moved out of a topic is still reported there', async () => {
    const { h, digest } = setup();
    const dermer = h.actorId('Ron Dermer');
    h.addEntry({ title: 'Dermer in Paris', actors: [{ actorId: dermer, role: 'participant' }] });
    h.addEntry({ title: 'Unrelated statement', eventType: 'statement' });
    h.editEntry(4, { topic: 'lebanon-israel' });
    const byActor = viewText(digest({ filters: { actorId: dermer, actorName: 'Ron Dermer' } }).view);
    expect(byActor).toContain('Sitrep digest — Ron Dermer');
    expect(byActor).toContain('Dermer in Paris');
    expect(byActor).not.toContain('Unrelated statement');
    const byTopic = viewText(digest({ filters: { topic: 'syria-israel' } }).view);
    expect(byTopic).toContain('topic syria-israel → lebanon-israel');
    const byType = digest({ filters: { eventType: 'statement' } });
    expect(byType.counts).toEqual({ new: 1, corrected: 0, restored: 0, removed: 0 });
  });

  it('THEN new actors named in the digest are counted in the header', async () => {
    const { h, digest } = setup();
    const envoy = h.app.services.editor.addActor({ name: 'New Envoy', kind: 'person', aliases: [] }, { by: 'x', at: h.time.now().toISOString() });
    h.addEntry({ title: 'Envoy appointed', actors: [{ actorId: envoy, role: 'subject' }] });
    const text = viewText(digest().view);
    expect(text).toContain('1 new entry (1 Talks/negotiation) · 1 new actor');
    expect(text).toContain('Actors: New Envoy (subject)');
  });

  it('WHEN an actor is added without entries THEN an unfiltered digest lists it, a filtered one does not', async () => {
    const { h, digest } = setup();
    await h.runText('/actors add name:"Jane Envoy" kind:person title:"UN envoy"');
    await h.runText('/actors edit name:"Jane Envoy" title:"UN special envoy for Syria"');
    const all = digest();
    expect(all.empty).toBe(false);
    const text = viewText(all.view);
    expect(text).toContain('1 new actor');
    expect(text).toContain('New actors');
    expect(text).toContain('Jane Envoy — person, UN special envoy for Syria');
    const byTopic = digest({ filters: { topic: 'syria-israel' } });
    expect(byTopic.empty).toBe(true);
    expect(viewText(byTopic.view)).not.toContain('Jane Envoy');
  });

  it('WHEN an actor is added and merged away in the same period THEN only the merge is listed', async () => {
    const { h, digest } = setup();
    await h.runText('/actors add name:"T. Barrack" kind:person');
    await h.runText('/actors merge from:"T. Barrack" into:"Tom Barrack"');
    const text = viewText(digest().view);
    expect(text).toContain('T. Barrack → Tom Barrack');
    expect(text).not.toContain('New actors');
    expect(text).not.toContain('new actor');
  });

  it('WHEN a merge is taken back in the same period THEN neither is listed; taken back later THEN that is listed', async () => {
    const { h, changes, ctx } = setup();
    const from = changes.latestCursor();
    await h.runText('/actors merge from:"Ron Dermer" into:"Tom Barrack"');
    await h.runText('/actors unmerge name:"Ron Dermer"');
    const both = composeDigest(changes.between(from, changes.latestCursor()), ctx());
    expect(both.empty).toBe(true);
    await h.runText('/actors merge from:"Ron Dermer" into:"Tom Barrack"');
    const afterMerge = changes.latestCursor();
    await h.runText('/actors unmerge name:"Ron Dermer"');
    const text = viewText(composeDigest(changes.between(afterMerge, changes.latestCursor()), ctx()).view);
    expect(text).toContain('Ron Dermer is separate from Tom Barrack again (a merge taken back): entries that named Ron Dermer name it again.');
  });

  it('WHEN more items than one part holds THEN every one is listed, over several parts', async () => {
    const { h, digest } = setup();
    for (let i = 0; i < 57; i++) h.addEntry({ title: `Bulk ${i}` });
    const view = digest().view;
    expect(viewText(view)).toContain('57 new entries');
    expect(view.sections.filter((s) => s.entryId !== undefined)).toHaveLength(57);
    expect(viewText(view)).not.toContain('Not listed');
    const parts = splitDigest(view);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.sections)).toEqual(view.sections);
    expect(parts[0]!.intro).toEqual(view.intro);
  });

  it('WHEN the range is too large to parse THEN the digest counts its new entries and names them by id', async () => {
    const { h, from, ctx } = setup();
    const ids = Array.from({ length: 5 }, (_, i) => h.addEntry({ title: `Import ${i}` }));
    const small = new SqliteDigestChanges(h.app.db, { maxRevisions: 3 });
    const result = composeDigest(small.between(from, small.latestCursor()), ctx());
    expect(viewText(result.view)).toContain('5 new entries (5 Talks/negotiation) · 0 listed in full, 5 named by id after them');
    expect(viewText(result.view)).toContain(`Not listed: 5 new entries in a period of 5 changes, too many to list one by one\n    #${ids[0]}–#${ids[4]}`);
    expect(result.empty).toBe(false);
  });

  it('THEN one long-lived reader (shared parsed tail, cached ranges) composes exactly what fresh readers do', async () => {
    const { h, ctx } = setup();
    const shared = h.app.digests.store.changes;
    const cursors: number[] = [shared.latestCursor()];
    const dermer = h.actorId('Ron Dermer');
    for (let day = 0; day < 4; day++) {
      const added = h.addEntry({ title: `Day ${day} report`, actors: [{ actorId: dermer, role: 'participant' }] });
      h.editEntry(2 + day, { confidence: 'disputed' });
      if (day % 2 === 1) h.removeEntry(added, 'merged into another report');
      if (day === 2) {
        // A rename, as a future /actors rename would do it: the name changes with an actor revision.
        h.app.db.prepare('UPDATE actors SET name = ? WHERE id = ?').run('Ron Dermer (minister)', dermer);
        h.app.services.editor.editActor(dermer, { title: 'Strategic Affairs Minister' }, { by: 'x', at: h.time.now().toISOString() });
      }
      cursors.push(shared.latestCursor());
    }
    const latest = shared.latestCursor();
    // Newest ranges first, so the tail has to grow backwards as well as forwards.
    for (const from of [...cursors].reverse()) {
      for (const filters of [{}, { topic: 'syria-israel' }, { actorId: dermer, actorName: 'Ron Dermer' }]) {
        const fresh = new SqliteDigestChanges(h.app.db);
        expect(viewText(composeDigest(shared.between(from, latest), ctx({ filters })).view)).toBe(
          viewText(composeDigest(fresh.between(from, latest), ctx({ filters })).view),
        );
      }
    }
    expect(viewText(composeDigest(shared.between(cursors[0]!, latest), ctx()).view)).toContain('Ron Dermer (minister) (participant)');
    expect(shared.releaseIfIdle(0)).toBe(true);
    expect(viewText(composeDigest(shared.between(cursors[1]!, latest), ctx()).view)).toBe(
      viewText(composeDigest(new SqliteDigestChanges(h.app.db).between(cursors[1]!, latest), ctx()).view),
    );
  });

  it('THEN each filter keeps exactly the changes whose state before or after matches it, in digest order, an entry moved under it as new', async () => {
    const { h, changes, from } = setup();
    const dermer = h.actorId('Ron Dermer');
    const barrack = h.actorId('Tom Barrack');
    h.addEntry({ title: 'Talks in Baku', actors: [{ actorId: dermer, role: 'participant' }] });
    h.addEntry({ title: 'Shelling near Sweida', eventType: 'shelling', topic: 'syria-internal', actors: [{ actorId: barrack, role: 'subject' }] });
    h.addEntry({ title: 'Both sides meet', actors: [{ actorId: dermer, role: 'participant' }, { actorId: barrack, role: 'mediator' }] });
    // Existing entries move between topics, types and actors: a filter matches their state before or after.
    h.editEntry(2, { topic: 'syria-internal', eventType: 'statement' });
    h.editEntry(3, { actors: [{ actorId: barrack, role: 'host' }] });
    h.removeEntry(4, 'duplicate');
    const set = changes.between(from, changes.latestCursor());
    const matches = (state: EntryInput | undefined, f: DigestFilters) =>
      state !== undefined && (!f.topic || state.topic === f.topic) && (!f.eventType || state.eventType === f.eventType) && (f.actorId === undefined || state.actors.some((a) => a.actorId === f.actorId));
    const filters: DigestFilters[] = [
      { topic: 'syria-israel' }, { topic: 'syria-internal' }, { eventType: 'talks' }, { eventType: 'statement' }, { actorId: dermer }, { actorId: barrack },
      { topic: 'syria-internal', eventType: 'shelling' }, { topic: 'syria-israel', actorId: barrack }, { eventType: 'talks', actorId: dermer }, { topic: 'nowhere' },
    ];
    // The channel never showed an entry a correction moved under its filters: it is new there.
    const seenAs = (c: EntryChange, f: DigestFilters) => (c.before && matches(c.after, f) && !matches(c.before, f) ? 'new' : c.kind);
    for (const f of filters) {
      const kept = set.entries.filter((c) => matches(c.after, f) || matches(c.before, f));
      const shown = filterChanges(set.entries, f);
      expect(shown.map((c) => c.entryId).sort()).toEqual(kept.map((c) => c.entryId).sort());
      expect(shown.map((c) => c.kind)).toEqual(shown.map((c) => seenAs(set.entries.find((e) => e.entryId === c.entryId)!, f)));
      expect(shown).toEqual(sortForDigest([...shown]));
    }
    expect(filterChanges(set.entries, { eventType: 'statement' }).find((c) => c.entryId === 2)).toMatchObject({ kind: 'new', changedFields: [] });
    expect(filterChanges(set.entries, { actorId: barrack }).length).toBeGreaterThan(1);
  });

  it('WHEN an actor is renamed after a digest was composed THEN the next one shows the new name', async () => {
    const { h, ctx } = setup();
    const reader = h.app.digests.store.changes;
    const dermer = h.actorId('Ron Dermer');
    const start = reader.latestCursor();
    h.addEntry({ title: 'Before the rename', actors: [{ actorId: dermer, role: 'host' }] });
    expect(viewText(composeDigest(reader.between(start, reader.latestCursor()), ctx()).view)).toContain('Ron Dermer (host)');
    h.app.db.prepare('UPDATE actors SET name = ? WHERE id = ?').run('R. Dermer', dermer);
    h.app.services.editor.editActor(dermer, { title: 'Minister' }, { by: 'x', at: h.time.now().toISOString() });
    const text = viewText(composeDigest(reader.between(start, reader.latestCursor()), ctx()).view);
    expect(text).toContain('R. Dermer (host)');
    expect(text).not.toContain('Ron Dermer');
  });
});
