// GIVEN a variable set under a name Sitrep does not read (SITREP_TIMEZONE for SITREP_TZ) WHEN the
// console starts THEN a person at a terminal reads one `Warning: …` line, while a piped run or a
// service keeps the JSON log line its log collects; LOG_LEVEL above warn shows neither.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { reportStartupWarnings } from '../../src/startup-warnings.js';
import { runCompiled } from '../support/compiled.js';
import { copySeededStore } from '../support/test-app.js';

const MEANT = 'SITREP_TIMEZONE is set, but Sitrep reads no variable of that name, so it is ignored: did you mean SITREP_TZ?';

/** What start-up reports, written to a pretend terminal and a recording logger. */
function reported(out: { terminal: boolean; warnEnabled: boolean }) {
  const warnings = loadConfig({ SITREP_TIMEZONE: 'Europe/Paris' }).ignoredVariables;
  let shown = '';
  const logged: string[] = [];
  reportStartupWarnings(warnings, {
    logger: { warn: (_context, message) => logged.push(message) },
    warnEnabled: out.warnEnabled,
    ...(out.terminal ? { terminal: { write: (text: string) => (shown += text) } } : {}),
  });
  return { shown, logged };
}

describe('GIVEN SITREP_TIMEZONE set instead of SITREP_TZ', () => {
  it('WHEN the console starts at a terminal THEN the warning is one readable line, not a JSON log line', () => {
    expect(reported({ terminal: true, warnEnabled: true })).toEqual({ shown: `Warning: ${MEANT}\n`, logged: [] });
  });

  it('WHEN LOG_LEVEL is above warn THEN the terminal shows no warning', () => {
    expect(reported({ terminal: true, warnEnabled: false })).toEqual({ shown: '', logged: [] });
  });

  it('WHEN it runs without a terminal THEN the warning goes to the log, for the logger to keep or drop by LOG_LEVEL', () => {
    expect(reported({ terminal: false, warnEnabled: true })).toEqual({ shown: '', logged: [MEANT] });
  });

  describe('WHEN commands are piped in', () => {
    const dirs: string[] = [];
    afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    it('THEN stderr keeps the JSON log line, and stdout holds only the replies', () => {
      const dir = mkdtempSync(join(tmpdir(), 'sitrep-warnings-'));
      dirs.push(dir);
      const dbPath = join(dir, 'store.db');
      copySeededStore(dbPath);
      const run = runCompiled('src/main.ts', [], { SITREP_DB: dbPath, SITREP_TIMEZONE: 'Europe/Paris' }, '/timeline limit:1\n');
      expect(run.status, run.stderr).toBe(0);
      const logged = run.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { msg: string; level: number });
      expect(logged).toContainEqual(expect.objectContaining({ msg: MEANT, level: 40 }));
      expect(run.stderr).not.toContain('Warning:');
      expect(run.stdout).not.toContain('SITREP_TIMEZONE');
    });
  });
});
