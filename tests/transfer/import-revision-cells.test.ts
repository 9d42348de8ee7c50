// GIVEN a store's own CSV export whose revision cells a spreadsheet reformatted (respaced, the
// number shown as 27.0, the time's milliseconds dropped) WHEN it is imported after the entry was
// edited in the bot THEN the row is still known as that revision of this store's: the file's change
// corrects the entry and the bot's edit is kept. A cell that is no revision says the number alone will do.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { exportOf, inBot } from './support/store-session.js';
import { copySeededStore } from '../support/test-app.js';

let dir: string;
let store: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-revision-cells-'));
  store = join(dir, 'store.db');
  copySeededStore(store);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The store's CSV with entry #15's summary edited and its revision cell rewritten by `reformat`, imported as a dry run. */
async function importReformatted(csv: string, reformat: (cell: string) => string) {
  const [header, ...records] = parse(csv) as string[][];
  const column = (name: string) => header!.indexOf(name);
  const row = records.find((r) => r[column('title')]!.startsWith('US-mediated'))!;
  row[column('summary')] = 'Edited in a spreadsheet.';
  row[column('revision')] = reformat(row[column('revision')]!);
  return runProgram(runImport, [fileIn(dir, 'edited.csv', stringify([header!, ...records])), '--dry-run'], { SITREP_DB: store });
}

describe('GIVEN a CSV export, and a tag added to entry #15 in the bot since', () => {
  const shapes: [string, (cell: string) => string][] = [
    ['spaces around the @', (cell) => cell.replace('@', ' @ ')],
    ['the number as 30.0, without the time', (cell) => `${cell.split('@')[0]}.0`],
    ['the time without its milliseconds', (cell) => cell.replace(/\.\d+Z$/, 'Z')],
  ];
  it.each(shapes)('WHEN the revision cell has %s THEN the row corrects the summary and the tag is kept', async (_shape, reformat) => {
    const csv = await exportOf(store, 'csv');
    await inBot(store, '/entry edit id:15 tags:"+bside"');
    const result = await importReformatted(csv, reformat);
    expect(result.stdout).toMatch(/^ {2}correct {2}line \d+: entry #15: summary .* → “Edited in a spreadsheet\.”$/m);
    expect(result.stdout).not.toContain('conflict');
    expect(result.stdout).not.toContain('tags');
    expect(result.status).toBe(0);
  });

  it('WHEN the revision cell is no revision THEN the row is rejected, saying the number alone will do', async () => {
    const result = await importReformatted(await exportOf(store, 'csv'), () => 'r30');
    expect(result.stdout).toMatch(/rejected line \d+: `revision` must be the revision number an export wrote, like 27 — got `r30`; the number alone will do, or with the revision's time/);
  });
});
