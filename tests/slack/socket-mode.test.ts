// GIVEN SLACK_APP_TOKEN (Socket Mode), WHEN the adapter starts, THEN Bolt opens a connection via
// apps.connections.open on the fake Slack, acks a slash command envelope on the socket and
// answers on the response_url, with no public HTTP endpoint at all.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SlackAdapter } from '../../src/adapters/slack/index.js';
import type { FakeSlack } from '../fakes/slack-api.js';
import { slashCommandPayload } from '../fakes/slack-requests.js';
import { shownText, startSocketModeHarness, textsOf, type SocketModeHarness } from './harness.js';

let h: SocketModeHarness;
let slack: FakeSlack;
let adapter: SlackAdapter;

beforeAll(async () => {
  h = await startSocketModeHarness();
  ({ slack, adapter } = h);
});
afterAll(async () => {
  await h?.close();
});

it('connects with the app token through apps.connections.open and the socket', async () => {
  const [open] = slack.callsTo('apps.connections.open');
  expect(open!.headers.authorization).toBe('Bearer xapp-1-A0TEST-1-secret');
  expect(slack.callsTo('auth.test')[0]!.headers.authorization).toBe('Bearer xoxb-test');
  expect(slack.socketMode.connections.items).toHaveLength(1);
  expect(adapter.port).toBeUndefined();
});

it('acks a slash command envelope on the socket, then answers on the response_url', async () => {
  const payload = slashCommandPayload({ command: '/actor', text: 'Dermer --public', responseUrl: slack.responseUrl('socket'), triggerId: 'socket-trigger' });
  const envelopeId = slack.socketMode.send('slash_commands', payload, 'env-actor');
  const [ack] = await slack.socketMode.acks.atLeast(1, (a) => a.envelope_id === envelopeId);
  expect(ack).toEqual({ envelope_id: 'env-actor', payload: {} });
  const [answer] = await slack.responses.atLeast(1, (r) => r.id === 'socket');
  expect(answer!.body.response_type).toBe('in_channel');
  expect(textsOf(answer!.body)[0]).toBe('Ron Dermer');
  expect(shownText(answer!.body)).toContain('Israeli Strategic Affairs Minister');
});

it('acks a bad command too, with a private error on the response_url', async () => {
  const payload = slashCommandPayload({ command: '/timeline', text: 'since:notadate', responseUrl: slack.responseUrl('socket-bad') });
  const envelopeId = slack.socketMode.send('slash_commands', payload, 'env-bad');
  await slack.socketMode.acks.atLeast(1, (a) => a.envelope_id === envelopeId);
  const [answer] = await slack.responses.atLeast(1, (r) => r.id === 'socket-bad');
  expect(answer!.body.response_type).toBe('ephemeral');
  expect(textsOf(answer!.body)[0]).toBe('Cannot do that');
});
