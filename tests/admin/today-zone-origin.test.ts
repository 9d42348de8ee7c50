// A date refused as after today says where that today's zone comes from, and how to change it:
// the channel's digest zone, or the bot's (SITREP_TZ) where the channel has no digest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules, type Caller } from '../../src/core/caller.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';
import { viewText, REFUSAL_TITLE } from '../support/view-text.js';

// 01:30 on 28 October in Beirut, still 23:30 on the 27th in London.
const clock = new Date('2026-10-27T23:30:00Z');
let app: App;
let dir: string;
const desk: Caller = { platform: 'memory', userId: 'ana', workspaceId: 'w1', channelId: 'news' };
const run = async (line: string, caller = desk) => viewText(await app.dispatcher.runText(line, caller)).replaceAll('`', '');
const ADD = '/entry add title:"Overnight shelling near Daraa" type:shelling topic:syria-israel outlet:AFP';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-zone-origin-'));
  copySeededStore(join(dir, 'sitrep.db'), clock);
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules('memory:ana'), logger: recordingLogger(), now: () => clock, timezone: 'Asia/Beirut' });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN SITREP_TZ=Asia/Beirut, 01:30 on 28 October there, 23:30 on the 27th in London', () => {
  it('WHEN a channel whose digest keeps Europe/London adds an entry dated Beirut’s today THEN the refusal says the zone is the channel’s digest zone and how to change it', async () => {
    expect(await run('/digest subscribe schedule:"daily 08:00" timezone:Europe/London')).not.toMatch(REFUSAL_TITLE);
    const before = storeFingerprint(app.db);
    const said = await run(`${ADD} date:2026-10-28`);
    expect(said).toContain('Option date is in the future — got 28 Oct 2026; today is 27 Oct 2026 (Europe/London).');
    expect(said).toContain('Today is read in this channel’s digest time zone, Europe/London; /digest subscribe timezone:… changes it.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a channel without a digest adds an entry dated Beirut’s tomorrow THEN the refusal says the zone is the bot’s, SITREP_TZ', async () => {
    const said = await run(`${ADD} date:2026-10-29`);
    expect(said).toContain('today is 28 Oct 2026 (Asia/Beirut).');
    expect(said).toContain('Today is read in the bot’s time zone, Asia/Beirut (SITREP_TZ, UTC unless set), as this channel has no digest; a digest subscribed here with timezone:… gives it its own.');
  });

  it('WHEN the date and the publication are both after today THEN the zone is explained once', async () => {
    const said = await run(`${ADD} date:2026-10-29 published:2026-10-30`);
    expect(said).toContain('Option date is in the future');
    expect(said).toContain('Option published is in the future');
    expect(said.split('Today is read in').length - 1).toBe(1);
  });

  it('WHEN a past view or a trend suggestion asks for a day after today THEN the refusal says where the zone comes from too', async () => {
    expect(await run('/timeline as_of:2026-10-29')).toContain('Today is read in the bot’s time zone, Asia/Beirut (SITREP_TZ');
    expect(await run('/trend suggest topic:syria-israel until:2027')).toContain('Today is read in the bot’s time zone, Asia/Beirut (SITREP_TZ');
  });
});
