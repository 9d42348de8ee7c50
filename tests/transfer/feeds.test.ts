// GIVEN a newsroom's feed list as feed readers export it (OPML) WHEN an operator runs
// `npm run feeds -- import` THEN each listed feed is watched as `/sources add` would watch it,
// with the topic its folder or category names, and each refusal says why; `npm run feeds --
// export` writes the watched feeds back, and that list imports into another store alike.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const feeds = (store: string, ...argv: string[]) => runProgram(runFeeds, argv, { SITREP_DB: store });

interface Watched {
  url: string;
  topic: string;
  keywords: string;
  every: number;
  reliability: string | null;
}
function watched(store: string): Watched[] {
  const db = new Database(store, { readonly: true });
  try {
    return db.prepare('SELECT url, topic, keywords, every_minutes AS every, reliability FROM feed_sources WHERE removed_at IS NULL ORDER BY id').all() as Watched[];
  } finally {
    db.close();
  }
}

const LIST = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Newsroom feeds</title></head><body>
  <outline text="Syria–Israel">
    <outline text="Levant Wire" type="rss" xmlUrl="https://levant.example/rss.xml"/>
    <outline text="Beirut Daily" type="rss" xmlUrl="https://beirut.example/feed" category="/news/lebanon"/>
  </outline>
  <outline text="Golan Monitor" type="rss" xmlUrl="https://golan.example/atom" category="/syria-israel" keywords="ceasefire, Quneitra" every="1h" reliability="b"/>
  <outline text="Intranet" type="rss" xmlUrl="http://127.0.0.1:8765/feed.xml" category="/syria-israel"/>
  <outline text="Odd" type="rss" xmlUrl="javascript:alert(1)" category="/syria-israel"/>
  <outline text="Eager" type="rss" xmlUrl="https://eager.example/rss" category="/syria-israel" every="5m"/>
  <outline text="Unfiled" type="rss" xmlUrl="https://unfiled.example/rss"/>
</body></opml>`;

describe('GIVEN npm run feeds', () => {
  it('WHEN a feed list is imported THEN each feed is watched under its folder or category, and each refusal says why and how to fix it', async () => {
    const result = await feeds(dbPath, 'import', fileIn(dir, 'feeds.opml', LIST));
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'added #1 Levant Wire (https://levant.example/rss.xml) to syria-israel',
      'added #2 Beirut Daily (https://beirut.example/feed) to lebanon',
      'added #3 Golan Monitor (https://golan.example/atom) to syria-israel',
      expect.stringMatching(/^refused http:\/\/127\.0\.0\.1:8765\/feed\.xml: .*private or local network address/),
      expect.stringMatching(/^refused javascript:alert\(1\): Option `url` must be the feed's full address, starting with https:\/\//),
      expect.stringMatching(/^refused https:\/\/eager\.example\/rss: Option `every` must be at least 15 minutes/),
      'refused https://unfiled.example/rss: the list gives it no category or folder, so no topic: give one with --topic.',
    ]);
    expect(result.stderr).toContain('3 feeds added, 0 watched already, 4 refused.');
    expect(watched(dbPath)).toEqual([
      { url: 'https://levant.example/rss.xml', topic: 'syria-israel', keywords: '', every: 30, reliability: null },
      { url: 'https://beirut.example/feed', topic: 'lebanon', keywords: '', every: 30, reliability: null },
      { url: 'https://golan.example/atom', topic: 'syria-israel', keywords: 'ceasefire, Quneitra', every: 60, reliability: 'B' },
    ]);
  });

  it('WHEN the same list is imported again with --topic and --every THEN the feeds watched already are skipped and the rest take those', async () => {
    const list = fileIn(dir, 'feeds.opml', LIST);
    await feeds(dbPath, 'import', list);
    const again = await feeds(dbPath, 'import', list, '--topic', 'golan', '--every', '2h');
    expect(again.stdout).toContain('skipped https://levant.example/rss.xml: This feed is watched already, as source #1');
    // --every stands for the list's 5m, which was refused.
    expect(again.stdout).toContain('added #4 Eager (https://eager.example/rss) to golan');
    expect(again.stdout).toContain('added #5 Unfiled (https://unfiled.example/rss) to golan');
    expect(again.stderr).toContain('2 feeds added, 3 watched already, 2 refused.');
    expect(watched(dbPath).at(-1)).toEqual({ url: 'https://unfiled.example/rss', topic: 'golan', keywords: '', every: 120, reliability: null });
  });

  it('WHEN the watched feeds are exported THEN the list imports into another store with the same topics, keywords, intervals and reliability', async () => {
    await feeds(dbPath, 'import', fileIn(dir, 'feeds.opml', LIST));
    const out = join(dir, 'exported.opml');
    const exported = await feeds(dbPath, 'export', '--out', out);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toContain('Exported 3 watched feeds as OPML.');
    // Before their first check, the feeds go by the names the list gave them.
    const titles = [...readFileSync(out, 'utf8').matchAll(/<outline text="([^"]+)" type="rss"/g)].map((m) => m[1]).sort();
    expect(titles).toEqual(['Beirut Daily', 'Golan Monitor', 'Levant Wire']);
    const other = join(dir, 'other.db');
    copySeededStore(other);
    const imported = await feeds(other, 'import', out);
    expect(imported.status).toBe(0);
    // The list is filed by topic, so the feeds come back in another order.
    const byUrl = (list: Watched[]) => [...list].sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl(watched(other))).toEqual(byUrl(watched(dbPath)));
  });

  it('WHEN a listed feed has a reliability that is no letter A–F THEN it is refused as the command refuses it, and not watched', async () => {
    const list = '<opml version="2.0"><head/><body><outline text="Graded" type="rss" xmlUrl="https://graded.example/rss" category="/syria-israel" reliability="Z"/></body></opml>';
    const result = await feeds(dbPath, 'import', fileIn(dir, 'graded.opml', list));
    expect(result.stdout).toContain('refused https://graded.example/rss: Option `reliability` of /sources add must be one of: A, B, C, D, E, F — got `Z`.');
    expect(watched(dbPath)).toEqual([]);
  });

  it('WHEN the file is not a feed list THEN it says so and the store is unchanged', async () => {
    const before = fileFingerprint(dbPath);
    const result = await feeds(dbPath, 'import', fileIn(dir, 'feed.xml', '<rss version="2.0"><channel><title>x</title></channel></rss>'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is not an OPML feed list');
    const empty = await feeds(dbPath, 'import', fileIn(dir, 'empty.opml', '<opml version="2.0"><head/><body><outline text="Folder"/></body></opml>'));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('lists no feed');
    expect(fileFingerprint(dbPath)).toEqual(before);
  });

  it('WHEN no feed is watched, or --topic names no topic THEN export writes an empty list or says so, and an existing --out file is never emptied', async () => {
    const out = fileIn(dir, 'kept.opml', LIST);
    const unknown = await feeds(dbPath, 'export', '--topic', 'nosuch', '--out', out);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^There is no topic "nosuch": nothing was exported\. Topics: .*syria-israel/);
    expect(readFileSync(out, 'utf8')).toBe(LIST);

    const none = await feeds(dbPath, 'export', '--out', out);
    expect(none.status).toBe(0);
    expect(none.stderr).toContain('Exported 0 watched feeds as OPML.');
    expect(readFileSync(out, 'utf8')).toMatch(/<opml version="2\.0">[\s\S]*<body\/>\s*<\/opml>/);
    const again = await feeds(dbPath, 'import', out);
    expect(again.stderr).toContain('lists no feed');

    const blocked = await feeds(dbPath, 'export', '--out', join(out, 'x.opml'));
    expect(blocked.status).toBe(2);
    expect(blocked.stderr).toBe(`Cannot write ${join(out, 'x.opml')}: a part of its path is a file, not a directory.\n`);
  });

  it('WHEN a listed name holds a control character THEN that feed is refused, shown with the character as a symbol', async () => {
    const list = '<opml version="2.0"><head/><body><outline text="Evil&#x1b;[31mRed" type="rss" xmlUrl="https://evil.example/rss" category="/syria-israel"/></body></opml>';
    const result = await feeds(dbPath, 'import', fileIn(dir, 'evil.opml', list));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('refused https://evil.example/rss: its name “Evil␛[31mRed” holds a control character: remove it from the list.\n');
    expect(watched(dbPath)).toEqual([]);
  });

  it('WHEN the list file is missing THEN it says so in words', async () => {
    const result = await feeds(dbPath, 'import', join(dir, 'missing.opml'));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Cannot read ${join(dir, 'missing.opml')}: there is no such file. Nothing was imported.\n`);
  });
});

describe('GIVEN a watched feed that is paused', () => {
  it('WHEN the feeds are exported and the list imported into another store THEN it comes in paused, and the import says how many did', async () => {
    await feeds(dbPath, 'import', fileIn(dir, 'feeds.opml', LIST));
    const app = createApp({ dbPath, admins: [], logger: silentLogger });
    app.services.sources.pause(1, { by: 'console:op', at: new Date().toISOString() });
    app.close();
    const out = join(dir, 'exported.opml');
    expect((await feeds(dbPath, 'export', '--out', out)).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<outline text="Levant Wire" [^>]*paused="true"/);
    expect(readFileSync(out, 'utf8').match(/paused=/g)).toHaveLength(1);

    const other = join(dir, 'other.db');
    copySeededStore(other);
    const imported = await feeds(other, 'import', out);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^added #\d+ Levant Wire \(https:\/\/levant\.example\/rss\.xml\) to syria-israel, paused \(as in the list\)$/m);
    expect(imported.stderr).toContain('3 feeds added (1 of them paused, as in the list), 0 watched already, 0 refused.');
    const db = new Database(other, { readonly: true });
    try {
      expect(db.prepare('SELECT url FROM feed_sources WHERE paused_at IS NOT NULL').pluck().all()).toEqual(['https://levant.example/rss.xml']);
    } finally {
      db.close();
    }
  });
});
