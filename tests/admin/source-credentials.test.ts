// GIVEN a source link with a user name or password (`https://www.bbc.co.uk:secret@evil.example/`,
// which reads as the BBC and leads to evil.example) WHEN an admin types it in /entry add, /entry
// edit or /entry claim, or an import file gives it (flat, in `sources`, `more_sources` or a claim)
// THEN it is refused, saying which site it leads to and to remove the `user:password@` part,
// without repeating the password, and the store is unchanged.
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

const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };
const DISGUISED = 'https://www.bbc.co.uk:secret@evil.example/path';
const REFUSAL = 'must not hold a user name or password (a `user:password@` part): this link leads to evil.example';
const HINT = 'Remove the `user:password@` part and give the article’s own address.';

let app: TestApp;
let dir: string;
beforeEach(async () => {
  app = createTestApp('console:op');
  dir = mkdtempSync(join(tmpdir(), 'sitrep-credentials-'));
  await app.dispatcher.runText('/entry add title:"Kept" date:2025-07-01 type:talks topic:syria-israel source_url:https://example.org/kept outlet:AFP', admin);
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const run = async (text: string) => viewText(await app.dispatcher.runText(text, admin));

/** The reply refuses the link, naming the option and the real site, and never shows the password. */
function expectRefused(reply: string, option: string): void {
  expect(reply).toContain(`Option \`${option}\` ${REFUSAL}`);
  expect(reply).toContain(HINT);
  expect(reply).not.toContain('secret');
}

describe('GIVEN a typed source link with a user name or password', () => {
  it('WHEN /entry add, /entry edit or /entry claim is given it THEN each is refused and the store is unchanged', async () => {
    const before = storeFingerprint(app.db);
    expectRefused(await run(`/entry add title:"Creds" date:2025-07-01 type:talks topic:syria-israel source_url:"${DISGUISED}" outlet:"https://www.reuters.com/"`), 'source_url');
    expectRefused(await run(`/entry edit id:18 source_url:"${DISGUISED}"`), 'source_url');
    const claim = await run('/entry claim id:18 actor:Israel stance:denies source_url:"https://a:b@evil.example/"');
    expect(claim).toContain(`Option \`source_url\` must not hold a user name or password (a \`user:password@\` part): this link leads to evil.example`);
    expect(claim).not.toContain('a:b@');
    expect(storeFingerprint(app.db)).toBe(before);
  });

  it('WHEN only a user name is given THEN it is refused too; an ordinary link is kept as typed', async () => {
    expectRefused(await run('/entry edit id:18 source_url:"https://www.reuters.com@evil.example/path"'), 'source_url');
    expect(await run('/entry edit id:18 source_url:https://example.org/@reporter/story')).toContain('Updated #18: source.');
    expect(app.dossier.getEntry(18)!.sources[0]!.url).toBe('https://example.org/@reporter/story');
  });
});

describe('GIVEN an import file with a source link holding a user name or password', () => {
  const importFile = (rows: object[]) => runProgram(runImport, [fileIn(dir, 'rows.json', JSON.stringify(rows))], { SITREP_DB: app.dbPath });
  const row = { title: 'Imported', date: '2025-07-02', type: 'talks', topic: 'syria-israel' };

  it('WHEN it is the flat `source_url`, in `sources`, in `more_sources` or a claim’s `url` THEN each row is refused, naming the field, and nothing is written', async () => {
    const before = storeFingerprint(app.db);
    const result = await importFile([
      { ...row, source_url: DISGUISED, outlet: 'https://www.reuters.com/' },
      { ...row, title: 'Listed', sources: [{ outlet: 'BBC', url: DISGUISED }] },
      { ...row, title: 'More', outlet: 'AFP', more_sources: [{ outlet: 'BBC', url: DISGUISED }] },
      { ...row, title: 'Claimed', outlet: 'AFP', claims: [{ actor: 'Israel', stance: 'denies', date: '2025-07-02', url: 'https://a:b@evil.example/' }] },
    ]);
    const out = `${result.stdout}\n${result.stderr}`;
    const refusal = `must not hold a user name or password (a \`user:password@\` part): this link leads to evil.example, whatever comes before the \`@\`, and would show the password to everyone. ${HINT}`;
    expect(out).toContain(`rejected item 1 (line 1): Option \`source_url\` ${refusal}`);
    expect(out).toContain(`rejected item 2 (line 1): \`sources\` item 1: \`url\` ${refusal}`);
    expect(out).toContain(`rejected item 3 (line 1): \`more_sources\` item 1: \`url\` ${refusal}`);
    expect(out).toContain(`rejected item 4 (line 1): \`claims\` item 1: \`url\` ${refusal}`);
    expect(out).toContain('0 accepted, 0 skipped, 4 rejected. Nothing was written.');
    expect(out).not.toContain('secret');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
