// GIVEN reports of articles in several feeds THEN the link cache finds, for a check's links, the
// candidate of the first other source's report at the same article, whatever the article keys'
// hashes (every key filed under one hash finds what distinct hashes find), across a reload and
// after the horizon has moved past the older reports.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/store/connection.js';
import { LinkCache } from '../../src/store/source-links.js';
import { StatementCache } from '../../src/store/statement-cache.js';

const DAY = 24 * 3600_000;
const AT = new Date('2026-12-07T12:00:00Z');

let db: Db | undefined;
afterEach(() => db?.close());

function store(): { db: Db; cache: StatementCache; source: (n: number) => void; report: (source: number, link: string, candidate: number | 'new', published?: Date) => number } {
  const opened = openDatabase(':memory:');
  db = opened;
  const stamp = AT.toISOString();
  const source = (n: number) =>
    opened
      .prepare("INSERT INTO feed_sources (id, url, topic, every_minutes, next_check_at, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 'syria', 15, ?, ?, 'test', ?, 'test')")
      .run(n, `https://feeds.example/${n}.xml`, stamp, stamp, stamp);
  let items = 0;
  const report = (sourceId: number, link: string, candidate: number | 'new', published = new Date(AT.getTime() - 3600_000)) => {
    const id =
      candidate === 'new'
        ? Number(
            opened
              .prepare("INSERT INTO review_candidates (topic, title, outlet, published_at, suggestion, status, created_at) VALUES ('syria', ?, 'Outlet', ?, '{}', 'pending', ?)")
              .run(`Story at ${link}`, published.toISOString(), stamp).lastInsertRowid,
          )
        : candidate;
    opened
      .prepare("INSERT INTO feed_items (source_id, item_key, title, link, outlet, first_seen, outcome, candidate_id) VALUES (?, ?, 'A report', ?, 'Outlet', ?, 'same-story', ?)")
      .run(sourceId, `item:${++items}`, link, stamp, id);
    return id;
  };
  for (let n = 1; n <= 4; n++) source(n);
  return { db: opened, cache: new StatementCache(opened), source, report };
}

/** Every article key under one hash: the cache must tell the articles apart by the reports' links. */
const oneHash = () => 7;

const LINKS = [
  'https://alpha.example/a1/amp',
  'https://m.alpha.example/a1?utm_source=x',
  'https://alpha.example/a2',
  'https://beta.example/b1',
  'https://gamma.example/g1',
  'not a link',
];

describe('GIVEN reports of articles in several feeds', () => {
  function reports() {
    const made = store();
    const a1 = made.report(1, 'https://alpha.example/a1', 'new');
    // The same article from a second source: the first source's report is the one found.
    made.report(2, 'https://www.alpha.example/a1', 'new');
    // A second report of source 1 at the same article is not its own: its first is.
    made.report(1, 'https://alpha.example/a1?fbclid=1', 'new');
    const a2 = made.report(2, 'https://alpha.example/a2', 'new');
    const b1 = made.report(3, 'https://beta.example/b1', 'new');
    // Older than the horizon of a check at AT: never found.
    made.report(2, 'https://gamma.example/g1', 'new', new Date(AT.getTime() - 10 * DAY));
    return { ...made, a1, a2, b1 };
  }

  it('WHEN every article key has the same hash THEN each link finds what distinct hashes find, the source’s own reports left out', () => {
    const { cache, a1, a2, b1 } = reports();
    const expected = new Map([
      ['https://alpha.example/a1/amp', a1],
      ['https://m.alpha.example/a1?utm_source=x', a1],
      ['https://alpha.example/a2', a2],
      ['https://beta.example/b1', b1],
    ]);
    expect(new LinkCache().candidates(cache, AT, 4, LINKS)).toEqual(expected);
    expect(new LinkCache(oneHash).candidates(cache, AT, 4, LINKS)).toEqual(expected);
    // Source 1's own report is left out: source 2's report of a1 is found.
    const fromOne = new LinkCache(oneHash).candidates(cache, AT, 1, LINKS);
    expect(fromOne.get('https://alpha.example/a1/amp')).toBe(a1 + 1);
    expect(fromOne.get('https://alpha.example/a2')).toBe(a2);
  });

  it('WHEN reports are added between checks and the horizon moves past some THEN the cache answers as one read afresh', () => {
    const { cache, report, a1 } = reports();
    const held = new LinkCache(oneHash);
    held.candidates(cache, AT, 4, LINKS);
    const d1 = report(3, 'https://delta.example/d1', 'new', new Date(AT.getTime() + 2 * DAY));
    const later = new Date(AT.getTime() + 3 * DAY);
    const links = [...LINKS, 'https://delta.example/d1/amp'];
    const found = held.candidates(cache, later, 4, links);
    expect(found).toEqual(new LinkCache().candidates(cache, later, 4, links));
    expect(found.get('https://delta.example/d1/amp')).toBe(d1);
    expect(found.get('https://alpha.example/a1/amp')).toBe(a1);
    // Nine days on, a1's reports are past the horizon: dropped, and d1's still found.
    const past = new Date(AT.getTime() + 9 * DAY);
    expect(held.candidates(cache, past, 4, links)).toEqual(new Map([['https://delta.example/d1/amp', d1]]));
  });
});
