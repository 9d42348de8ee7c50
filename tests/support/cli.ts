// Runs one of Sitrep's npm-script entry points as a child process, as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'LOG_LEVEL', 'SITREP_ADMINS']) delete env[name];
  return { ...env, ...extra };
}

export function runScript(script: string, args: string[], env: Record<string, string>, input?: string) {
  return spawnSync('npx', ['tsx', script, ...args], { cwd: REPO, encoding: 'utf8', env: cleanEnv(env), timeout: 120_000, input });
}

export function startScript(script: string, args: string[], env: Record<string, string>) {
  return spawn('npx', ['tsx', script, ...args], { cwd: REPO, env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}
