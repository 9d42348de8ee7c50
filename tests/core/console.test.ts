// `npm start` with no platform tokens: the compiled console (node dist/src/main.js), as a process
// fed by a pipe, as a user would run it.
import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, compiled, deployedRoot, runCompiled } from '../support/compiled.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-console-'));
const dbPath = join(dir, 'console.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the console with piped input and no platform tokens, on the test's store. */
const startWithInput = (input: string, env: Record<string, string> = {}) => runCompiled('src/main.ts', [], { SITREP_DB: dbPath, ...env }, input);

describe('GIVEN the console adapter with piped input', () => {
  // One start serves the tests that only read its output; it also creates the store the later ones reuse.
  let first: SpawnSyncReturns<string>;
  beforeAll(() => {
    first = startWithInput('/timeline\n/actor Barrack\n/timeline since:notadate\n/bogus\n/entry show 3\n');
  });

  it('THEN each line runs as a command, results print in order, and it exits at end of input, non-zero as two were refused', () => {
    // The refusals are in the output; stderr says how many, for a script's log.
    expect(first.stderr).toBe('Sitrep: 2 commands were refused (each says why above).\n');
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^Timeline\nShowing 1 to 10 of 17 entries/);
    expect(first.stdout.indexOf('Timeline')).toBeLessThan(first.stdout.indexOf('Tom Barrack'));
    expect(first.stdout).toContain('US special envoy for Syria');
  });

  it('THEN bad input gets one clear line and later commands still run', () => {
    const { stdout } = first;
    // Piped output is plain text: code spans lose their backticks.
    expect(stdout).toContain('Option since of /timeline must be a date like 2025, 2025-07 or 2025-07-12 — got notadate.');
    const unknown = /There is no command \/bogus\./.exec(stdout);
    expect(unknown).not.toBeNull();
    expect(stdout.indexOf('#3 1974 disengagement agreement establishes the buffer zone')).toBeGreaterThan(unknown!.index);
  });

  it('WHEN the reader stops early (| head) THEN it exits quietly, without a stack trace', () => {
    const commands = Array.from({ length: 200 }, () => '/timeline limit:25').join('\n');
    // The shell's pipe into `head -1` closes after the first line while the bot still writes.
    const result = spawnSync('bash', ['-c', `printf '%s\\n' "$COMMANDS" | "${process.execPath}" "${compiled('src/main.ts')}" | head -1; echo "exit=\${PIPESTATUS[1]}"`], {
      cwd: deployedRoot(),
      encoding: 'utf8',
      env: cleanEnv({ COMMANDS: commands, SITREP_DB: dbPath }),
      timeout: 30_000,
    });
    expect(result.stdout).toBe('Timeline\nexit=0\n');
    expect(result.stderr).toBe('');
  });

  it('THEN the store persists: a second start reuses it without seeding again, and a run with no refusal exits 0', () => {
    const result = startWithInput('/entry show 1\n');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('1 revision');
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    expect(db.prepare('SELECT count(*) FROM seed_runs').pluck().get()).toBe(1);
    db.close();
  });

  it('WHEN another process holds the store THEN a change is refused with "try again" and later commands run', () => {
    const holder = new Database(dbPath);
    try {
      holder.exec('BEGIN IMMEDIATE'); // as an import does while it writes
      const result = startWithInput('/entry add title:"Talks resume" date:2025-08 type:talks topic:syria-israel outlet:AFP\n/timeline limit:1\n');
      // A script learns that its change was not made, and can run it again.
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Sitrep: 1 command was refused');
      expect(result.stdout).toContain('Try again in a moment');
      expect(result.stdout).toContain('nothing was changed');
      expect(result.stdout).toContain('Showing 1 of 17 entries.');
      holder.exec('ROLLBACK');
      expect(holder.prepare('SELECT count(*) FROM entries').pluck().get()).toBe(17);
    } finally {
      holder.close();
    }
  });

  it('WHEN it is started with no token and an empty input (a service whose .env is missing) THEN it says so and exits non-zero', () => {
    const result = startWithInput('');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Sitrep read no command: no DISCORD_TOKEN or SLACK_BOT_TOKEN is set, so it ran the console, and its input was empty.');
  });

  it('WHEN configuration is wrong THEN it names the variable to fix and exits non-zero', () => {
    const result = startWithInput('', { SITREP_ADMINS: 'discord:abc def' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SITREP_ADMINS');
  });
});
