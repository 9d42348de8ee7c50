// GIVEN a bot whose channels read their clocks in Damascus (SITREP_TZ=Asia/Damascus, UTC+3) THEN
// a form refused because someone changed its field meanwhile says when it opened on that clock,
// naming the zone, as every other time the channel's replies give.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';

/** 09:00 UTC: noon in Damascus. */
const OPENED = Date.parse('2025-07-20T09:00:00Z');
const MINUTE = 60_000;

let dir: string;
let app: App;
let platform: MemoryPlatform;
let clock = OPENED;
beforeEach(() => {
  clock = OPENED;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-form-clock-'));
  const dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath, new Date(OPENED));
  const logger = recordingLogger();
  app = createApp({ dbPath, admins: parseAdminRules('memory:ana,memory:bob'), logger, now: () => new Date(clock), timezone: 'Asia/Damascus' });
  platform = new MemoryPlatform(app.dispatcher, logger, () => clock);
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN ana opens the edit form of entry #3 at noon in Damascus', () => {
  it('WHEN bob changes its title meanwhile and ana then submits a new title THEN the refusal says the form opened at 12:00 Asia/Damascus', async () => {
    const form = (await platform.command('/entry edit id:3', 'ana')).form!;
    clock += 5 * MINUTE;
    expect((await platform.command('/entry edit id:3 title:"Buffer zone set by the 1974 agreement"', 'bob')).text).toContain('Updated #3: title.');
    clock += 5 * MINUTE;
    const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value ?? '']));
    const refused = await platform.submit(form, { ...values, title: '1974 disengagement agreement sets the buffer zone' }, 'ana');
    expect(refused.text).toContain('Nothing was written: Title was changed by memory:bob at 2025-07-20 12:05 Asia/Damascus since this form opened at 2025-07-20 12:00 Asia/Damascus');
    expect(refused.fieldErrors?.title).toContain('since this form opened at 2025-07-20 12:00 Asia/Damascus');
    expect(refused.text).not.toContain('UTC');
  });
});
