// Two seeded stores and a scratch directory for each test of a file: the store a command runs on,
// another (a second bot's, or a target it must not harm), and a place for files such as backups.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createTestApp, type TestApp } from './test-app.js';

export interface TwoStores {
  app: TestApp;
  other: TestApp;
  dir: string;
}

/** Made before each test and removed after it; `made` is given them each time. `dirPrefix` names the scratch directory. */
export function twoStoresEachTest(dirPrefix: string, made: (stores: TwoStores) => void): void {
  let stores: TwoStores;
  beforeEach(() => {
    stores = { app: createTestApp(), other: createTestApp(), dir: mkdtempSync(join(tmpdir(), dirPrefix)) };
    made(stores);
  });
  afterEach(() => {
    stores.app.dispose();
    stores.other.dispose();
    rmSync(stores.dir, { recursive: true, force: true });
  });
}
