// GIVEN candidates proposed through check cycles THEN the story cache finds the one an item is
// another report of as one read afresh from the store finds it (the checks' worker restarted):
// after a feed revises a candidate's title, after one is closed by joining another, after the
// horizon has moved.
import { afterEach, describe, expect, it } from 'vitest';
import { JOINED_BY, joinedReason } from '../../src/core/review/joined-candidate.js';
import { foldStory } from '../../src/core/sources/same-story.js';
import { openDatabase, type Db } from '../../src/store/connection.js';
import { StatementCache } from '../../src/store/statement-cache.js';
import { StoryCache } from '../../src/store/story-cache.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const AT = new Date('2026-12-07T12:00:00Z');

let db: Db | undefined;
afterEach(() => db?.close());

function store() {
  const opened = openDatabase(':memory:');
  db = opened;
  const insert = opened.prepare("INSERT INTO review_candidates (topic, title, outlet, published_at, suggestion, status, created_at) VALUES ('syria', ?, 'Outlet', ?, '{}', 'pending', ?)");
  const propose = (title: string, published: Date | undefined, created = AT) => Number(insert.run(title, published?.toISOString() ?? null, created.toISOString()).lastInsertRowid);
  return { db: opened, cache: new StatementCache(opened), propose };
}

/** What a check at `at` finds for each title, published an hour before it (undated where `undated`). */
function found(stories: StoryCache, cache: StatementCache, at: Date, titles: readonly string[], undated = false): (number | undefined)[] {
  const since = new Date(at.getTime() - 3 * DAY);
  const lookup = stories.window(cache, at, since, new Date(at.getTime() - 7 * DAY));
  return titles.map((title) => lookup.find(foldStory({ title, published: undated ? undefined : new Date(at.getTime() - HOUR) }))?.candidateId);
}

const ITEMS = [
  'Israeli strikes hit Hezbollah positions in Bekaa Valley',
  'Syria and Israel resume talks in Baku',
  'Sweida ceasefire collapses as clashes kill 30',
  'Sweida ceasefire collapses as clashes kill 45',
  'Aid convoy reaches Deir ez-Zor',
];

describe('GIVEN candidates proposed through check cycles', () => {
  it('WHEN one is revised and one is closed by joining THEN the cache held finds what one read afresh finds', () => {
    const { db: opened, cache, propose } = store();
    const held = new StoryCache();
    const strikes = propose('Israeli strikes pound Hezbollah positions in Bekaa Valley', new Date(AT.getTime() - 2 * HOUR));
    expect(found(held, cache, AT, ITEMS)).toEqual([strikes, undefined, undefined, undefined, undefined]);
    const talks = propose('Israel, Syria resume talks in Baku', new Date(AT.getTime() - 3 * HOUR));
    const toll = propose('Sweida ceasefire collapses as clashes kill 30', new Date(AT.getTime() - 3 * HOUR));
    const convoy = propose('Aid convoy reaches Deir ez-Zor', undefined, new Date(AT.getTime() - DAY));
    const later = new Date(AT.getTime() + HOUR);
    // An undated candidate, or an undated item, is another report only of the same title.
    expect(found(held, cache, later, ITEMS)).toEqual([strikes, talks, toll, undefined, convoy]);
    expect(found(held, cache, later, ITEMS, true)).toEqual([undefined, undefined, toll, undefined, convoy]);

    // The feed revises the toll: the candidate is compared by its new title, its publication kept.
    opened.prepare('UPDATE review_candidates SET title = ? WHERE id = ?').run('Sweida ceasefire collapses as clashes kill 45', toll);
    held.revised(toll, 'Sweida ceasefire collapses as clashes kill 45', undefined);
    // The talks' candidate is closed, joined into the strikes' (as review-joins.ts closes one).
    opened.prepare("UPDATE review_candidates SET status = 'rejected', decided_by = ?, decided_at = ?, reason = ? WHERE id = ?").run(JOINED_BY, later.toISOString(), joinedReason(strikes), talks);
    held.joined(talks);
    // The undated one is dated by its revision.
    opened.prepare('UPDATE review_candidates SET title = ?, published_at = ? WHERE id = ?').run('Aid convoy reaches Deir ez-Zor', new Date(AT.getTime()).toISOString(), convoy);
    held.revised(convoy, 'Aid convoy reaches Deir ez-Zor', new Date(AT.getTime()));

    const expected = [strikes, undefined, undefined, toll, convoy];
    expect(found(held, cache, later, ITEMS)).toEqual(expected);
    expect(found(new StoryCache(), cache, later, ITEMS)).toEqual(expected);
    // Ten days on, every one of them is past the horizon, for the cache held as for one read afresh.
    const past = new Date(AT.getTime() + 10 * DAY);
    expect(found(held, cache, past, ITEMS)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(found(new StoryCache(), cache, past, ITEMS)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
