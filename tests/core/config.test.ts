import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { REPO } from '../support/cli.js';

describe('GIVEN configuration from the environment', () => {
  it('THEN no tokens means the console on data/sitrep.db in UTC', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ dbPath: 'data/sitrep.db', timezone: 'UTC', admins: [] });
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it('THEN platform settings and admins are parsed', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 't', DISCORD_APP_ID: '123', DISCORD_API_URL: 'http://127.0.0.1:9/api',
      SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: '3100',
      SITREP_ADMINS: 'discord:1, discord-role:2,slack:U3', SITREP_TZ: 'Europe/Paris',
    });
    expect(config.discord).toEqual({ token: 't', appId: '123', apiUrl: 'http://127.0.0.1:9/api' });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1', port: 3100 });
    expect(config.admins).toEqual([
      { platform: 'discord', kind: 'user', id: '1' },
      { platform: 'discord', kind: 'role', id: '2' },
      { platform: 'slack', kind: 'user', id: 'U3' },
    ]);
  });

  it('THEN pictures go beside the store unless SITREP_CHARTS_DIR says where, drawn one at a time unless told', () => {
    expect(loadConfig({ SITREP_DB: '/srv/sitrep/store.db' })).toMatchObject({ chartsDir: '/srv/sitrep/charts', chartRenders: 1 });
    expect(loadConfig({ SITREP_CHARTS_DIR: '/tmp/pictures', SITREP_CHART_RENDERS: '3' })).toMatchObject({ chartsDir: '/tmp/pictures', chartRenders: 3 });
  });

  it('THEN feeds are read one at a time unless SITREP_FEED_READERS says how many', () => {
    expect(loadConfig({})).toMatchObject({ feedReaders: 1 });
    expect(loadConfig({ SITREP_FEED_READERS: '2' })).toMatchObject({ feedReaders: 2 });
  });

  it('THEN the bot’s other threads are kept idle-class unless SITREP_IDLE_THREADS is false', () => {
    expect(loadConfig({})).toMatchObject({ idleThreads: true });
    expect(loadConfig({ SITREP_IDLE_THREADS: 'false' })).toMatchObject({ idleThreads: false });
  });

  it('THEN an admin rule may name any platform, as PLATFORM:USERID or PLATFORM-role:ROLEID', () => {
    const config = loadConfig({ SITREP_ADMINS: 'matrix:@ana:example.org,matrix-role:editors,irc-net:ops' });
    expect(config.admins).toEqual([
      { platform: 'matrix', kind: 'user', id: '@ana:example.org' },
      { platform: 'matrix', kind: 'role', id: 'editors' },
      { platform: 'irc-net', kind: 'user', id: 'ops' },
    ]);
  });

  it.each([
    [{ DISCORD_TOKEN: 't' }, /^DISCORD_APP_ID: /],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: /],
    [{ SLACK_APP_TOKEN: 'abc' }, /^SLACK_APP_TOKEN: must start with xapp-/],
    [{ SLACK_PORT: 'eighty' }, /^SLACK_PORT: /],
    [{ SITREP_TZ: 'Mars/Olympus' }, /^SITREP_TZ: "Mars\/Olympus" is not an IANA time zone/],
    [{ SITREP_ADMINS: 'root' }, /^SITREP_ADMINS: "root" is not an admin rule; use PLATFORM:USERID or PLATFORM-role:ROLEID, e\.g\. discord:USERID/],
    [{ SITREP_ADMINS: 'discord:1,Slack:U3' }, /^SITREP_ADMINS: "Slack:U3" is not an admin rule/],
    [{ SITREP_ADMINS: 'discord:<@123>' }, /^SITREP_ADMINS: "discord:<@123>" is not an admin rule/],
    [{ SITREP_ADMINS: 'slack:' }, /^SITREP_ADMINS: "slack:" is not an admin rule/],
    [{ SITREP_ADMINS: '-role:5' }, /^SITREP_ADMINS: "-role:5" is not an admin rule/],
    // Rules that name a platform Sitrep runs on, or nearly, but cannot match anyone there.
    [{ SITREP_ADMINS: 'slak:U123' }, /^SITREP_ADMINS: "slak:U123" names the platform slak: did you mean slack\?/],
    [{ SITREP_ADMINS: 'discord:1,discrod:123' }, /^SITREP_ADMINS: "discrod:123" names the platform discrod: did you mean discord\?/],
    [{ SITREP_ADMINS: 'slack-role:ABC' }, /^SITREP_ADMINS: "slack-role:ABC": only Discord has roles Sitrep reads; name each slack admin as slack:USERID/],
    [{ SITREP_ADMINS: 'slack:@alice' }, /^SITREP_ADMINS: "slack:@alice" is not a Slack user id: use the member ID/],
    [{ SITREP_ADMINS: 'discord:alice' }, /^SITREP_ADMINS: "discord:alice" is not a Discord user id: ids are digits/],
    [{ DISCORD_API_URL: 'ftp://x' }, /^DISCORD_API_URL: /],
    [{ SITREP_CHART_RENDERS: '0' }, /^SITREP_CHART_RENDERS: must be a whole number from 1 to 8/],
    [{ SITREP_CHART_RENDERS: 'two' }, /^SITREP_CHART_RENDERS: must be a whole number from 1 to 8/],
    [{ SITREP_FEED_READERS: '5' }, /^SITREP_FEED_READERS: must be a whole number from 1 to 4/],
    [{ SITREP_FEED_READERS: '0' }, /^SITREP_FEED_READERS: must be a whole number from 1 to 4/],
    [{ SITREP_IDLE_THREADS: 'no' }, /^SITREP_IDLE_THREADS: must be true or false/],
  ])('WHEN %j THEN the error names the variable to fix', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('THEN .env.example documents every variable the config reads', () => {
    const example = readFileSync(`${REPO}/.env.example`, 'utf8');
    const source = readFileSync(`${REPO}/src/config.ts`, 'utf8');
    const read = [...source.matchAll(/^\s+([A-Z][A-Z_]+): /gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(10);
    for (const name of read) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});
