// GIVEN `npm run register` with a mistake the bot's start also meets (a token Discord refuses, an
// application id not the token's, a wrong API URL, no network) WHEN it runs THEN it says what to
// fix in the words the bot's start uses, in one line, and exits 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegister } from '../../src/adapters/discord/register-command.js';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { runProgram } from '../support/cli.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake?.close();
});

const env = (changes: Record<string, string> = {}) => ({ DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl, ...changes });
const register = (changes?: Record<string, string>) => runProgram(runRegister, [], env(changes));

describe('GIVEN npm run register', () => {
  it('WHEN Discord refuses the token THEN it says DISCORD_TOKEN was not accepted', async () => {
    const result = await register({ DISCORD_TOKEN: 'not-the-bot-token' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Could not register the commands — Discord did not accept DISCORD_TOKEN (401 Unauthorized when registering the commands)\n');
  });

  it("WHEN DISCORD_APP_ID is not the token's application THEN it says so and where to find the right one", async () => {
    const result = await register({ DISCORD_APP_ID: '111111111111111111' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "Could not register the commands — DISCORD_APP_ID (111111111111111111) does not match the bot token's application: set it to the Application ID on the Developer Portal's General Information page (Discord answered 403 Missing Access)\n",
    );
  });

  it('WHEN registering in one server is refused THEN it names both causes: the application id, or the bot not in the server', async () => {
    const result = await register({ DISCORD_APP_ID: '111111111111111111', DISCORD_GUILD_ID: '42' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "Could not register the commands — Discord answered 403 Missing Access: DISCORD_APP_ID (111111111111111111) does not match the bot token's application: set it to the Application ID on the Developer Portal's General Information page, or invite the bot to the server DISCORD_GUILD_ID (42)\n",
    );
  });

  it('WHEN DISCORD_API_URL answers 404 THEN it says which URL answered and to check DISCORD_API_URL', async () => {
    const wrong = fake.apiUrl.replace(/\/api$/, '/wrong');
    const result = await register({ DISCORD_API_URL: wrong });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`Could not register the commands — Discord's API at ${wrong} answered the registration with HTTP 404. Try again later, or check DISCORD_API_URL.\n`);
  });

  it('WHEN nothing answers at DISCORD_API_URL THEN it says Discord could not be reached there, and why', async () => {
    const result = await register({ DISCORD_API_URL: 'http://127.0.0.1:9/api' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Could not register the commands — Discord could not be reached at http://127.0.0.1:9/api (connect ECONNREFUSED 127.0.0.1:9). Check the network, or DISCORD_API_URL.\n');
  }, 30_000);
});
