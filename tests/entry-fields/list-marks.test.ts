// How the list options' marks are read: a `+` list never grows past what an entry keeps (which an
// export's import would refuse); a dash a phone types (– —) removes as `-` does; /entry add sets
// the whole list, so a `-` there removes nothing and is refused; a name starting with + or - is
// written after a mark, which every refusal of a removal says; an import's lists are names as stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
const run = (line: string) => app.dispatcher.runText(line, operator);
const text = async (line: string) => viewText(await run(line));
const shownField = async (id: number, field: string) => (await text(`/entry show id:${id}`)).split('\n').find((line) => line.startsWith(`  ${field} `))!.slice(field.length + 2).trim();
const tags = (from: number, to: number, mark = '') => Array.from({ length: to - from + 1 }, (_, i) => `${mark}t${from + i}`).join(', ');

beforeEach(() => {
  app = createTestApp('', () => new Date('2026-12-05T10:00:00Z'));
});
afterEach(() => app.dispose());

describe('GIVEN entry #12 given 20 tags', () => {
  beforeEach(async () => {
    expect(await text(`/entry edit id:12 tags:"${tags(1, 20)}"`)).toContain('Updated #12: tags.');
  });

  it('WHEN an edit adds 10 more with + THEN it is refused, saying how many the entry has and the limit, and nothing is written; 5 added and 5 taken off are kept', async () => {
    const before = storeFingerprint(app.db);
    const said = await text(`/entry edit id:12 tags:"${tags(21, 30, '+')}"`);
    expect(said).toContain('Option `tags` would leave the entry with 30 tags; at most 25 are kept per entry.');
    expect(said).toContain('The entry has 20 tags: take some off in the same command (tags:"+tag, -tag"), or give the whole list.');
    expect(storeFingerprint(app.db)).toBe(before);
    // Taking as many off in the same command keeps the entry within it.
    expect(await text(`/entry edit id:12 tags:"${tags(21, 25, '+')}, ${tags(1, 5, '-')}"`)).toContain('Updated #12: tags.');
    expect((await shownField(12, 'Tags')).split(', ')).toHaveLength(20);
  });
});

describe('GIVEN entry #13 with Tom Barrack, Asaad al-Shaibani and Ron Dermer', () => {
  it('WHEN an edit gives actors:"–Dermer" or "—Barrack", as a phone types a dash THEN each is taken off alone', async () => {
    expect(await text('/entry edit id:13 actors:"–Dermer"')).toContain('Actors: − Ron Dermer (subject)');
    expect(await text('/entry edit id:13 actors:"—Barrack"')).toContain('Actors: − Tom Barrack (subject)');
    expect(await text('/entry show id:13')).toMatch(/Actors\n {4}Asaad al-Shaibani — subject\n\n/);
  });
});

describe('GIVEN entry #12 tagged baku and direct-talks', () => {
  it('WHEN an edit gives tags:"-1" THEN the refusal says how to write a tag starting with -, and tags:"+-1" adds it', async () => {
    const said = await text('/entry edit id:12 tags:"-1"');
    expect(said).toContain('Option `tags`: `-1` is not on the entry, so cannot be removed.');
    expect(said).toContain('A name starting with + or - is written after a mark: `tags:"+-1"` adds `-1`.');
    expect(await text('/entry edit id:12 tags:"+-1, ++972mag"')).toContain('Tags: + +972mag, + -1');
    expect(await shownField(12, 'Tags')).toBe('+972mag, -1, baku, direct-talks');
  });
});

describe('GIVEN /entry add', () => {
  const ADD = '/entry add title:"Strike near Quneitra" date:2025-07 type:air-strike topic:syria-israel outlet:AFP';

  it('WHEN a list item is marked - THEN it is refused: the add sets the whole list, with how to write a name starting with -', async () => {
    const before = storeFingerprint(app.db);
    const said = await text(`${ADD} tags:"-1"`);
    expect(said).toContain('Option `tags`: `-1` — `/entry add` sets the whole list: nothing to remove.');
    expect(said).toContain('A name starting with + or - is written after a mark: `tags:"+-1"` adds `-1`.');
    expect(said).not.toContain('is not on the entry');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN tags:"+972mag" THEN the reply says it was read as 972mag and how to write +972mag; "++972mag, +-1" adds +972mag and -1', async () => {
    const read = await text(`${ADD} tags:"+972mag"`);
    expect(read).toContain('Read “+972mag” as “972mag”: a + before an item marks one to add, and /entry add sets the whole list. A name starting with + or - is written after a mark: `tags:"++972mag"` adds “+972mag”.');
    const written = await text(`${ADD} tags:"++972mag, +-1"`);
    expect(written).not.toContain('Read “');
    const id = Number(/Added entry #(\d+)/.exec(written)![1]);
    expect(await shownField(id, 'Tags')).toBe('+972mag, -1');
  });
});

describe('GIVEN entry #12 tagged -1 and +972mag, exported as JSON', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-list-marks-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('WHEN a row with its tags is imported as a new entry THEN the tags are stored as the file lists them', async () => {
    await run('/entry edit id:12 tags:"+-1, ++972mag"');
    const exported = (await runProgram(runExport, ['--format', 'json'], { SITREP_DB: app.dbPath })).stdout;
    const { tags } = (JSON.parse(exported) as { tags: string[] }[]).find((row) => row.tags.includes('-1'))!;
    const row = { title: 'Restored', date: '2025-07-12', type: 'talks', topic: 'syria-israel', tags };
    const result = await runProgram(runImport, [fileIn(dir, 'one.json', JSON.stringify([row]))], { SITREP_DB: app.dbPath });
    expect(result.stdout).toContain('1 accepted');
    const id = app.db.prepare("SELECT id FROM entries WHERE title = 'Restored'").pluck().get() as number;
    expect(await shownField(id, 'Tags')).toBe('+972mag, -1, baku, direct-talks');
  });
});
