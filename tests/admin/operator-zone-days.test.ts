// GIVEN an operator in Beirut (SITREP_TZ=Asia/Beirut) at 23:30 UTC on 5 December, 01:30 on the
// 6th there WHEN a command in a channel without digests says `today` or a date THEN it is read in
// Beirut, as digests subscribed there would be; a channel whose digests keep another zone keeps it.
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
const digestDesk: Caller = { ...desk, channelId: 'digest' };
const operator: Caller = { platform: 'console', userId: 'operator', localOperator: true };
const run = async (line: string, caller = desk) => viewText(await app.dispatcher.runText(line, caller));
const ADD = '/entry add title:"Overnight shelling near Daraa" type:shelling topic:syria-internal outlet:AFP';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-operator-zone-'));
  copySeededStore(join(dir, 'sitrep.db'), clock);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules('memory:ana'), logger: recordingLogger(), now: () => clock, timezone: 'Asia/Beirut' });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN SITREP_TZ=Asia/Beirut, 01:30 on 6 December there', () => {
  it('WHEN an entry is added dated today in a channel without digests THEN it is dated 6 December; the 7th is refused as Beirut’s tomorrow', async () => {
    expect(await run(`${ADD} date:today`)).toContain('Added entry #18.');
    expect(await run('/entry show 18')).toContain('6 Dec 2026');
    expect(await run(`${ADD} date:2026-12-06`)).toContain('Added entry #19.');
    expect(await run(`${ADD} date:2026-12-07`)).toContain('today is 6 Dec 2026 (Asia/Beirut)');
  });

  it('WHEN the console, which has no channel, says today THEN it is Beirut’s too', async () => {
    expect(await run(`${ADD} date:today`, operator)).toContain('Added entry #18.');
    expect(await run('/entry show 18', operator)).toContain('6 Dec 2026');
  });

  it('WHEN a channel’s digests keep UTC THEN its today is still UTC’s 5 December', async () => {
    expect(await run('/digest subscribe schedule:"daily 08:00" timezone:UTC', digestDesk)).not.toMatch(REFUSAL_TITLE);
    expect(await run(`${ADD} date:2026-12-06`, digestDesk)).toContain('today is 5 Dec 2026 (UTC)');
  });
});
