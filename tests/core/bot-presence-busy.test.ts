// GIVEN the store busy with another write (often the bot's own feed checks, on their worker's
// connection) WHEN the bot renews or removes its row in bot_processes THEN one warning says the
// store was busy, without blaming another process, and what happens next: a renewal tries again.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markBotRunning } from '../../src/store/bot-presence.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let other: Database.Database;
beforeEach(() => {
  app = createTestApp();
  app.db.pragma('busy_timeout = 20'); // the bot waits 5 s; the test need not
  other = new Database(app.dbPath);
});
afterEach(() => {
  if (other.inTransaction) other.exec('ROLLBACK');
  other.close();
  app.dispose();
});

const warnings = () => app.logger.lines.filter((line) => line.level === 'warn').map((line) => line.message);

describe('GIVEN another connection writing to the store', () => {
  it('WHEN the bot marks itself running THEN the warning says the store was busy and that the next renewal tries again', () => {
    other.exec('BEGIN IMMEDIATE');
    const bot = markBotRunning(app.db, 'bot-1', app.logger);
    expect(warnings()).toEqual([
      'could not renew this bot process in bot_processes (the store was busy with another write: a feed check, an import or a backup); the next renewal, in 30 seconds, tries again',
    ]);
    bot.stop();
    expect(warnings()[1]).toBe(
      'could not remove this bot process in bot_processes (the store was busy with another write: a feed check, an import or a backup); its row counts as stopped once 90 seconds old',
    );
  });
});
