// GIVEN npm run restore while a bot runs on the store THEN the refusal says how to stop that bot
// whichever way it was started (a console `npm start` or systemd), naming its pid and host.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markBotRunning } from '../../src/store/bot-presence.js';
import { runRestore } from '../../src/transfer/restore-command.js';
import { runProgram } from '../support/cli.js';
import { storeFingerprint } from '../support/store-fingerprint.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let app: TestApp;
let dir: string;
beforeEach(() => {
  app = createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'sitrep-restore-running-'));
});
afterEach(() => {
  app.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN a bot running on the store', () => {
  it('WHEN restoring THEN it names the pid and host, says Ctrl-C or kill before systemctl, and changes nothing', async () => {
    const backup = join(dir, 'backup.db');
    app.db.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(app.dbPath, backup);
    const bot = markBotRunning(app.db, 'console-bot', app.logger);
    try {
      const before = storeFingerprint(app.db);
      const result = await runProgram(runRestore, [backup], { SITREP_DB: app.dbPath });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const [pid, host] = [process.pid, literal(hostname())];
      expect(result.stderr).toMatch(
        new RegExp(
          `^Cannot restore ${literal(backup)}: Sitrep is running on ${literal(app.dbPath)} \\(1 bot: pid ${pid} on ${host}, seen \\d+ s ago\\)\\. ` +
            `Stop it first \\(Ctrl-C in the console running it, or kill ${pid} on ${host}; under systemd: systemctl stop sitrep\\), then restore\\. The store is unchanged\\.\\n$`,
        ),
      );
      expect(result.stderr).not.toContain('Stop it first (systemctl stop sitrep)');
      expect(storeFingerprint(app.db)).toBe(before);
    } finally {
      bot.stop();
    }
  });
});
