import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-console-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start` as a user would, with piped input and no platform tokens. */
function startWithInput(input: string, env: Record<string, string> = {}) {
  const cleanEnv = { ...process.env };
  for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'LOG_LEVEL']) delete cleanEnv[name];
  return spawnSync('npx', ['tsx', 'src/main.ts'], {
    cwd: repo,
    input,
    encoding: 'utf8',
    env: { ...cleanEnv, SITREP_DB: join(dir, 'console.db'), ...env },
    timeout: 30_000,
  });
}

describe('GIVEN the console adapter with piped input', () => {
  it('THEN each line runs as a command, results print in order, and it exits at end of input', () => {
    const result = startWithInput('/timeline\n/actor Barrack\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Timeline\nShowing 1–10 of 17 entries/);
    expect(result.stdout.indexOf('Timeline')).toBeLessThan(result.stdout.indexOf('Tom Barrack'));
    expect(result.stdout).toContain('US special envoy for Syria');
  });

  it('WHEN the reader stops early (| head) THEN it exits quietly, without a stack trace', () => {
    const cleanEnv = { ...process.env };
    for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'LOG_LEVEL']) delete cleanEnv[name];
    const commands = Array.from({ length: 200 }, () => '/timeline limit:25').join('\n');
    // The shell's pipe into `head -1` closes after the first line while the bot still writes.
    const result = spawnSync('bash', ['-c', `printf '%s\\n' "$COMMANDS" | npx tsx src/main.ts | head -1; echo "exit=\${PIPESTATUS[1]}"`], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...cleanEnv, COMMANDS: commands, SITREP_DB: join(dir, 'console.db') },
      timeout: 30_000,
    });
    expect(result.stdout).toBe('Timeline\nexit=0\n');
    expect(result.stderr).toBe('');
  });

  it('THEN bad input gets one clear line and later commands still run', () => {
    const result = startWithInput('/timeline since:notadate\n/bogus\n/entry show 3\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Option `since` of /timeline must be a date like 2025, 2025-07 or 2025-07-12 — got `notadate`.');
    expect(result.stdout).toContain('There is no command `/bogus`.');
    expect(result.stdout).toContain('#3 1974 disengagement agreement establishes the buffer zone');
  });

  it('THEN the store persists: a second start reuses it without seeding again', () => {
    const result = startWithInput('/entry show 1\n');
    expect(result.stdout).toContain('1 revision');
    const db = new Database(join(dir, 'console.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    expect(db.prepare('SELECT count(*) FROM seed_runs').pluck().get()).toBe(1);
    db.close();
  });

  it('WHEN another process holds the store THEN a change is refused with "try again" and later commands run', () => {
    startWithInput(''); // the store exists, migrated and seeded
    const holder = new Database(join(dir, 'console.db'));
    try {
      holder.exec('BEGIN IMMEDIATE'); // as an import does while it writes
      const result = startWithInput('/entry add title:"Talks resume" date:2025-08 type:talks topic:syria-israel outlet:AFP\n/timeline limit:1\n');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Try again in a moment');
      expect(result.stdout).toContain('nothing was changed');
      expect(result.stdout).toContain('Showing 1 of 17 entries.');
      holder.exec('ROLLBACK');
      expect(holder.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    } finally {
      holder.close();
    }
  });

  it('WHEN configuration is wrong THEN it names the variable to fix and exits non-zero', () => {
    const result = startWithInput('', { SITREP_ADMINS: 'discord:abc def' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SITREP_ADMINS');
  });
});
