// GIVEN a configuration with several mistakes WHEN Sitrep or a command-line program starts THEN
// every one is said at once, one `Configuration error — VAR: …` line each, so one restart mends
// them all. GIVEN SITREP_TZ written as an offset THEN the line names the zone that says the same.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startupMessage } from '../../src/startup-errors.js';
import { runExport } from '../../src/transfer/export-command.js';
import { runProgram } from '../support/cli.js';

/** What `npm start` prints when the configuration is refused. */
function printed(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return startupMessage(error);
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

const DISCORD_HALF = 'Configuration error — DISCORD_APP_ID: set it to your application id when DISCORD_TOKEN is set';
const SLACK_HALF = 'Configuration error — SLACK_SIGNING_SECRET: set it (from your Slack app’s Basic Information) or set SLACK_APP_TOKEN for Socket Mode';

describe('GIVEN Discord and Slack both set in part', () => {
  const halfSet = { DISCORD_TOKEN: 't', SLACK_BOT_TOKEN: 'xoxb-1' };

  it('WHEN the bot starts THEN both are said, one line each', () => {
    expect(printed(halfSet).split('\n')).toEqual([DISCORD_HALF, SLACK_HALF]);
  });

  it('WHEN a value is refused too THEN every problem has its line, the refused variable not said missing as well', () => {
    const lines = printed({ ...halfSet, DISCORD_APP_ID: 'my-app', SLACK_PORT: 'eighty', SITREP_TZ: 'Mars/Olympus', SITREP_ADMINS: 'slak:U123' }).split('\n');
    expect(lines).toEqual([
      'Configuration error — DISCORD_APP_ID: must be the numeric application id',
      'Configuration error — SLACK_PORT: must be a port number from 1 to 65535',
      'Configuration error — SITREP_ADMINS: "slak:U123" names the platform slak: did you mean slack? Sitrep runs on discord and slack (and the console)',
      'Configuration error — SITREP_TZ: "Mars/Olympus" is not an IANA time zone such as Europe/Paris',
      SLACK_HALF,
    ]);
  });

  it('WHEN npm run export starts THEN it prints both lines and stops', async () => {
    const result = await runProgram(runExport, [], halfSet);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${DISCORD_HALF}\n${SLACK_HALF}\n`);
  });
});

describe('GIVEN SITREP_TZ written as an offset', () => {
  it.each(['+02:00', 'UTC+2', 'GMT+02:00', '+0200'])('WHEN SITREP_TZ=%s THEN the line offers Etc/GMT-2, says its sign is reversed, and offers a city zone', (typed) => {
    const line = printed({ SITREP_TZ: typed });
    expect(line).toMatch(
      new RegExp(`^Configuration error — SITREP_TZ: "${typed.replace('+', '\\+')}" is not an IANA time zone such as Europe/Paris: for UTC\\+2 all year, set Etc/GMT-2 \\(Etc/ names reverse the sign: Etc/GMT-2 is UTC\\+2, not UTC−2\\); or your city's zone, e\\.g\\. \\S+/\\S+.*, which follows its clock changes$`),
    );
  });

  it('WHEN SITREP_TZ=UTC+3 THEN Etc/GMT-3 is offered, with Asia/Damascus, which is on UTC+3 all year', () => {
    expect(printed({ SITREP_TZ: 'UTC+3' })).toContain("set Etc/GMT-3 (Etc/ names reverse the sign: Etc/GMT-3 is UTC+3, not UTC−3); or your city's zone, e.g. Asia/Damascus");
  });

  it('WHEN SITREP_TZ=-05:00 THEN Etc/GMT+5 is offered', () => {
    expect(printed({ SITREP_TZ: '-05:00' })).toContain('for UTC−5 all year, set Etc/GMT+5 (Etc/ names reverse the sign: Etc/GMT+5 is UTC−5, not UTC+5)');
  });

  it('WHEN SITREP_TZ=+05:30 THEN it says no zone is fixed there and offers the city zone', () => {
    expect(printed({ SITREP_TZ: '+05:30' })).toBe(
      'Configuration error — SITREP_TZ: "+05:30" is not an IANA time zone such as Europe/Paris: no zone is fixed at UTC+5:30: set your city\'s zone, e.g. Asia/Kolkata or Asia/Colombo, which follows its clock changes',
    );
  });

  it('WHEN the suggested Etc/GMT-2 is set THEN it is taken', () => {
    expect(loadConfig({ SITREP_TZ: 'Etc/GMT-2' }).timezone).toBe('Etc/GMT-2');
  });
});
