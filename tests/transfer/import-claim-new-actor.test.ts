// GIVEN an import whose row holds a claim by an actor the store lacks WHEN it is imported with
// --create-actors THEN the actor is created and the claim names it, as the entry's own actors are
// (an actor in both lists is created once and both name it); without the flag the row is refused,
// naming the actor as one a claim names.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/caller.js';
import { runImport } from '../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { viewText } from '../support/view-text.js';

let app: TestApp;
let dir: string;
const operator: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-claim-actor-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN a row whose claim is by an actor the store lacks', () => {
  it('WHEN imported with --create-actors THEN the actor is created and the claim names it', async () => {
    const rows = [{
      title: 'Drone strike near Quneitra', date: '2025-07-14', type: 'air-strike', topic: 'syria-israel', outlet: 'AFP',
      actors: ['Israel:initiator'],
      claims: [{ actor: 'Quneitra Governorate Council', stance: 'confirms', date: '2025-07-15', outlet: 'SANA' }],
    }];
    const result = await runProgram(runImport, [fileIn(dir, 'claims.json', JSON.stringify(rows)), '--create-actors'], { SITREP_DB: app.dbPath });
    expect(result.stderr).not.toContain('FOREIGN KEY');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Quneitra Governorate Council');
    const id = app.db.prepare("SELECT id FROM entries WHERE title = 'Drone strike near Quneitra'").pluck().get() as number;
    expect(viewText(await app.dispatcher.runText(`/entry show ${id}`, operator))).toContain('Quneitra Governorate Council confirms');
  });

  it('WHEN imported without --create-actors THEN the row is refused, naming the actor as one a claim names', async () => {
    const rows = [{ title: 'Drone strike near Quneitra', date: '2025-07-14', type: 'air-strike', topic: 'syria-israel', outlet: 'AFP', claims: [{ actor: 'Quneitra Governorate Council', stance: 'confirms', date: '2025-07-15', outlet: 'SANA' }] }];
    const result = await runProgram(runImport, [fileIn(dir, 'claims.json', JSON.stringify(rows))], { SITREP_DB: app.dbPath });
    expect(result.stdout + result.stderr).toContain('No actor is called `Quneitra Governorate Council` (in `claims`).');
  });

  it('WHEN the new actor is in the row\'s actors too THEN the claim names the one actor created', async () => {
    const rows = [{
      title: 'Drone strike near Quneitra', date: '2025-07-14', type: 'air-strike', topic: 'syria-israel', outlet: 'AFP',
      actors: ['Israel:initiator', 'Quneitra Governorate Council:target'],
      claims: [{ actor: 'Quneitra Governorate Council', stance: 'confirms', date: '2025-07-15', outlet: 'SANA' }],
    }];
    const result = await runProgram(runImport, [fileIn(dir, 'claims.json', JSON.stringify(rows)), '--create-actors'], { SITREP_DB: app.dbPath });
    expect(result.status, result.stderr).toBe(0);
    expect(app.db.prepare("SELECT count(*) FROM actors WHERE name = 'Quneitra Governorate Council'").pluck().get()).toBe(1);
    const id = app.db.prepare("SELECT id FROM entries WHERE title = 'Drone strike near Quneitra'").pluck().get() as number;
    expect(viewText(await app.dispatcher.runText(`/entry show ${id}`, operator))).toContain('Quneitra Governorate Council confirms');
  });
});
