// GIVEN a store with a candidate waiting WHEN `/review channel` is piped into the compiled bot's
// console (a one-off run: `echo '/review channel' | npm start`) THEN the reply does not promise the
// cards within a few minutes from this run, which posts none: it says the console a person has open
// at a terminal prints them, and that a piped one prints none; and the run prints no card.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/core/logger.js';
import { runCompiled } from '../support/compiled.js';
import { copySeededStore } from '../support/test-app.js';
import { proposeCandidate } from './support/propose.js';

let dir: string;
let dbPath: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-one-off-review-channel-'));
  dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath);
  const app = createApp({ dbPath, admins: [], logger: silentLogger, checksInWorker: false });
  await proposeCandidate(app);
  app.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN a candidate waiting and no review channel', () => {
  it('WHEN `/review channel` is piped into the console THEN the reply says the console at a terminal prints the card, not this run, and this run prints none', () => {
    const run = runCompiled('src/main.ts', [], { SITREP_DB: dbPath, SITREP_HISTORY: 'off' }, '/review channel\n');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Review channel set');
    expect(run.stdout).toContain('1 candidate waiting: its card follows at the console a person has open at a terminal (npm start), within a few minutes; a console fed by a pipe prints none.');
    expect(run.stdout).not.toContain('its card follows within a few minutes');
    expect(run.stdout).not.toContain('waiting for review');
  });
});
