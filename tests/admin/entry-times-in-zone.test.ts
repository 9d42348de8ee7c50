// GIVEN a newsroom in Beirut (SITREP_TZ=Asia/Beirut) editing at 23:30 UTC on 5 December, 01:30 on
// the 6th there WHEN it reads who changed an entry and when THEN /entry history, /entry show and
// a removed entry's page give Beirut's clock, with its zone named; a channel whose digests keep
// UTC reads UTC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE } from '../support/view-text.js';

const clock = new Date('2026-12-05T23:30:00Z');
let app: App;
let dir: string;
const desk: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'news' };
const utcDesk: Caller = { ...desk, channelId: 'digest' };
const run = async (line: string, caller = desk) => viewText(await app.dispatcher.runText(line, caller));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-entry-times-'));
  copySeededStore(join(dir, 'sitrep.db'), clock);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules('memory:ana'), logger: recordingLogger(), now: () => clock, timezone: 'Asia/Beirut' });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN SITREP_TZ=Asia/Beirut and an edit at 01:30 there on 6 December', () => {
  it('WHEN the history, the entry and the edit reply are read THEN each says 2026-12-06 01:30 Asia/Beirut, not UTC', async () => {
    const edited = await run('/entry edit id:3 confidence:disputed');
    expect(edited).toContain('last edited by memory:ana at 2026-12-06 01:30 Asia/Beirut');
    const history = await run('/entry history id:3');
    expect(history).toMatch(/`r\d+` 2026-12-06 01:30 Asia\/Beirut · edit by memory:ana/);
    expect(history).not.toContain('23:30 UTC');
    expect(await run('/entry show 3')).toContain('at 2026-12-06 01:30 Asia/Beirut');
  });

  it('WHEN an entry is removed THEN its page and its history say when in Beirut', async () => {
    expect(await run('/entry remove id:3 reason:"duplicate"')).not.toMatch(REFUSAL_TITLE);
    expect(await run('/entry history id:3')).toMatch(/`r\d+` 2026-12-06 01:30 Asia\/Beirut · remove by memory:ana/);
    expect(await run('/entry show 3')).toContain('Removed by memory:ana at 2026-12-06 01:30 Asia/Beirut');
  });

  it('WHEN a channel’s digests keep UTC THEN its history reads 2026-12-05 23:30 UTC', async () => {
    expect(await run('/digest subscribe schedule:"daily 08:00" timezone:UTC', utcDesk)).not.toMatch(REFUSAL_TITLE);
    expect(await run('/entry edit id:3 confidence:disputed', utcDesk)).not.toMatch(REFUSAL_TITLE);
    expect(await run('/entry history id:3', utcDesk)).toMatch(/`r\d+` 2026-12-05 23:30 UTC · edit by memory:ana/);
  });
});
