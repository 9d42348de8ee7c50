// GIVEN feed lists (OPML) WHEN a watched feed has an outlet an admin named THEN the exported list
// carries it as an `outlet` attribute and another store imports it so; a listed feed that is
// another form of a watched feed's address (http for https, utm_* parameters) is skipped as
// watched already, and an outlet no chat option would take is refused.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-outlet-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const feeds = (store: string, ...argv: string[]) => runProgram(runFeeds, argv, { SITREP_DB: store });

function outlets(store: string): { url: string; outlet: string | null }[] {
  const db = new Database(store, { readonly: true });
  try {
    return db.prepare('SELECT url, outlet FROM feed_sources WHERE removed_at IS NULL ORDER BY url').all() as { url: string; outlet: string | null }[];
  } finally {
    db.close();
  }
}

const LIST = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Newsroom feeds</title></head><body>
  <outline text="Latest news" type="rss" xmlUrl="https://wire.example/latest.xml" category="/syria-israel" outlet="Reuters"/>
  <outline text="Levant Wire" type="rss" xmlUrl="https://levant.example/rss.xml" category="/syria-israel"/>
</body></opml>`;

describe('GIVEN a feed list naming an outlet', () => {
  it('WHEN it is imported and exported THEN the outlet goes with the feed into another store', async () => {
    expect((await feeds(dbPath, 'import', fileIn(dir, 'feeds.opml', LIST))).status).toBe(0);
    expect(outlets(dbPath)).toEqual([
      { url: 'https://levant.example/rss.xml', outlet: null },
      { url: 'https://wire.example/latest.xml', outlet: 'Reuters' },
    ]);
    const out = join(dir, 'exported.opml');
    expect((await feeds(dbPath, 'export', '--out', out)).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/<outline [^>]*xmlUrl="https:\/\/wire\.example\/latest\.xml"[^>]*outlet="Reuters"/);
    const other = join(dir, 'other.db');
    copySeededStore(other);
    expect((await feeds(other, 'import', out)).status).toBe(0);
    expect(outlets(other)).toEqual(outlets(dbPath));
  });

  it('WHEN a listed outlet is too long THEN that feed is refused as the command refuses it', async () => {
    const list = `<opml version="2.0"><head/><body><outline text="Long" type="rss" xmlUrl="https://long.example/rss" category="/syria-israel" outlet="${'R'.repeat(101)}"/></body></opml>`;
    const result = await feeds(dbPath, 'import', fileIn(dir, 'long.opml', list));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("refused https://long.example/rss: Option `outlet` must be the outlet's name, 100 characters at most");
    expect(outlets(dbPath)).toEqual([]);
  });
});

describe('GIVEN a watched feed', () => {
  it('WHEN a list gives another form of its address THEN it is skipped as watched already, naming the source', async () => {
    await feeds(dbPath, 'import', fileIn(dir, 'feeds.opml', LIST));
    const forms = `<opml version="2.0"><head/><body>
      <outline text="Levant" type="rss" xmlUrl="http://levant.example/rss.xml?utm_source=opml" category="/syria-israel"/>
      <outline text="Wire" type="rss" xmlUrl="https://WIRE.example/latest.xml#top" category="/syria-israel"/>
    </body></opml>`;
    const again = await feeds(dbPath, 'import', fileIn(dir, 'forms.opml', forms));
    expect(again.stdout).toContain('skipped http://levant.example/rss.xml?utm_source=opml: This feed is watched already, as source #2 (option `url`). It is watched at https://levant.example/rss.xml');
    expect(again.stdout).toContain('skipped https://WIRE.example/latest.xml#top: This feed is watched already, as source #1');
    expect(again.stderr).toContain('0 feeds added, 2 watched already, 0 refused.');
    expect(outlets(dbPath)).toHaveLength(2);
  });
});
