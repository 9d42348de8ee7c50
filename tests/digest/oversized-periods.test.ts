// GIVEN a period holding more revisions than a digest parses (a mass import), WHEN its digest is
// composed, THEN the corrections, removals and restorations of entries that existed before it are
// listed as usual, and the new entries are counted (under the digest's filters) and named by id.
import { afterEach, describe, expect, it } from 'vitest';
import { subscriptionCard } from '../../src/core/digest/card.js';
import { composeDigest, type DigestContext } from '../../src/core/digest/compose.js';
import { MAX_CREATED_RUNS, type DigestFilters } from '../../src/core/digest/changes.js';
import { SqliteDigestChanges } from '../../src/store/digest-changes.js';
import { DRAWING } from '../support/drawing.js';
import { viewText } from '../support/view-text.js';
import { Harness } from './support/harness.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await h.dispose();
    h.removeStore();
  }
});

const ctx = (filters: DigestFilters = {}): DigestContext => ({
  filters,
  zone: 'UTC',
  periodFrom: new Date('2026-07-06T05:00:00Z'),
  periodTo: new Date('2026-07-06T05:15:00Z'),
});

/** An import of 8 entries (5 talks, then 3 protests naming Ron Dermer), 4 edits of #5 and a removal of #3: 13 revisions. */
function massImportWithCorrections() {
  const h = new Harness({ start: '2026-07-06T05:00:00Z' });
  harnesses.push(h);
  const from = h.app.digests.store.changes.latestCursor();
  const dermer = h.actorId('Ron Dermer');
  const talks = [0, 1, 2, 3, 4].map((i) => h.addEntry({ title: `Imported talks ${i}`, eventType: 'talks', start: { year: 2024, month: 3, day: 1 + i } }));
  const protests = [5, 6, 7].map((i) =>
    h.addEntry({ title: `Imported protest ${i}`, eventType: 'protest', topic: 'syria-internal', actors: [{ actorId: dermer, role: 'subject' }] }),
  );
  for (const tags of [['a'], ['a', 'b'], ['b'], ['ceasefire']]) h.editEntry(5, { tags });
  h.removeEntry(3, 'duplicate');
  const to = h.app.digests.store.changes.latestCursor();
  expect(to - from).toBe(13);
  const digest = (maxRevisions: number, filters: DigestFilters = {}) => composeDigest(new SqliteDigestChanges(h.app.db, { maxRevisions }).between(from, to), ctx(filters));
  return { h, talks, protests, dermer, digest };
}

describe('GIVEN a period with more revisions than a digest parses', () => {
  it('THEN the corrections and removals of earlier entries are listed in full, and the new entries counted by type and named by id', () => {
    const { talks, protests, digest } = massImportWithCorrections();
    const result = digest(6);
    const text = viewText(result.view);
    expect(text).toContain('8 new entries (5 Talks/negotiation, 3 Protest) · 1 correction · 1 removal · 2 listed in full, 8 named by id after them');
    expect(text).toMatch(/#5`? .* — corrected/);
    expect(text).toContain('ceasefire');
    expect(text).toMatch(/#3`? .* — removed/);
    expect(text).toContain('Reason: duplicate');
    expect(text).toContain('Not listed: 8 new entries in a period of 13 changes, too many to list one by one');
    expect(text).toContain(`#${talks[0]}–#${protests[2]}`);
    expect(text).toContain('Each: `/entry show ID`');
    expect(text).toContain('`/timeline since:2024-03-01`');
    expect(text).not.toContain('Imported talks');
    expect(text).not.toContain('too many to summarise');
    expect(result.empty).toBe(false);
    expect(result.counts).toEqual({ new: 8, corrected: 1, restored: 0, removed: 1 });
  });

  it('THEN a filtered digest counts and names only the new entries of its topic, type or actor', () => {
    const { talks, protests, dermer, digest } = massImportWithCorrections();
    const internal = viewText(digest(6, { topic: 'syria-internal' }).view);
    expect(internal).toContain('3 new entries (3 Protest)');
    expect(internal).toContain(`Not listed: 3 new entries in a period of 13 changes`);
    expect(internal).toContain(`#${protests[0]}–#${protests[2]}`);
    expect(internal).not.toContain(`#${talks[0]}`);
    expect(internal).toContain('`/timeline since:2025-07-20 topic:syria-internal`');
    const byActor = viewText(digest(6, { actorId: dermer, actorName: 'Ron Dermer' }).view);
    expect(byActor).toContain('3 new entries (3 Protest)');
    expect(byActor).toContain('`/timeline since:2025-07-20 actor:"Ron Dermer"`');
    const byType = viewText(digest(6, { eventType: 'talks' }).view);
    expect(byType).toContain(`Not listed: 5 new entries`);
    expect(byType).toContain(`#${talks[0]}–#${talks[4]}`);
    expect(byType).not.toContain(`#${protests[0]}`);
    // A digest whose filters match nothing of the period is empty, so skip_empty skips it.
    const nobody = digest(6, { topic: 'yemen' });
    expect(nobody.empty).toBe(true);
  });

  it('WHEN even the changes of earlier entries are more than it parses THEN they are counted by kind and named by id, saying the filters are not applied', () => {
    const { talks, protests, digest } = massImportWithCorrections();
    const text = viewText(digest(3).view);
    expect(text).toContain('8 new entries (5 Talks/negotiation, 3 Protest) · 1 correction · 1 removal · 0 listed in full, 10 named by id after them');
    expect(text).toContain(`#${talks[0]}–#${protests[2]}`);
    expect(text).toMatch(/Not listed: 1 correction in a period of 13 changes, too many to list one by one \(of all entries, whatever this digest’s filters\)\n\s*#5\n\s*Each: `\/entry history ID`/);
    expect(text).toMatch(/Not listed: 1 removal .*\n\s*#3\n/);
  });

  it('WHEN its new entries under the filters are scattered in more runs of ids than a digest names THEN it names the first runs and how far the rest reach', () => {
    const h = new Harness({ start: '2026-07-06T05:00:00Z' });
    harnesses.push(h);
    const from = h.app.digests.store.changes.latestCursor();
    const ids = Array.from({ length: 2 * (MAX_CREATED_RUNS + 2) }, (_, i) => h.addEntry({ title: `Imported ${i}`, topic: i % 2 === 0 ? 'syria-internal' : 'syria-israel' }));
    const internal = ids.filter((_, i) => i % 2 === 0);
    const set = new SqliteDigestChanges(h.app.db, { maxRevisions: 10 }).between(from, h.app.digests.store.changes.latestCursor());
    const text = viewText(composeDigest(set, ctx({ topic: 'syria-internal' })).view);
    expect(text).toContain(`${MAX_CREATED_RUNS + 2} new entries (${MAX_CREATED_RUNS + 2} Talks/negotiation)`);
    expect(text).toMatch(new RegExp(`#${internal[MAX_CREATED_RUNS - 1]}\\n\\s*Each: \`/entry show ID\`\\n\\s*And 2 more runs of ids, up to #${internal.at(-1)}\\.`));
    expect(text).not.toContain(`#${internal[MAX_CREATED_RUNS]},`);
  });

  it('WHEN it also restores an entry the channel was never shown THEN the card still counts every new entry of the period', DRAWING, async () => {
    const h = new Harness({ start: '2026-07-06T05:00:00Z' });
    harnesses.push(h);
    h.startScheduler();
    expect(await h.subscribe('schedule:"daily 08:00" timezone:Europe/Paris')).toContain('Digest subscribed');
    await h.time.advanceTo('2026-07-06T06:01:00Z');
    const ghost = h.addEntry({ title: 'Clash near Quneitra', eventType: 'armed-clash' });
    h.removeEntry(ghost, 'posted too early');
    await h.time.advanceTo('2026-07-07T06:01:00Z');
    const last = h.app.db.prepare('SELECT subscription_id AS id, cursor_to AS cursor FROM digest_deliveries ORDER BY id DESC LIMIT 1').get() as { id: number; cursor: number };
    expect(await h.runText(`/entry undo id:${ghost}`)).toContain('Took back');
    for (let i = 0; i < 3; i++) h.addEntry({ title: `Imported protest ${i}`, eventType: 'protest' });
    const store = { changes: new SqliteDigestChanges(h.app.db, { maxRevisions: 2 }), deliveries: h.app.digests.store.deliveries };
    const current = { cursorFrom: last.cursor, cursorTo: store.changes.latestCursor(), from: new Date('2026-07-07T06:00:00Z'), to: new Date('2026-07-08T06:00:00Z') };
    const card = subscriptionCard(h.app.services.charts, store, { id: last.id, filters: {} }, current);
    expect(card.figures.counts).toEqual({ protest: 3, 'armed-clash': 1 });
  });
});
