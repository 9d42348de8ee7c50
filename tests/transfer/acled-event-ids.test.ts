// The ACLED export's `event_id_cnty` is never an id ACLED itself could have given another event
// (a country's alpha-3 code and a number, `SYR17870`), and stays the entry's across stores.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', displayName: 'ed' };
const TOPIC = 'acled-ids';
const ACLED_ID = /^[A-Z]{3}\d+$|^\d+$/;

let app: TestApp;
let acled: Record<string, string>[];
let csv: Record<string, string>[];
beforeAll(async () => {
  app = createTestApp('slack:U1');
  for (const fields of [
    'title:"Strike on Damascus" date:2025-07-16 type:air-strike places:Damascus actors:"Israel:initiator" outlet:AFP',
    'title:"Shelling somewhere" date:2025-07-17 type:shelling actors:"Israel:initiator" outlet:AFP',
  ]) {
    expect((await app.dispatcher.runText(`/entry add topic:${TOPIC} ${fields}`, admin)).tone).toBe('success');
  }
  const env = { SITREP_DB: app.dbPath };
  acled = parse((await runProgram(runExport, ['--format', 'acled', '--topic', TOPIC], env)).stdout, { columns: true }) as Record<string, string>[];
  csv = parse((await runProgram(runExport, ['--format', 'csv', '--topic', TOPIC], env)).stdout, { columns: true, bom: true }) as Record<string, string>[];
});
afterAll(() => app.dispose());

describe('GIVEN entries exported with --format acled', () => {
  it('THEN no row has an id shaped like ACLED’s (SYR17870, or a bare number for an unlocated place)', () => {
    expect(acled.map((row) => row.location)).toEqual(['Damascus', '']);
    for (const row of acled) expect(row.event_id_cnty).not.toMatch(ACLED_ID);
  });

  it('THEN each row’s id is sitrep- and the entry’s key, the CSV export’s event_id for the same entry', () => {
    expect(acled.map((row) => row.event_id_cnty)).toEqual(csv.map((row) => `sitrep-${row.event_id}`));
    expect(acled[0]!.event_id_cnty).toMatch(/^sitrep-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
