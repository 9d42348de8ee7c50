// Files whose text a program garbled before they came back: UTF-8 read as Windows-1252 and saved
// again (`–` as `â€“`), a control character deep in a long text, and a figure a data tool saved
// as a decimal (`3.0`).
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-garbled-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ SITREP_DB: app.dbPath });
const importFile = (path: string, ...flags: string[]) => runProgram(runImport, [path, ...flags], env());

/** Windows-1252's characters for bytes 0x80–0x9F (its unassigned bytes kept as C1 controls, as Excel keeps them); Latin-1 from 0xA0. */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const asWindows1252 = (byte: number) => (byte >= 0x80 && byte < 0xa0 ? CP1252_80_9F[byte - 0x80]! : String.fromCharCode(byte));
/** What Excel makes of a UTF-8 file without a byte order mark: each byte read as a Windows-1252 character, saved as "CSV UTF-8". */
const readAsWindows1252 = (text: string) => `\uFEFF${[...Buffer.from(text, 'utf8')].map(asWindows1252).join('')}`;

describe('GIVEN a CSV export that a spreadsheet read as Windows-1252 and saved again as UTF-8', () => {
  it('WHEN imported THEN the file is refused, naming a garbled character, its line and how to open the file, and nothing is written', async () => {
    const csv = (await runProgram(runExport, ['--format', 'csv'], env())).stdout.replace(/^\uFEFF/, '');
    const garbled = readAsWindows1252(csv);
    expect(garbled).toContain('Syriaâ€“Israel');
    const before = storeFingerprint(app.db);
    for (const flags of [['--dry-run'], []]) {
      const result = await importFile(fileIn(dir, 'moji.csv', garbled), ...flags);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const refusal =
        /^Cannot import moji\.csv: this file looks like UTF-8 read as Windows-1252 and saved again \(`(.+)` for `(.)`, line (\d+); \d+ lines in all\): export again and open it with Data → From Text\/CSV, UTF-8\. Nothing was written\.\n$/.exec(result.stderr);
      expect(refusal, result.stderr).not.toBeNull();
      // The character named is the first in the file, its garbled form as the file shows it.
      const [, shown, meant, line] = refusal!;
      expect(shown).toBe(readAsWindows1252(meant!).slice(1));
      expect(csv.split('\n')[Number(line) - 1]).toContain(meant);
      expect(csv.slice(0, csv.indexOf(meant!))).toMatch(/^[\x00-\x7f]*$/);
    }
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN a JSON file was garbled so THEN it is refused too, saying to open and save it as UTF-8', async () => {
    const rows = [{ title: 'Talks in Paris – day two', date: '2025-08-03', type: 'talks', topic: 'syria-israel', summary: 'Officials met again’s' }];
    const result = await importFile(fileIn(dir, 'moji.json', readAsWindows1252(JSON.stringify(rows))), '--dry-run');
    expect(result.stderr).toBe(
      'Cannot import moji.json: this file looks like UTF-8 read as Windows-1252 and saved again (`â€“` for `–`, line 1): export again, and open and save it as UTF-8. Nothing was written.\n',
    );
  });

  it('WHEN text holds accents, quotes and dashes written right THEN it imports as given', async () => {
    const rows = [{ title: '„Fuß“ – São Paulo, café’s naïve Ñandú', date: '2025-08-03', type: 'talks', topic: 'syria-israel', summary: 'CAFÉ» قال المتحدث — Привет' }];
    const result = await importFile(fileIn(dir, 'right.json', JSON.stringify(rows)), '--dry-run');
    expect(result.stdout).toContain('1 accepted, 0 skipped, 0 rejected');
  });
});

describe('GIVEN a row whose text holds a control character past the part a refusal repeats', () => {
  it('WHEN imported THEN the refusal names the character by its code and says where it is', async () => {
    const summary = `${'Damascus has previously acknowledged indirect talks'}\u009d with Israel.`;
    const rows = [
      { title: 'Talks', date: '2025-08-03', type: 'talks', topic: 'syria-israel', summary },
      { title: 'Claims', date: '2025-08-03', type: 'talks', topic: 'syria-israel', claims: [{ actor: 'Israel', stance: 'denies', date: '2025-08-04', outlet: 'X', note: 'The talks took place, aimed at\u0090 containing' }] },
    ];
    const result = await importFile(fileIn(dir, 'controls.json', JSON.stringify(rows, null, 1)), '--dry-run');
    expect(result.stdout).toContain(
      'rejected line 2: Option `summary` of /entry add must be text without control characters — got `Damascus has previously acknowledged ind…` U+009D is character 52 of the text, after `…edged indirect talks`: take it out.',
    );
    expect(result.stdout).toContain(
      'rejected line 9: `claims` item 1: `note` must be text without control characters — got `The talks took place, aimed at⟨U+0090⟩ containi…` U+0090 is character 31 of the text, after `…took place, aimed at`: take it out.',
    );
  });
});

describe('GIVEN a CSV that pandas wrote, a number column with blanks saved as floats', () => {
  it('WHEN `fatalities` is 3.0 THEN it is read as 3, as `revision` 27.0 is read as 27', async () => {
    const rows = [
      { title: 'Strike near Quneitra', date: '2025-08-03', type: 'air-strike', topic: 'syria-israel', fatalities: '3.0', fatalities_source: 'Civil Defence' },
      { title: 'Strike near Daraa', date: '2025-08-04', type: 'air-strike', topic: 'syria-israel', fatalities: '', fatalities_source: '' },
    ];
    const result = await importFile(fileIn(dir, 'pandas.csv', stringify(rows, { header: true })));
    expect(result.stdout).toContain('2 accepted, 0 skipped, 0 rejected');
    const exported = parse((await runProgram(runExport, ['--format', 'csv', '--since', '2025-08-03', '--until', '2025-08-03'], env())).stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(exported.find((row) => row.title === 'Strike near Quneitra')).toMatchObject({ fatalities: '3', fatalities_source: 'Civil Defence' });
    const fraction = await importFile(fileIn(dir, 'half.csv', stringify([{ ...rows[0], title: 'Half', fatalities: '3.5' }], { header: true })), '--dry-run');
    expect(fraction.stdout).toContain('`3.5` is not a figure');
  });
});
