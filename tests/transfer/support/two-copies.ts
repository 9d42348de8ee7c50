// Two copies of one dossier in a folder of their own for each test: a seeded store, and a second
// one loaded whole from its bundle, as two newsrooms sharing a dossier start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { runImport } from '../../../src/transfer/import-command.js';
import { fileIn, runProgram } from '../../support/cli.js';
import { copySeededStore } from '../../support/test-app.js';
import { exportOf } from './store-session.js';

export interface TwoCopies {
  /** `npm run import -- FILE [flags]` on the store at `dbPath`, FILE named `name` holding `text`. */
  importInto(dbPath: string, name: string, text: string, ...flags: string[]): ReturnType<typeof runProgram>;
  /** The two stores' paths: the seeded one first. */
  twoCopies(): Promise<[string, string]>;
}

/** Registers the folder's set-up and clean-up for each test of the calling file. */
export function twoCopiesEachTest(prefix: string): TwoCopies {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const importInto = (dbPath: string, name: string, text: string, ...flags: string[]) => runProgram(runImport, [fileIn(dir, name, text), ...flags], { SITREP_DB: dbPath });
  return {
    importInto,
    async twoCopies() {
      const [a, b] = [join(dir, 'a.db'), join(dir, 'b.db')];
      copySeededStore(a);
      const loaded = await importInto(b, 'a0.ndjson', await exportOf(a, 'bundle'));
      expect(loaded.status, loaded.stderr).toBe(0);
      return [a, b];
    },
  };
}
