// GIVEN the interactive console with a history file, WHEN the operator comes back in a new
// session, THEN the up arrow recalls the commands of the earlier one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-adapter.js';
import { loadConfig } from '../../src/config.js';
import { createTestApp } from '../support/test-app.js';

const app = createTestApp();
const dir = mkdtempSync(join(tmpdir(), 'sitrep-history-'));
afterAll(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const UP = '\x1b[A';
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

/** One interactive session on a terminal: types each key sequence, then Ctrl-D. */
async function session(keys: string[], historyPath: string | undefined): Promise<string> {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = runConsole({ dispatcher: app.dispatcher, input, output, ...(historyPath ? { historyPath } : {}) });
  for (const key of keys) {
    input.write(key);
    await settle();
  }
  input.end();
  await done;
  return printed.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
}

describe('GIVEN the interactive console keeping its history in a file', () => {
  it('WHEN a command was run in an earlier session THEN the up arrow runs it again', async () => {
    const path = join(dir, 'nested', 'history');
    await session(['/actor Barrack\r', '/timeline limit:2\r'], path);
    expect(readFileSync(path, 'utf8')).toBe('/actor Barrack\n/timeline limit:2\n');
    const second = await session([UP, UP, '\r'], path);
    expect(second).toContain('Tom Barrack\n  Kind           person');
  });

  it('WHEN the same command is run again THEN the file keeps it once, newest last', async () => {
    const path = join(dir, 'dedupe');
    writeFileSync(path, '/help\n/timeline\n');
    await session(['/help\r'], path);
    expect(readFileSync(path, 'utf8')).toBe('/timeline\n/help\n');
  });

  it('WHEN the history file cannot be written THEN the session still runs', async () => {
    const path = join(dir, 'a-file');
    writeFileSync(path, '');
    const out = await session(['/help timeline\r'], join(path, 'under-a-file'));
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
