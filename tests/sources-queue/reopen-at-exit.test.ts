// GIVEN a rejected candidate WHEN the piped console reopens it as its last command THEN the
// process ends cleanly: the reopened card's drawing queued behind the reply does not run against
// a store already closed, and the candidate waits for review in the store it leaves.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseAdminRules } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import { runCompiled } from '../support/compiled.js';
import { copySeededStore } from '../support/test-app.js';
import { proposeCandidate } from './support/propose.js';

const openStore = (dbPath: string) => createApp({ dbPath, admins: parseAdminRules(''), logger: silentLogger, checksInWorker: false });

/** A seeded store holding candidate #1, waiting for review. */
async function storeWithCandidate(): Promise<string> {
  const dbPath = join(mkdtempSync(join(inject('scratchRoot'), 'reopen-exit-')), 'sitrep.db');
  copySeededStore(dbPath);
  const app = openStore(dbPath);
  await proposeCandidate(app);
  app.close();
  return dbPath;
}

/** The titles of the candidates waiting for review in the store. */
function waitingTitles(dbPath: string): string[] {
  const app = openStore(dbPath);
  try {
    return app.services.review.pending({}, 10, 0).items.map((candidate) => candidate.title);
  } finally {
    app.close();
  }
}

describe('GIVEN the compiled console (dist) fed by a pipe', () => {
  it('WHEN a candidate is rejected and reopened as the last commands THEN nothing is logged on stderr and it waits for review in the store', async () => {
    const dbPath = await storeWithCandidate();
    const run = runCompiled('src/main.ts', [], { SITREP_DB: dbPath, SITREP_HISTORY: 'off' }, '/review reject id:1\n/review reopen id:1\n');
    expect(run.stdout).toContain('Reopened: waiting for review again.');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(waitingTitles(dbPath)).toEqual(['Syria and Israel hold talks in Baku']);
  });
});
