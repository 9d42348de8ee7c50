// GIVEN a mistyped option THEN the refusal names the nearest option the program has; and the
// export's usage shows --format as optional, with its default.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExport } from '../../src/transfer/export-command.js';
import { runFeeds } from '../../src/transfer/feeds-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { REPO, runProgram } from '../support/cli.js';
import { fileFingerprint } from '../support/store-fingerprint.js';
import { copySeededStore } from '../support/test-app.js';

const IMPORT_USAGE = 'Usage: npm run import -- FILE [--dry-run] [--complete] [--overwrite-newer] [--create-actors] [--unlocated-places] [--format json|ndjson|csv|bundle]';
const EXPORT_USAGE = "Usage: npm run export -- [--format json|ndjson|csv|acled|bundle (default: --out's extension, else json)] [--topic SLUG] [--since DATE] [--until DATE] [--out FILE]";
const EXAMPLE = join(REPO, 'data/examples/import-example.csv');

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-usage-'));
  dbPath = join(dir, 'store.db');
  copySeededStore(dbPath);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a mistyped option', () => {
  it('WHEN the import gets --dryrun THEN it asks "Did you mean --dry-run?", exits 2 and writes nothing', async () => {
    const before = fileFingerprint(dbPath);
    const result = await runProgram(runImport, [EXAMPLE, '--dryrun'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Unknown option '--dryrun'. Did you mean --dry-run?\n${IMPORT_USAGE}\n`);
    expect(fileFingerprint(dbPath)).toBe(before);
  });

  it.each([
    [runImport, [EXAMPLE, '--create-actor'], '--create-actors'],
    [runImport, [EXAMPLE, '--unlocated'], '--unlocated-places'],
    [runExport, ['--fromat', 'csv'], '--format'],
    [runExport, ['--topics', 'gaza'], '--topic'],
    [runFeeds, ['import', 'list.opml', '--topci', 'gaza'], '--topic'],
    [runFeeds, ['import', 'list.opml', '--keyword', 'ceasefire'], '--keywords'],
  ] as const)('WHEN %o gets %j THEN it suggests %s', async (program, args, nearest) => {
    const result = await runProgram(program, [...args], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`Unknown option '${args.find((arg) => arg.startsWith('--'))}'. Did you mean ${nearest}?`);
  });

  it('WHEN nothing is near THEN it says only what is unknown', async () => {
    const result = await runProgram(runImport, [EXAMPLE, '--bogus'], { SITREP_DB: dbPath });
    expect(result.stderr).toBe(`Unknown option '--bogus'.\n${IMPORT_USAGE}\n`);
  });
});

describe('GIVEN npm run export', () => {
  it('WHEN asked for --help THEN --format shows as optional, with its default', async () => {
    const result = await runProgram(runExport, ['--help'], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`${EXPORT_USAGE}\n`);
  });

  it('WHEN mistyped THEN the usage it prints is the same', async () => {
    const result = await runProgram(runExport, ['--nope'], { SITREP_DB: dbPath });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`Unknown option '--nope'.\n${EXPORT_USAGE}\n`);
  });

  it('WHEN --format is left out THEN it exports JSON, as the usage says', async () => {
    const result = await runProgram(runExport, [], { SITREP_DB: dbPath });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toBeInstanceOf(Array);
    expect(result.stderr).toMatch(/ as json\.\n$/);
  });
});
