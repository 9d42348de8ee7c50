// GIVEN a topic kept from an outside data set, imported every week as a new file (rows converted
// from ACLED with a stable `key` each, no `revision` column) WHEN the publisher drops events
// between releases THEN `--complete` removes the entries imports created that the week's file
// lacks (as /entry remove does, so /entry undo restores them) and never the ones people added;
// WHEN last week's file is imported after this week's THEN rows giving an entry as an earlier
// revision left it are skipped, not laid over the newer values, unless --overwrite-newer says so.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';
import { inBot } from './support/store-session.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-weekly-data-set-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'key,title,date,type,topic,actors,confidence,fatalities,fatalities_source,summary';

interface Event {
  key: string;
  title: string;
  date: string;
  topic?: string;
  confidence?: string;
  fatalities?: number;
  summary?: string;
}

const csvRow = (e: Event) =>
  [e.key, e.title, e.date, 'armed-clash', e.topic ?? 'syria-israel', 'Israel:initiator', e.confidence ?? 'reported', e.fatalities ?? 1, 'ACLED', e.summary ?? `${e.title} as ACLED records it.`].join(',');

/** Imports a week's file of `events` (written as a data editor's converted CSV). */
const importWeek = (name: string, events: readonly Event[], ...flags: string[]) =>
  runProgram(runImport, [fileIn(dir, name, `${[HEADER, ...events.map(csvRow)].join('\n')}\n`), ...flags], { SITREP_DB: dbPath });

function read<T>(work: (db: Database.Database) => T): T {
  const db = new Database(dbPath, { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const idOf = (key: string) => read((db) => db.prepare('SELECT id FROM entries WHERE key = ?').pluck().get(key) as number);
const isLive = (key: string) => read((db) => db.prepare('SELECT deleted_at IS NULL FROM entries WHERE key = ?').pluck().get(key) === 1);
const liveCount = () => read((db) => db.prepare('SELECT count(*) FROM entries WHERE deleted_at IS NULL').pluck().get() as number);
/** The entry's revisions, oldest first: their number and day. */
const revisionsOf = (id: number) =>
  read((db) => db.prepare("SELECT id, substr(changed_at, 1, 10) AS day FROM revisions WHERE entity = 'entry' AND entity_id = ? ORDER BY id").all(id) as { id: number; day: string }[]);

const event = (n: number, more: Partial<Event> = {}): Event => ({ key: randomUUID(), title: `Armed clash in Quneitra ${n}`, date: `2025-07-0${n}`, ...more });

describe('GIVEN a topic imported from a weekly file, and an entry added in the bot', () => {
  const [kept, corrected, dropped, last] = [event(1), event(2), event(3), event(4)];
  const elsewhere = event(5, { topic: 'golan' });
  const week28 = [kept, { ...corrected, fatalities: 4 }, last];

  beforeEach(async () => {
    expect((await importWeek('week-27.csv', [kept, corrected, dropped, last])).status).toBe(0);
    expect((await importWeek('golan.csv', [elsewhere])).status).toBe(0);
    await inBot(dbPath, '/entry add title:"Clash near Quneitra reported by a correspondent" date:2025-07-03 type:armed-clash topic:syria-israel actors:Israel:initiator outlet:AFP');
  });

  it('WHEN next week’s file lacks an event and is imported without --complete THEN nothing is removed, and the report counts it with the option that would', async () => {
    const live = liveCount();
    const result = await importWeek('week-28.csv', week28);
    expect(result.stdout).toContain(`This file lacks 1 entry of syria-israel (#${idOf(dropped.key)}) that imports created. If it is the whole set of its topics, import it again with --complete to remove them.\n`);
    expect(result.stdout).toContain('0 accepted, 2 skipped, 0 rejected, 1 corrected in');
    expect(result.status).toBe(0);
    expect(isLive(dropped.key)).toBe(true);
    expect(liveCount()).toBe(live);
  });

  it('WHEN it is imported with --complete THEN the dropped event’s entry is removed with a reason naming the file, the bot’s, the seed’s and other topics’ are kept, and /entry undo restores it', async () => {
    const id = idOf(dropped.key);
    const before = fileFingerprint(dbPath);
    const dryRun = await importWeek('week-28.csv', week28, '--complete', '--dry-run');
    expect(dryRun.stdout).toContain(`  would remove entry #${id} “Armed clash in Quneitra 3” (2025-07-03, syria-israel): created by import of week-27.csv, not in the file\n`);
    expect(dryRun.stdout).toMatch(/^Kept, though not in the file: 18 entries of syria-israel \(#1, #2, #3, #4, #5 and 13 more\) that no import created \(added in the bot or by the seed\); --complete removes only entries imports created\.$/m);
    expect(dryRun.stdout).toContain('Dry run of week-28.csv (csv): 0 accepted, 2 skipped, 0 rejected, 1 corrected, 1 removed. Nothing was written.');
    expect(fileFingerprint(dbPath)).toBe(before);

    const live = liveCount();
    const result = await importWeek('week-28.csv', week28, '--complete');
    expect(result.stdout).toContain(`  remove   entry #${id} “Armed clash in Quneitra 3” (2025-07-03, syria-israel): created by import of week-27.csv, not in the file\n`);
    expect(result.stdout).toContain('Imported week-28.csv (csv): 0 accepted, 2 skipped, 0 rejected, 1 corrected, 1 removed in');
    expect(result.status).toBe(0);
    expect(liveCount()).toBe(live - 1);
    expect([kept, corrected, last, elsewhere].map((e) => isLive(e.key))).toEqual([true, true, true, true]);
    const shown = await inBot(dbPath, `/entry show id:${id}`);
    expect(shown).toContain('import:week-28.csv');
    expect(shown).toContain('not in the complete set imported from week-28.csv');

    await inBot(dbPath, `/entry undo id:${id}`);
    expect(isLive(dropped.key)).toBe(true);
  });

  it('WHEN a row of the file is rejected but gives its key THEN its entry is in the file and kept; WHEN a rejected row’s key cannot be read THEN nothing is removed, saying why', async () => {
    const result = await importWeek('week-28.csv', [...week28, { ...dropped, date: '2025-13-45' }], '--complete');
    expect(result.stdout).toMatch(/^ {2}rejected line 5: /m);
    expect(result.stdout).not.toContain('remove ');
    expect(isLive(dropped.key)).toBe(true);

    const untold = await importWeek('week-28.csv', [...week28, { ...event(6), key: 'not-a-key' }], '--complete');
    expect(untold.stdout).toContain(
      `Nothing is removed as not in the complete set: line 5 was rejected before its key could be read, so which entry it is cannot be told. Fix the file and import it again to remove the 1 entry of syria-israel (#${idOf(dropped.key)}) that imports created and it lacks.\n`,
    );
    expect(untold.stdout).toContain('Nothing to import from week-28.csv (csv): 0 accepted, 3 skipped, 1 rejected. Nothing was written.');
    expect(isLive(dropped.key)).toBe(true);
  });
});

describe('GIVEN this week’s file imported after last week’s', () => {
  const [changed, same, other] = [event(1), event(2), event(3)];
  const week27 = [changed, same, other];
  const week28 = [{ ...changed, confidence: 'confirmed', fatalities: 3 }, same, { ...other, summary: 'Clashes went on into the night.' }];

  beforeEach(async () => {
    expect((await importWeek('week-27.csv', week27)).status).toBe(0);
    expect((await importWeek('week-28.csv', week28)).status).toBe(0);
  });

  it('WHEN last week’s file is imported again THEN rows giving an entry as an earlier revision left it are skipped, saying which, and the entries keep this week’s values', async () => {
    const id = idOf(changed.key);
    const [created, correctedBy] = revisionsOf(id);
    const older = [changed, same, { ...other, summary: 'Clashes went on into the night as ACLED adds.' }];
    const result = await importWeek('week-27.csv', older);
    expect(result.stdout).toContain(
      `  skipped  line 2: entry #${id} is as this row says at revision ${created!.id} (import of week-27.csv, ${created!.day}); it changed since (revision ${correctedBy!.id}, import of week-28.csv, ${correctedBy!.day}): kept as it stands, not set back (confidence confirmed → reported; fatalities 3 (ACLED) → 1 (ACLED))\n`,
    );
    // A value no revision of the entry had is a correction, as before.
    expect(result.stdout).toMatch(new RegExp(`^ {2}correct {2}line 4: entry #${idOf(other.key)}: summary `, 'm'));
    expect(result.stdout).toContain('1 row gives its entry as an earlier revision left it, changed since: skipped, so an older file does not undo newer changes. If the file is meant to set it back, import it again with --overwrite-newer.\n');
    expect(result.stdout).toContain('0 accepted, 2 skipped, 0 rejected, 1 corrected in');
    expect(result.status).toBe(0);
    expect(await inBot(dbPath, `/entry show id:${id}`)).toMatch(/Confidence\s+confirmed/);

    const overwritten = await importWeek('week-27.csv', older, '--overwrite-newer');
    expect(overwritten.stdout).toContain(`  correct  line 2: entry #${id}: confidence confirmed → reported; fatalities 3 (ACLED) → 1 (ACLED)\n`);
    expect(overwritten.stdout).not.toContain('--overwrite-newer');
    expect(await inBot(dbPath, `/entry show id:${id}`)).toMatch(/Confidence\s+reported/);
  });

  it('WHEN an admin corrected an entry in the bot and this week’s file comes again THEN the row is skipped as an earlier state, naming the admin’s change', async () => {
    const id = idOf(same.key);
    await inBot(dbPath, `/entry edit id:${id} confidence:confirmed`);
    const [created, edited] = revisionsOf(id);
    const result = await importWeek('week-28.csv', week28, '--dry-run');
    expect(result.stdout).toContain(
      `  skipped  line 3: entry #${id} is as this row says at revision ${created!.id} (import of week-27.csv, ${created!.day}); it changed since (revision ${edited!.id}, op (Console), ${edited!.day}): kept as it stands, not set back (confidence confirmed → reported)\n`,
    );
    expect(result.stdout).toContain('If the file is meant to set it back, import it with --overwrite-newer.\n');
  });
});

describe('GIVEN many rows of an older file giving earlier states', () => {
  it('WHEN imported THEN the first 20 are listed and the rest counted in one line', async () => {
    const events = Array.from({ length: 23 }, (_, i) => ({ key: randomUUID(), title: `Armed clash in Nawa ${i}`, date: '2025-07-01' }));
    expect((await importWeek('week-27.csv', events)).status).toBe(0);
    expect((await importWeek('week-28.csv', events.map((e) => ({ ...e, confidence: 'confirmed' })))).status).toBe(0);
    const result = await importWeek('week-27.csv', events);
    expect(result.stdout.match(/^ {2}skipped {2}line \d+: entry #\d+ is as this row says/gm)).toHaveLength(20);
    expect(result.stdout).toContain('  skipped  and 3 more rows giving their entry as an earlier revision left it, changed since, line 22 to line 24\n');
    expect(result.stdout).toContain('23 rows give their entries as earlier revisions left them, changed since: skipped');
  });
});

describe('GIVEN a bundle', () => {
  it('WHEN imported with --complete THEN it is refused, saying the option is for files of rows, and nothing is written', async () => {
    const bundle = await runProgram((await import('../../src/transfer/export-command.js')).runExport, ['--format', 'bundle'], { SITREP_DB: dbPath });
    const before = fileFingerprint(dbPath);
    const result = await runProgram(runImport, [fileIn(dir, 'dossier.ndjson', bundle.stdout), '--complete'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("--complete: dossier.ndjson is a bundle, which carries its entries' histories and removals (see docs/bundle.md); this option is for files of rows. Import it without it. Nothing was written.\n");
    expect(fileFingerprint(dbPath)).toBe(before);
  });
});
