// A store worked on as a user would between imports: chat commands run by an admin, and the
// export command's output.
import { expect } from 'vitest';
import { createApp } from '../../../src/app.js';
import { parseAdminRules, type Caller } from '../../../src/core/caller.js';
import { silentLogger } from '../../../src/core/logger.js';
import { runExport } from '../../../src/transfer/export-command.js';
import { runProgram } from '../../support/cli.js';
import { viewText } from '../../support/view-text.js';

const admin: Caller = { platform: 'console', userId: 'op', workspaceId: '', displayName: 'op' };

/** Runs chat commands on the store at `dbPath`, each expected to succeed; returns what the last showed. */
export async function inBot(dbPath: string, ...commands: string[]): Promise<string> {
  const app = createApp({ dbPath, admins: parseAdminRules('console:op'), logger: silentLogger });
  try {
    let shown = '';
    for (const command of commands) {
      const view = await app.dispatcher.runText(command, admin);
      expect(view.tone, `${command}: ${viewText(view)}`).not.toBe('error');
      shown = viewText(view);
    }
    return shown;
  } finally {
    app.close();
  }
}

/** The store exported in `format`, as `npm run export` prints it. */
export async function exportOf(dbPath: string, format: string): Promise<string> {
  const result = await runProgram(runExport, ['--format', format], { SITREP_DB: dbPath });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}
