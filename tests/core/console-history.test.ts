// GIVEN the interactive console with a history file, WHEN the operator comes back in a new
// session, THEN the up arrow recalls the commands of the earlier one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { KEYS, startConsole, type ConsoleSession } from '../support/console-session.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-history-'));
afterAll(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** One interactive session on a terminal: the steps type and wait for what they expect, then Ctrl-D. */
async function session(historyPath: string, steps: (term: ConsoleSession) => Promise<unknown>): Promise<string> {
  const term = startConsole(app.dispatcher, { historyPath });
  await steps(term);
  term.type(KEYS.ctrlD);
  await term.done;
  return term.printed();
}

/** Presses the up arrow; resolves when the prompt shows `recalled`. */
async function up(term: ConsoleSession, recalled: string): Promise<void> {
  term.type(KEYS.up);
  await term.until(() => term.screen.cursorLine() === `sitrep> ${recalled}`, `${recalled} recalled`);
}

describe('GIVEN the interactive console keeping its history in a file', () => {
  it('WHEN a command was run in an earlier session THEN the up arrow runs it again', async () => {
    const path = join(dir, 'nested', 'history');
    await session(path, async (term) => {
      await term.run('/actor Barrack', 'US special envoy for Syria');
      await term.run('/timeline limit:2', 'Showing 1 to 2 of 17 entries.');
    });
    expect(readFileSync(path, 'utf8')).toBe('/actor Barrack\n/timeline limit:2\n');
    await session(path, async (term) => {
      await up(term, '/timeline limit:2');
      await up(term, '/actor Barrack');
      expect(await term.run('', 'Tom Barrack')).toContain('Tom Barrack\n  Kind           person');
    });
  });

  it('WHEN the same command is run again THEN the file keeps it once, newest last', async () => {
    const path = join(dir, 'dedupe');
    writeFileSync(path, '/help\n/timeline\n');
    await session(path, (term) => term.run('/help', 'Sitrep — commands'));
    expect(readFileSync(path, 'utf8')).toBe('/timeline\n/help\n');
  });

  it('WHEN the history file cannot be written THEN the session still runs', async () => {
    const path = join(dir, 'a-file');
    writeFileSync(path, '');
    const out = await session(join(path, 'under-a-file'), (term) => term.run('/help timeline', 'limit —'));
    expect(out).toContain('limit — How many results per page');
  });
});

describe('GIVEN SITREP_HISTORY', () => {
  it('THEN it defaults to ~/.sitrep_history, names another file, or is turned off', () => {
    expect(loadConfig({}).consoleHistoryPath).toBe(join(homedir(), '.sitrep_history'));
    expect(loadConfig({ SITREP_HISTORY: '/tmp/h' }).consoleHistoryPath).toBe('/tmp/h');
    expect(loadConfig({ SITREP_HISTORY: 'off' }).consoleHistoryPath).toBeUndefined();
  });
});
