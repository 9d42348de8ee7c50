// GIVEN `npm run feeds -- import` with a --topic, --keywords or --every that /sources add would
// refuse THEN it is the command line's mistake, said once under the flag's name with what is
// expected, before any feed is read: exit 2, nothing watched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-flags-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LIST = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Newsroom feeds</title></head><body>
  <outline text="Levant Wire" type="rss" xmlUrl="https://levant.example/rss.xml"/>
  <outline text="Beirut Daily" type="rss" xmlUrl="https://beirut.example/feed"/>
  <outline text="Golan Monitor" type="rss" xmlUrl="https://golan.example/atom"/>
</body></opml>`;

describe('GIVEN a feed list of three feeds', () => {
  it.each([
    [['--topic', 'test-topic', '--every', '5m'], ["--every must be at least 15 minutes, so Sitrep asks the feed's server politely — got `5m`. For example: --every 15m (the default is 30m)."]],
    [['--topic', 'test-topic', '--every', 'often'], ['--every must be a duration like 30m, 1h or 1h30m — got `often`. Write minutes (--every 45 or --every 45m), hours (--every 2h), both (--every 1h30m) or a day (--every 1d or --every daily), from 15 minutes to 24 hours.']],
    [['--topic', 'Bad Topic!'], ['--topic must be a slug of letters and digits joined by single dashes, like syria-israel — got `Bad Topic!`.']],
    [['--topic', 'test-topic', '--keywords', 'a*b'], [expect.stringMatching(/^--keywords: `\*` is allowed only at the end of a word.* — got `a\*b`\. For example: --keywords 'negotiat\*, ceasefire'/)]],
    [
      ['--topic', 'Bad Topic!', '--keywords', 'ne*', '--every', '2d'],
      [expect.stringMatching(/^--topic must be a slug/), expect.stringMatching(/^--keywords: give at least 3 letters before `\*` — got `ne\*`\./), '--every may be at most 24 hours — got `2d`. For example: --every 24h (or --every 1d), checked once a day.'],
    ],
  ])('WHEN imported with %j THEN each bad flag is named once, nothing is added, and it exits 2', async (flags, problems) => {
    const before = fileFingerprint(dbPath);
    const result = await runProgram(runFeeds, ['import', fileIn(dir, 'feeds.opml', LIST), ...flags], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines.slice(0, problems.length)).toEqual(problems);
    expect(lines[problems.length]).toBe('Nothing was imported.');
    expect(lines[problems.length + 1]).toMatch(/^Usage: npm run feeds -- import FILE\.opml/);
    expect(result.stderr).not.toMatch(/refused|Option `/);
    expect(fileFingerprint(dbPath)).toBe(before);
  });

  it('WHEN the flags are good THEN every feed takes them', async () => {
    const result = await runProgram(runFeeds, ['import', fileIn(dir, 'feeds.opml', LIST), '--topic', 'test-topic', '--every', '15m', '--keywords', 'negotiat*'], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    expect(result.stderr).toContain('3 feeds added, 0 watched already, 0 refused.');
  });
});
