// GIVEN a watched feed whose server answers 404 (a site being deployed or moved answers it for a
// while) THEN the failure is retried with the usual back-off, the check's reply says so, and the
// source is paused only after 8 failures in a row; 410 Gone still pauses it at once.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { cleanEnv, compiled, deployedRoot } from '../support/compiled.js';
import { copySeededStore } from '../support/test-app.js';
import { ADMIN, QueueApp, READER } from '../sources-queue/support/queue-app.js';
import { closeQueue, openQueue } from '../sources-queue/support/queue-with-feeds.js';
import { ScriptedFeeds } from '../sources-queue/support/scripted-feeds.js';
import { SWEIDA } from '../sources-queue/support/stories.js';

const MINUTE = 60_000;
const NOT_FOUND = 'The server says there is no feed at this address (HTTP 404); check the address.';

let feeds: ScriptedFeeds;
let queue: QueueApp;
beforeEach(async () => {
  ({ feeds, queue } = await openQueue());
  await queue.run('/review channel');
});
afterEach(() => closeQueue(feeds, queue));

const source = () => queue.app.services.sources.get(1);
/** A reply as a user reads it, commands without their code marks. */
const say = async (command: string, caller = ADMIN) => (await queue.text(command, caller)).replaceAll('`', '');

describe('GIVEN a feed answering 404', () => {
  beforeEach(async () => {
    feeds.fail('/moving.xml', { status: 404 });
    await queue.run(`/sources add url:${feeds.url('/moving.xml')} topic:syria-israel`);
  });

  it('WHEN an admin checks it THEN the reply says the 404 is retried, with the next check, and the source stays active', async () => {
    const reply = await say('/sources check id:1');
    expect(reply).toContain(`failed: ${NOT_FOUND}`);
    expect(reply).toContain('1 failure in a row; next check at 2025-07-20 12:30 UTC.');
    expect(reply).toContain('A 404 is often brief (a site being deployed or moved), so Sitrep retries it with the usual back-off and pauses the source only after 8 failed checks in a row');
    expect(reply).not.toContain('is paused');
    expect(source().pausedAt).toBeUndefined();
    expect(await say('/sources list', READER)).toContain(`active · next check 2025-07-20 12:30 UTC · 1 failure in a row (${NOT_FOUND})`);
    expect(await say('/sources why id:1', READER)).not.toContain('This check paused the source.');
    expect(queue.poster.texts('review').join('\n')).not.toContain('paused');
  });

  it('WHEN it keeps answering 404 THEN it backs off as any failure does and is paused at the 8th in a row, with the review channel told', async () => {
    for (let failure = 1; failure <= 7; failure++) {
      const reply = await say('/sources check id:1');
      expect(reply, `check ${failure}`).toContain(`${failure === 1 ? '1 failure' : `${failure} failures`} in a row; next check at`);
      expect(source().pausedAt, `check ${failure}`).toBeUndefined();
      queue.advance(10 * MINUTE);
    }
    // 5 min × 2⁶ after the 7th: the back-off of any failure, never the interval's 30 min only.
    expect(source().nextCheckAt.getTime() - (queue.now().getTime() - 10 * MINUTE)).toBe(320 * MINUTE);
    const eighth = await say('/sources check id:1');
    expect(eighth).toContain(`Source #1 is paused: 8 checks in a row failed, the last with: ${NOT_FOUND} Resume it with /sources resume id:1.`);
    expect(eighth).not.toContain('A 404 is often brief');
    expect(source().pausedReason).toBe(`8 checks in a row failed, the last with: ${NOT_FOUND}`);
    expect(queue.poster.texts('review').at(-1)).toContain('Source #1 paused');
    expect(feeds.requestsFor('/moving.xml')).toHaveLength(8);
  });

  it('WHEN the feed is back before the 8th failure THEN the next check reads it and the failures start again from 0', async () => {
    await queue.run('/sources check id:1');
    await queue.run('/sources check id:1');
    feeds.recover('/moving.xml');
    feeds.serve('/moving.xml', 'Moved Wire', [SWEIDA]);
    queue.advance(30 * MINUTE);
    const reply = await say('/sources check id:1');
    expect(reply).toContain('Checked: #1 Moved Wire');
    expect(reply).toContain('1 item: 1 new (1 recorded), 0 seen before');
    expect(source()).toMatchObject({ failures: 0 });
    expect(source().pausedAt).toBeUndefined();
  });
});

describe('GIVEN a feed answering 410 Gone', () => {
  it('WHEN an admin checks it THEN it is paused at once, as a feed gone for good, and the reply says so', async () => {
    feeds.fail('/gone.xml', { status: 410 });
    await queue.run(`/sources add url:${feeds.url('/gone.xml')} topic:syria-israel`);
    const reply = await say('/sources check id:1');
    expect(reply).toContain('Source #1 is paused: the feed failed in a way retrying will not fix: The server says this feed has been removed for good (HTTP 410). Resume it with /sources resume id:1.');
    expect(reply).not.toContain('A 404 is often brief');
    expect(source().failures).toBe(1);
    expect(queue.poster.texts('review').at(-1)).toContain('Source #1 paused');
  });
});

describe('GIVEN the bot checking feeds in its checks’ worker thread, as it runs them', () => {
  it('WHEN a feed answers 404 THEN the worker retries it too, and the source stays active', async () => {
    const inWorker = queue.reopen({ inWorker: true });
    queue = inWorker;
    feeds.fail('/moving.xml', { status: 404 });
    await queue.run(`/sources add url:${feeds.url('/moving.xml')} topic:syria-israel`);
    const reply = await say('/sources check id:1');
    expect(reply).toContain(`failed: ${NOT_FOUND}`);
    expect(reply).toContain('1 failure in a row; next check at');
    expect(source().pausedAt).toBeUndefined();
  });
});

/** The compiled console (dist, as `npm start` runs it) fed `commands` on its standard input: what it printed. */
function compiledConsole(commands: string[], env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [compiled('src/main.ts')], { cwd: deployedRoot(), env: cleanEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(`${commands.join('\n')}\n`);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve(out));
  });
}

describe('GIVEN the compiled console (dist)', () => {
  it('WHEN a feed answers 404 to /sources check THEN the reply says it is retried, and the feed is not paused', async () => {
    const dbPath = join(mkdtempSync(join(inject('scratchRoot'), 'not-found-')), 'sitrep.db');
    copySeededStore(dbPath);
    feeds.fail('/moving.xml', { status: 404 });
    const out = await compiledConsole(
      [`/sources add url:${feeds.url('/moving.xml')} topic:syria-israel`, '/sources check id:1', '/sources list'],
      { SITREP_DB: dbPath, SITREP_SOURCES_ALLOW_PRIVATE: 'true', SITREP_HISTORY: 'off' },
    );
    expect(out).toContain(`failed: ${NOT_FOUND}`);
    expect(out).toContain('1 failure in a row; next check at');
    expect(out).toContain('A 404 is often brief (a site being deployed or moved), so Sitrep retries it');
    expect(out).not.toContain('is paused');
    expect(out).toMatch(/active · next check [^\n]* · 1 failure in a row \(The server says there is no feed at this address \(HTTP 404\)/);
  });
});
