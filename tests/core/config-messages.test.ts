// GIVEN a variable set to something Sitrep cannot use THEN the one line printed at start names the
// variable and says what it expects, in words, never the validation library's own text.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startupMessage } from '../../src/startup-errors.js';

/** What `npm start` prints when the configuration is refused. */
function printed(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return startupMessage(error);
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

const PORT = 'must be a port number from 1 to 65535';
const LEVELS = 'must be one of trace, debug, info, warn, error, fatal, silent';

describe('GIVEN a bad value in each variable the configuration checks', () => {
  it.each([
    ['SLACK_PORT', '70000', PORT],
    ['SLACK_PORT', '0', PORT],
    ['SLACK_PORT', 'abc', PORT],
    ['LOG_LEVEL', 'verbose', LEVELS],
    ['DISCORD_API_URL', 'notaurl', 'must be an http(s) URL such as https://discord.com/api'],
    ['DISCORD_API_URL', 'ftp://discord.example/api', 'must be an http(s) URL such as https://discord.com/api'],
    ['SLACK_API_URL', 'slack.com/api', 'must be an http(s) URL such as https://slack.com/api/'],
    ['DISCORD_APP_ID', 'my-app', 'must be the numeric application id'],
    ['DISCORD_GUILD_ID', 'guild', 'must be a numeric guild id'],
    ['SLACK_APP_TOKEN', 'xoxb-1', 'must start with xapp-'],
    ['SITREP_CHART_RENDERS', '9', 'must be a whole number from 1 to 8'],
    ['SITREP_FEED_READERS', 'many', 'must be a whole number from 1 to 4'],
    ['SITREP_SOURCES_ALLOW_PRIVATE', 'yes', 'must be true or false'],
    ['SITREP_IDLE_THREADS', '1', 'must be true or false'],
    ['SITREP_TZ', 'Mars/Olympus', '"Mars/Olympus" is not an IANA time zone such as Europe/Paris'],
    ['SITREP_TZ', 'Beirut', '"Beirut" is not an IANA time zone such as Europe/Paris (did you mean Asia/Beirut?)'],
    ['SITREP_TZ', 'Asia/Beyrut', '"Asia/Beyrut" is not an IANA time zone such as Europe/Paris (did you mean Asia/Beirut, Asia/Atyrau, Asia/Baku?)'],
  ])('WHEN %s=%s THEN the line says: %s', (variable, value, expected) => {
    expect(printed({ [variable]: value })).toBe(`Configuration error — ${variable}: ${expected}`);
  });
});
