// GIVEN the command definitions, THEN each one says whether it only reads: page buttons re-run
// read-only commands by themselves (after a restart too), so a command that writes must never
// pass for one. Every leaf is exactly one of read-only, admin-only or personal (writing only the
// caller's own things, as /watch does); and a read-only command, run with its own help examples
// by an admin, leaves the store as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import type { Caller } from '../../src/core/caller.js';
import { leafIsReadOnly } from '../../src/core/command-spec.js';
import { leaves } from '../../src/core/help.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const allLeaves = allCommands.flatMap(leaves);

describe('GIVEN every command leaf', () => {
  it.each(allLeaves.map((l) => [l.path, l.leaf] as const))('THEN /%s is marked read-only, admin-only or personal, exactly one', (_path, leaf) => {
    expect([leaf.readOnly === true, leaf.adminOnly === true, leaf.personal === true].filter(Boolean)).toHaveLength(1);
  });

  it('THEN the personal commands are the ones that change only the caller’s watches', () => {
    expect(allLeaves.filter(({ leaf }) => leaf.personal === true).map(({ path }) => path)).toEqual(['watch add', 'watch stop', 'watch resume']);
  });

  it('THEN the reading commands are the ones marked read-only', () => {
    const readOnly = allLeaves.filter(({ leaf }) => leafIsReadOnly({ leaf })).map(({ path }) => path);
    expect(readOnly).toEqual([
      'timeline', 'actor', 'actors list', 'entry show', 'entry diff', 'entry history', 'place', 'places unresolved', 'search', 'chart timeline', 'chart map',
      'digest list', 'digest preview', 'sources list', 'sources why', 'review list', 'review show', 'trend show', 'trend suggest', 'watch list', 'help',
    ]);
  });
});

describe('GIVEN a leaf marked both admin-only and read-only by mistake', () => {
  it('THEN it is not taken for read-only', () => {
    expect(leafIsReadOnly({ leaf: { description: 'x', adminOnly: true, readOnly: true, run: () => ({ title: 'x', tone: 'normal', sections: [] }) } })).toBe(false);
  });
});

describe('GIVEN the read-only commands run with their help examples', () => {
  const admin: Caller = { platform: 'slack', userId: 'U1', workspaceId: 'T', channelId: 'C1' };
  let app: TestApp;
  beforeEach(() => {
    app = createTestApp('slack:U1');
  });
  afterEach(() => app.dispose());

  const examples = allLeaves
    .filter(({ leaf }) => leafIsReadOnly({ leaf }))
    .flatMap(({ path, leaf }) => (leaf.examples ?? ['']).map((example) => `/${path}${example ? ` ${example}` : ''}`));

  it.each(examples)('WHEN running %s THEN the store is unchanged', async (text) => {
    const before = storeFingerprint(app.db);
    await app.dispatcher.runText(text, admin, 'request-1');
    expect(storeFingerprint(app.db)).toBe(before);
  });
});
