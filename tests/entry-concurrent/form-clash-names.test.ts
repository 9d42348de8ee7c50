// GIVEN a newsroom in Beirut (SITREP_TZ=Asia/Beirut) where two admins have the Edit form of one
// entry open WHEN one changes a field and the other then submits a change to it THEN the refusal
// names who changed it and when, and when the form opened, on Beirut's clock. WHEN the other's
// submission is refused because of that change (a publication day now before the date moved)
// THEN the refusal says so, with who, when and what the date was and is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { MemoryPlatform } from '../support/memory-platform.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore, recordingLogger } from '../support/test-app.js';

const MINUTE = 60_000;
let clock = Date.parse('2026-12-05T23:30:00Z');
let app: App;
let dir: string;
let platform: MemoryPlatform;

beforeEach(() => {
  clock = Date.parse('2026-12-05T23:30:00Z');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-form-clash-'));
  copySeededStore(join(dir, 'sitrep.db'), new Date(clock));
  const logger = recordingLogger();
  app = createApp({ dbPath: join(dir, 'sitrep.db'), admins: parseAdminRules('memory:ana,memory:maya'), logger, now: () => new Date(clock), timezone: 'Asia/Beirut' });
  // Room for every field of the Edit form, publication day included.
  platform = new MemoryPlatform(app.dispatcher, logger, () => clock, { maxFields: 20 });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

const words = (text: string) => text.replace(/\s+/g, ' ');

describe('two admins with the Edit form of one entry open', () => {
  it('the later change to a field is refused naming who changed it and when, on the channel’s clock', async () => {
    const mine = (await platform.command('/entry edit 12', 'ana')).form!;
    clock += 3 * MINUTE;
    const theirs = (await platform.command('/entry edit 12', 'maya')).form!;
    expect((await platform.submit(theirs, { title: 'Officials meet in Baku' }, 'maya')).text).toContain('Updated #12: title.');
    clock += 2 * MINUTE;
    const before = storeFingerprint(app.db);
    const refused = await platform.submit(mine, { title: 'Envoys meet in Baku' }, 'ana');
    expect(words(refused.text)).toContain(
      'Nothing was written: Title was changed by memory:maya at 2026-12-06 01:33 Asia/Beirut since this form opened at 2026-12-06 01:30 Asia/Beirut, and what you typed would have replaced that change unseen.',
    );
    expect(words(refused.fieldErrors!.title!)).toContain(
      'this field was changed by memory:maya at 2026-12-06 01:33 Asia/Beirut since this form opened at 2026-12-06 01:30 Asia/Beirut, and now reads “Officials meet in Baku”. Submit again to replace that with what is in this field, or close the form.',
    );
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('a publication day refused because the date was moved meanwhile says who moved it, and from what', async () => {
    const mine = (await platform.command('/entry edit 12', 'ana')).form!;
    const theirs = (await platform.command('/entry edit 12', 'maya')).form!;
    clock += MINUTE;
    expect((await platform.submit(theirs, { date: '2025-07-20' }, 'maya')).text).toContain('Updated #12: date.');
    const refused = await platform.submit(mine, { published: '2025-07-15' }, 'ana');
    const said = words(refused.text);
    expect(said).toContain("Option `published` (2025-07-15) is before the entry's date (2025-07-20)");
    expect(said).toContain('Date was changed by memory:maya at 2026-12-06 01:31 Asia/Beirut, since this form opened at 2026-12-06 01:30 Asia/Beirut (“12 Jul 2025” → “20 Jul 2025”): what you gave was checked against that.');
    expect(words(refused.fieldErrors!.published!)).toContain('Date was changed by memory:maya');
    expect(app.dossier.getEntry(12)!.sources[0]!.published).toBe('2025-07-26');
  });
});
