// The CSV export's ACLED-named columns (event_date, time_precision, event_type, actor1, actor2)
// hold what `--format acled` writes for the same entry, and a CSV re-imported unedited is not
// taken for one whose copies were edited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli-io.js';
import type { Caller } from '../../src/core/caller.js';
import { readEntryState } from '../../src/store/entry-state.js';
import { unreadCopiesNote } from '../../src/transfer/acled-copies.js';
import { storedActorFacts } from '../../src/transfer/actor-facts.js';
import { runExport } from '../../src/transfer/export-command.js';
import { csvRow } from '../../src/transfer/export-rows.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const TOPIC = 'acled-columns';
const ENTRIES = {
  span: 'title:"Clashes around Sweida" date:2025-07-13 end:2025-07-20 type:armed-clash actors:"Druze community of Syria:initiator, Syria:target" outlet:AFP',
  month: 'title:"Strikes in July" date:2025-07 type:air-strike actors:"Israel:initiator, Syria:target" outlet:AFP',
  talks: 'title:"Talks in Paris" date:2025-07-24 type:talks actors:"United States:mediator, Tom Barrack:mediator, Syrian Ministry of Foreign Affairs:participant, Syrian General Intelligence Service:participant, Israel:participant" outlet:AFP',
  hosted: 'title:"Visit to Baku" date:2025-07-12 type:other actors:"Ahmed al-Sharaa:participant, Azerbaijan:host" outlet:AFP',
  shelling: 'title:"Village fighters fire mortars" date:2025-07-21 type:shelling actors:"Druze community of Syria:initiator, Syrian transitional government:target" outlet:AFP',
  statement: 'title:"Envoy speaks" date:2025-07-25 type:statement actors:"Tom Barrack:initiator, Syria:subject" outlet:AFP',
} as const;
type Case = keyof typeof ENTRIES;
const COPIED = ['event_date', 'time_precision', 'event_type', 'actor1', 'actor2'] as const;

let app: TestApp;
let dir: string;
const ids = new Map<Case, number>();
let csvRows: Record<string, string>[];
let acledRows: Record<string, string>[];
const env = () => ({ SITREP_DB: app.dbPath });
const keyOf = (id: number) => app.db.prepare('SELECT key FROM entries WHERE id = ?').pluck().get(id) as string;

beforeAll(async () => {
  app = createTestApp('slack:U1');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-acled-columns-'));
  for (const [name, fields] of Object.entries(ENTRIES)) {
    expect((await app.dispatcher.runText(`/entry add topic:${TOPIC} ${fields}`, admin)).tone).toBe('success');
    ids.set(name as Case, app.db.prepare('SELECT max(id) FROM entries').pluck().get() as number);
  }
  // The export starts with a byte order mark (for Excel), which a CSV reader takes off.
  const csv = await runProgram(runExport, ['--format', 'csv', '--topic', TOPIC], env());
  csvRows = parse(csv.stdout, { columns: true, bom: true }) as Record<string, string>[];
  const noPlaces = (argv: string[], io: CliIo) => runExport(argv, io, () => undefined);
  acledRows = parse((await runProgram(noPlaces, ['--format', 'acled', '--topic', TOPIC], env())).stdout, { columns: true }) as Record<string, string>[];
});
afterAll(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const csvOf = (name: Case) => csvRows.find((row) => row.event_id === keyOf(ids.get(name)!))!;
const acledOf = (name: Case) => acledRows.find((row) => row.event_id_cnty === `sitrep-${keyOf(ids.get(name)!)}`)!;
const copied = (row: Record<string, string | number>) => Object.fromEntries(COPIED.map((column) => [column, String(row[column])]));

describe('GIVEN entries exported both with --format csv and with --format acled', () => {
  it('THEN an entry spanning 13–20 Jul is dated at its middle day with precision 3 in both, not at its first day as a known day', () => {
    expect(copied(csvOf('span'))).toEqual({ event_date: '2025-07-16', time_precision: '3', event_type: 'Battles', actor1: 'Druze community of Syria', actor2: 'Syria' });
    expect(copied(csvOf('span'))).toEqual(copied(acledOf('span')));
  });

  it('THEN an entry known to the month is dated at its middle day in both, with ACLED’s event type rather than Sitrep’s label', () => {
    expect(copied(csvOf('month'))).toEqual({ event_date: '2025-07-16', time_precision: '3', event_type: 'Explosions/Remote violence', actor1: 'Israel', actor2: 'Syria' });
    expect(copied(csvOf('month'))).toEqual(copied(acledOf('month')));
  });

  it('THEN a host has no actor column in either: the one participant is actor1 and actor2 is empty', () => {
    expect(copied(csvOf('hosted'))).toEqual({ event_date: '2025-07-12', time_precision: '1', event_type: 'Strategic developments', actor1: 'Ahmed al-Sharaa', actor2: '' });
    expect(copied(csvOf('hosted'))).toEqual(copied(acledOf('hosted')));
  });

  it('THEN in mediated talks the mediators are neither actor: the Syrian side (a ministry and a service of Syria) faces Israel, as in the ACLED row', () => {
    const row = csvOf('talks');
    expect(copied(row)).toEqual({ event_date: '2025-07-24', time_precision: '1', event_type: 'Strategic developments', actor1: 'Syrian Ministry of Foreign Affairs', actor2: 'Israel' });
    expect(copied(row)).toEqual(copied(acledOf('talks')));
  });

  it('THEN a statement, which ACLED does not record, has no ACLED event type', () => {
    expect(csvOf('statement')).toMatchObject({ event_type: '', event_date: '2025-07-25', time_precision: '1', actor1: 'Tom Barrack' });
  });
});

describe('GIVEN an armed clash a community started, exported with --format acled', () => {
  it('THEN the community is coded an identity militia fighting state forces, as ACLED never puts civilians in a battle', () => {
    expect(acledOf('span')).toMatchObject({ event_type: 'Battles', actor1: 'Druze community of Syria', inter1: 'Identity militia', inter2: 'State forces', interaction: 'State forces-Identity militia' });
  });

  it('THEN a community that shells is an identity militia too (one attacked stays Civilians)', () => {
    expect(acledOf('shelling')).toMatchObject({ actor1: 'Druze community of Syria', inter1: 'Identity militia', inter2: 'State forces', interaction: 'State forces-Identity militia' });
  });
});

describe('GIVEN the CSV export re-imported', () => {
  it('WHEN no cell was edited THEN nothing is noted', async () => {
    const out = await runProgram(runExport, ['--format', 'csv', '--topic', TOPIC, '--out', join(dir, 'export.csv')], env());
    expect(out.status).toBe(0);
    const result = await runProgram(runImport, [join(dir, 'export.csv'), '--dry-run'], env());
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain('noted');
  });

  it('WHEN the file was exported before these columns took ACLED’s values (first day, Sitrep’s label, first initiator) THEN nothing is noted either', async () => {
    const earlier = csvRows.map((row) => (row.event_id === keyOf(ids.get('span')!) ? { ...row, event_date: '2025-07-13', time_precision: '1', event_type: 'Armed clash' } : row));
    const result = await runProgram(runImport, [fileIn(dir, 'earlier.csv', stringify(earlier, { header: true })), '--dry-run'], env());
    expect(result.stdout).not.toContain('noted');
  });

  it('WHEN a copy was edited THEN it is still noted, with the column to change', async () => {
    const edited = csvRows.map((row) => (row.event_id === keyOf(ids.get('month')!) ? { ...row, event_type: 'Battles' } : row));
    const result = await runProgram(runImport, [fileIn(dir, 'edited.csv', stringify(edited, { header: true })), '--dry-run'], env());
    expect(result.stdout).toMatch(/noted\s+line \d+: `event_type` \(change `type`\) differs from the row's own columns/);
  });

  it('WHEN the row of mediated talks is compared with the stored entry, actors sided by the bodies they belong to THEN its copies are the ones expected', () => {
    const entry = app.dossier.getEntry(ids.get('talks')!)!;
    const facts = storedActorFacts(app.db);
    const row = csvRow(entry, keyOf(entry.id), () => true, undefined, undefined, facts);
    const input = readEntryState(app.db, entry.id)!.input;
    const nameOf = (id: number) => app.db.prepare('SELECT name FROM actors WHERE id = ?').pluck().get(id) as string;
    expect(unreadCopiesNote(row, input, nameOf, () => input, facts)).toBeUndefined();
    expect(unreadCopiesNote({ ...row, actor2: 'Azerbaijan' }, input, nameOf, () => input, facts)).toContain('`actor2` (change `actors`) differs');
  });
});
