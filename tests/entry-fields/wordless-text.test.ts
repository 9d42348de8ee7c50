// A title or summary with no letter nor digit (`-`, `…`, `.`: typed for "none" or by mistake) is
// refused, saying how to give one or record none, on /entry add and edit and in an import's row;
// nothing is written. Titles and summaries in any script, or with a single figure, are kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const text = async (line: string) => viewText(await app.dispatcher.runText(line, operator));
const ADD = '/entry add date:2026-12-01 type:statement topic:syria-israel';

beforeEach(() => {
  app = createTestApp('', () => new Date('2026-12-05T10:00:00Z'));
});
afterEach(() => app.dispose());

describe('GIVEN the seed dossier', () => {
  it('WHEN an entry is added with title:- and summary:… THEN both are refused, saying what to give, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const said = await text(`${ADD} title:- summary:"…"`);
    expect(said).toContain('Option `title` has no words — got `-`.');
    expect(said).toContain('Give the headline in words: title:"Talks resume in Baku".');
    expect(said).toContain('Option `summary` has no words — got `…`.');
    expect(said).toContain('To record none, leave `summary` out of `/entry add`, or empty it with `clear:summary` on `/entry edit` and `/review approve`.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN entry #12 is edited with summary:- THEN it is refused and its summary stays', async () => {
    const before = storeFingerprint(app.db);
    expect(await text('/entry edit id:12 summary:-')).toContain('Option `summary` has no words — got `-`.');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN titles are Arabic, or a figure alone, THEN they are kept', async () => {
    expect(await text(`${ADD} title:"١٢ قتيلاً"`)).toContain('Added entry #18.');
    expect(await text(`${ADD} title:"2" summary:"n/a"`)).toContain('Added entry #19.');
  });
});

describe('GIVEN a file with a row titled "-"', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-wordless-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('WHEN it is imported THEN that row is rejected, naming the option, and the other is accepted', async () => {
    const rows = [
      { title: '-', date: '2025-07-12', type: 'talks', topic: 'syria-israel' },
      { title: 'Talks in Paris', date: '2025-07-12', type: 'talks', topic: 'syria-israel' },
    ];
    const result = await runProgram(runImport, [fileIn(dir, 'rows.json', JSON.stringify(rows))], { SITREP_DB: app.dbPath });
    expect(result.stdout).toContain('1 accepted');
    expect(`${result.stdout}${result.stderr}`).toContain('`title` has no words — got `-`');
  });
});
