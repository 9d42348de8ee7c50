// GIVEN the Slack configuration, WHEN the adapter starts and stops, THEN a bad token is a clear
// start-up error, and after stop() the receiver no longer accepts requests.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import { FakeSlack } from '../fakes/slack-api.js';
import { formBody, postSigned, slashCommandPayload } from '../fakes/slack-requests.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let slack: FakeSlack;
let app: TestApp;

beforeAll(async () => {
  slack = await FakeSlack.start();
  app = createTestApp();
});
afterAll(async () => {
  await slack?.close();
  app?.dispose();
});

const config = () => ({ botToken: 'xoxb-test', signingSecret: 'secret', port: 0, apiUrl: slack.apiUrl });

it('a token Slack refuses stops start-up with an error naming SLACK_BOT_TOKEN', async () => {
  slack.replyTo('auth.test', { body: { ok: false, error: 'invalid_auth' } });
  try {
    await expect(startSlackAdapter({ config: config(), dispatcher: app.dispatcher, logger: app.logger }, { host: '127.0.0.1' })).rejects.toThrow(
      /SLACK_BOT_TOKEN.*invalid_auth/,
    );
  } finally {
    slack.clearReply('auth.test');
  }
});

it('answers while running and refuses connections once stopped', async () => {
  const adapter = await startSlackAdapter({ config: config(), dispatcher: app.dispatcher, logger: app.logger }, { host: '127.0.0.1' });
  expect(adapter.name).toBe('slack');
  expect(adapter.poster.platform).toBe('slack');
  const url = `http://127.0.0.1:${adapter.port}/slack/events`;
  const body = formBody(slashCommandPayload({ command: '/help', text: '', responseUrl: slack.responseUrl('alive') }));
  expect((await postSigned(url, body, { secret: 'secret' })).status).toBe(200);
  await slack.responses.atLeast(1, (r) => r.id === 'alive');
  await adapter.stop();
  await expect(postSigned(url, body, { secret: 'secret' })).rejects.toThrow();
});
