// GIVEN a variable set for Sitrep under a name it does not read (a typo, a longer spelling) WHEN
// it starts THEN it warns of each, naming the variable meant, instead of quietly keeping the default.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runCompiled } from '../support/compiled.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-unknown-variables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GIVEN variables named almost as Sitrep reads them', () => {
  it.each([
    ['SITREP_ADMIN', 'SITREP_ADMINS'],
    ['SITREP_TIMEZONE', 'SITREP_TZ'],
    ['SITREP_DATABASE', 'SITREP_DB'],
    ['SITREP_ALLOW_PRIVATE', 'SITREP_SOURCES_ALLOW_PRIVATE'],
    ['SITREP_IDLE_THREAD', 'SITREP_IDLE_THREADS'],
    ['SITREP_LOG_LEVEL', 'LOG_LEVEL'],
    ['sitrep_admins', 'SITREP_ADMINS'],
    ['DISCORD_BOT_TOKEN', 'DISCORD_TOKEN'],
    ['SLACK_TOKEN', 'SLACK_BOT_TOKEN'],
    ['DISCORD_APPLICATION_ID', 'DISCORD_APP_ID'],
    ['DISCORD_CLIENT_ID', 'DISCORD_APP_ID'],
  ])('WHEN %s is set THEN the configuration warns that it is ignored and names %s', (name, meant) => {
    const config = loadConfig({ [name]: 'x' });
    expect(config.ignoredVariables).toEqual([`${name} is set, but Sitrep reads no variable of that name, so it is ignored: did you mean ${meant}?`]);
  });

  it.each([
    ['SLACK_API_TOKEN', 'xoxb-1-2-abc', 'SLACK_BOT_TOKEN'],
    ['SLACK_OAUTH_TOKEN', 'xoxb-1-2-abc', 'SLACK_BOT_TOKEN'],
    ['SLACK_TOKEN', 'xapp-1-A1-abc', 'SLACK_APP_TOKEN'],
    ['SLACK_SOCKET_TOKEN', 'xapp-1-A1-abc', 'SLACK_APP_TOKEN'],
  ])('WHEN the token-like %s is set to %s THEN the warning names the variable for that kind of token, %s', (name, value, meant) => {
    expect(loadConfig({ [name]: value }).ignoredVariables).toEqual([`${name} is set, but Sitrep reads no variable of that name, so it is ignored: did you mean ${meant}?`]);
  });

  it('WHEN a SITREP_ name is like none Sitrep reads THEN the warning lists the ones it reads', () => {
    const [warning] = loadConfig({ SITREP_COLOUR: 'blue' }).ignoredVariables;
    expect(warning).toMatch(/^SITREP_COLOUR is set, but Sitrep reads no variable of that name, so it is ignored: Sitrep reads SITREP_DB, SITREP_ADMINS, SITREP_TZ, /);
  });

  it('WHEN other programs’ DISCORD_ and SLACK_ variables, and Sitrep’s own, are set THEN nothing is said', () => {
    const env = {
      SLACK_WEBHOOK_URL: 'https://hooks.example', DISCORD_WEBHOOK: 'x', DISCORD_WEBHOOK_URL: 'https://discord.example/api/webhooks/1', SLACK_REPORT_CHANNEL: 'C1',
      SLACK_CHANNEL: 'C1', SLACK_CHANNEL_ID: 'C1', SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'abc', DISCORD_PUBLIC_KEY: 'ab12',
      SLACK_USER_TOKEN: 'xoxp-1-2-abc', SITREP_TZ: 'UTC', SITREP_ADMINS: 'slack:U1', PATH: '/bin',
    };
    expect(loadConfig(env).ignoredVariables).toEqual([]);
  });
});

describe('GIVEN Sitrep started with SITREP_ADMIN set instead of SITREP_ADMINS', () => {
  it('THEN it warns on starting, naming SITREP_ADMINS, and runs', () => {
    const result = runCompiled('src/main.ts', [], { SITREP_DB: join(dir, 'sitrep.db'), SITREP_ADMIN: 'slack:U0ALICE' }, '/help\n');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('SITREP_ADMIN is set, but Sitrep reads no variable of that name, so it is ignored: did you mean SITREP_ADMINS?');
    expect(result.stdout).toContain('Sitrep — commands');
  });
});

describe('GIVEN LOG_LEVEL in capitals', () => {
  it('THEN it is read as the level, as true and false are read in any case', () => {
    expect(loadConfig({ LOG_LEVEL: 'INFO' }).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'Debug' }).logLevel).toBe('debug');
  });
});
