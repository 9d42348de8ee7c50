import { afterEach, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import type { Caller } from '../../src/core/caller.js';
import { leaves } from '../../src/core/help.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { proposeCandidate } from '../sources-queue/support/propose.js';
import { SqliteSourceStore } from '../../src/store/source-store.js';
import { viewText } from '../support/view-text.js';

// What /help shows as examples is what people copy first: each must work as written on the seed
// dossier (run by an admin in a channel, each on a fresh store since some of them change it).
const admin: Caller = { platform: 'discord', userId: '7', workspaceId: 'g1', channelId: 'c1' };
const examples = allCommands.flatMap((command) =>
  leaves(command).flatMap(({ path, leaf }) => (leaf.examples ?? []).map((example) => `/${path} ${example}`.trim())),
);

// Some examples act on what an earlier change left, which the seed alone does not have.
const firstRun: Record<string, string[]> = {
  '/actors merge': ['/actors add name:"T. Barrack" kind:person'], // a duplicate to fold away
  '/actors unmerge': ['/actors add name:"T. Barrack" kind:person', '/actors merge from:"T. Barrack" into:"Tom Barrack"'], // a merge to take back
  '/entry undo': ['/entry edit id:12 confidence:claimed'], // a change to revert
  '/sources edit': ['/sources add url:https://news.example/rss.xml topic:syria-israel'],
  '/sources pause': ['/sources add url:https://news.example/rss.xml topic:syria-israel'],
  '/sources resume': ['/sources add url:https://news.example/rss.xml topic:syria-israel', '/sources pause id:1'],
  '/sources remove': ['/sources add url:https://news.example/rss.xml topic:syria-israel'],
};

// Review decisions act on a candidate, which only a feed check proposes: one is put in the queue so.
const needsCandidate = ['/review approve', '/review attach', '/review reject'];

/**
 * The source /sources check reads, on a local address so that its check is refused before any
 * connection: stored as a process allowing private addresses would have stored it, since
 * /sources add refuses it here.
 */
function addLocalSource(target: TestApp): void {
  const now = new Date();
  new SqliteSourceStore(target.db).add({ url: 'http://127.0.0.1:9/feed.xml', topic: 'syria-israel', keywords: '', everyMinutes: 30, backfill: false }, { by: 'test', at: now.toISOString() }, now);
}

let app: TestApp | undefined;
afterEach(() => app?.dispose());

describe('GIVEN the examples /help shows', () => {
  it('THEN there are examples for every command', () => {
    for (const command of allCommands) expect(examples.some((e) => e.startsWith(`/${command.name}`))).toBe(true);
  });

  it.each(examples)('WHEN an admin runs `%s` on the seed dossier THEN it works', async (example) => {
    app = createTestApp('discord:7');
    const before = Object.entries(firstRun).find(([path]) => example.startsWith(`${path} `))?.[1] ?? [];
    for (const line of before) expect((await app.dispatcher.runText(line, admin)).tone).toBe('success');
    if (needsCandidate.some((path) => example.startsWith(`${path} `))) await proposeCandidate(app);
    if (example.startsWith('/sources check ')) addLocalSource(app);
    const view = await app.dispatcher.runText(example, admin);
    expect(view.tone, viewText(view)).not.toBe('error');
  });
});
