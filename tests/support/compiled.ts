// Sitrep's compiled programs, run as processes from the deployed copy the globalSetup built
// (tests/support/build.ts): for what only a process shows — exit codes, signals, pipes.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';

export const deployedRoot = (): string => inject('deployedRoot');

/** The compiled file of a source, e.g. src/main.ts → <deployed>/dist/src/main.js. */
export const compiled = (source: string): string => join(deployedRoot(), 'dist', source.replace(/\.ts$/, '.js'));

/** The test process's environment without platform tokens or admins, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'LOG_LEVEL', 'SITREP_ADMINS']) delete env[name];
  return { ...env, ...extra };
}

/** Runs `node dist/<source>.js ARGS` to its end, in the deployed directory. */
export function runCompiled(source: string, args: string[], env: Record<string, string>, input?: string) {
  return spawnSync(process.execPath, [compiled(source), ...args], {
    cwd: deployedRoot(), encoding: 'utf8', env: cleanEnv(env), timeout: 60_000, ...(input === undefined ? {} : { input }),
  });
}

/** Starts `node dist/<source>.js ARGS`, for tests that act while it runs. */
export function startCompiled(source: string, args: string[], env: Record<string, string>) {
  return spawn(process.execPath, [compiled(source), ...args], { cwd: deployedRoot(), env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}
