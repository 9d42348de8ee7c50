// GIVEN platform tokens, WHEN the adapter cannot start, THEN the line printed says what is wrong:
// an API that cannot be reached (naming the URL and why), a token that was refused, a port that
// is taken — one line, no stack trace.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../src/adapters/running-adapter.js';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import { startupMessage } from '../../src/startup-errors.js';
import { FakeDiscord } from '../fakes/discord-fake.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { createTestApp, recordingLogger, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(() => {
  app = createTestApp();
});
afterAll(() => app?.dispose());

async function listening(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A local port nothing listens on: bound, noted, closed. */
async function closedPort(): Promise<number> {
  const server = await listening();
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What `npm start` prints when the adapter fails to start. */
async function printedOnFailure(starting: Promise<RunningAdapter>): Promise<string> {
  let adapter: RunningAdapter;
  try {
    adapter = await starting;
  } catch (error) {
    return startupMessage(error);
  }
  await adapter.stop();
  throw new Error('the adapter started');
}

const deps = <C>(config: C) => ({ config, dispatcher: app.dispatcher, logger: app.logger });

function expectOneLine(message: string): void {
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

describe('Slack', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await FakeSlack.start();
  });
  afterAll(async () => slack?.close());

  it('says Slack could not be reached, naming the URL and the cause, when nothing answers there, and nothing else', async () => {
    const port = await closedPort();
    const apiUrl = `http://127.0.0.1:${port}/api/`;
    const logger = recordingLogger();
    const message = await printedOnFailure(
      startSlackAdapter({ ...deps({ botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl }), logger }, { host: '127.0.0.1' }),
    );
    // Bolt's warning for each retry of auth.test is not printed before the one line.
    expect(logger.lines.filter((line) => line.level !== 'info')).toEqual([]);
    expect(message).toBe(
      `Sitrep could not start — Slack could not be reached at ${apiUrl} (connect ECONNREFUSED 127.0.0.1:${port}). Check the network, or SLACK_API_URL.`,
    );
    expect(message).not.toMatch(/token|accept/i);
    expectOneLine(message);
  });

  it('says the bot token was refused when Slack answers invalid_auth', async () => {
    slack.replyTo('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    try {
      const message = await printedOnFailure(
        startSlackAdapter(deps({ botToken: 'xoxb-wrong', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl }), { host: '127.0.0.1' }),
      );
      expect(message).toBe('Sitrep could not start — Slack did not accept SLACK_BOT_TOKEN (auth.test answered invalid_auth)');
    } finally {
      slack.clearReply('auth.test');
    }
  });

  it('says the app token was refused when Socket Mode cannot open a connection with it', async () => {
    slack.replyTo('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
    try {
      const message = await printedOnFailure(startSlackAdapter(deps({ botToken: 'xoxb-test', appToken: 'xapp-wrong', port: 0, apiUrl: slack.apiUrl })));
      expect(message).toBe('Sitrep could not start — Slack did not accept SLACK_APP_TOKEN (apps.connections.open answered invalid_auth)');
    } finally {
      slack.clearReply('apps.connections.open');
    }
  });

  it('says which port is taken when the HTTP receiver cannot listen', async () => {
    const taken = await listening();
    const { port } = taken.address() as AddressInfo;
    try {
      const message = await printedOnFailure(
        startSlackAdapter(deps({ botToken: 'xoxb-test', signingSecret: 'secret', port, apiUrl: slack.apiUrl }), { host: '127.0.0.1' }),
      );
      expect(message).toBe(
        `Sitrep could not start — Slack's HTTP receiver could not listen on port ${port} (another program is listening on it). Set SLACK_PORT to a free port.`,
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});

describe('Discord', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
  });
  afterAll(async () => discord?.close());

  it('says Discord could not be reached, naming the URL and the cause, when nothing answers there', async () => {
    const port = await closedPort();
    const apiUrl = `http://127.0.0.1:${port}/api`;
    const message = await printedOnFailure(startDiscordAdapter(deps({ token: 'some-token', appId: discord.appId, apiUrl })));
    expect(message).toBe(
      `Sitrep could not start — Discord could not be reached at ${apiUrl} (connect ECONNREFUSED 127.0.0.1:${port}). Check the network, or DISCORD_API_URL.`,
    );
    expect(message).not.toMatch(/token|accept/i);
    expectOneLine(message);
  });

  it('says the token was refused when Discord answers 401', async () => {
    const message = await printedOnFailure(startDiscordAdapter(deps({ token: 'wrong-token', appId: discord.appId, apiUrl: discord.apiUrl })));
    expect(message).toBe('Sitrep could not start — Discord did not accept DISCORD_TOKEN (401 Unauthorized at login)');
    expect(discord.gateway.connections).toBe(0);
  });
});
