// Place qualifiers in imported rows are read as on /entry add: ACLED's governorate names qualify
// a place in them, and a name the gazetteer has only elsewhere is refused saying where.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-import-qualifiers-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const row = (title: string, places: string[]) => JSON.stringify({ title, date: '2025-08-05', type: 'shelling', topic: 'syria-israel', places, outlet: 'AFP' });
const importRows = (...rows: string[]) => runProgram(runImport, [fileIn(dir, 'rows.ndjson', `${rows.join('\n')}\n`)], { SITREP_DB: dbPath });
const storedPlace = (name: string) => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare('SELECT location, region_name FROM places WHERE name = ?').get(name);
  } finally {
    db.close();
  }
};

describe('GIVEN an import whose places carry ACLED’s governorate names as qualifiers', () => {
  it('WHEN a row names Shahba (As-Sweida) and Ariha (Idleb) THEN it is accepted and both are located in those governorates', async () => {
    const result = await importRows(row('Shelling of Shahba and Ariha', ['Shahba (As-Sweida)', 'Ariha (Idleb)']));
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
    expect(storedPlace('Shahba (As-Sweida)')).toEqual({ location: 'located', region_name: 'Suwayda' });
    expect(storedPlace('Ariha (Idleb)')).toEqual({ location: 'located', region_name: 'Idlib' });
  });

  it('WHEN a row names Hamidiyah (Quneitra), which the gazetteer has only in Tartus, THEN the row is refused saying so and how to pin it', async () => {
    const result = await importRows(row('Shelling of Hamidiyah', ['Hamidiyah (Quneitra)']));
    expect(result.stdout).toContain(
      'rejected line 1: `places`: “Hamidiyah (Quneitra)” could not be located. “Hamidiyah (Quneitra)” is not in the gazetteer: it has Hamidiyah only in Tartus, Syria (Al Ḩamīdīyah), not in Quneitra.',
    );
    expect(result.stdout).toContain('`/places locate name:"Hamidiyah (Quneitra)" at:"LAT, LON" in:"Quneitra"`');
    expect(storedPlace('Hamidiyah (Quneitra)')).toBeUndefined();
  });
});
