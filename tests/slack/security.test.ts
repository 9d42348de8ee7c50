// GIVEN requests that did not come from Slack, or came twice, WHEN they reach the receiver, THEN
// nothing runs: Bolt refuses forgeries with 401, and redeliveries are acknowledged and dropped.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { blockActionsBody, formBody, postSigned, sign, slashCommandPayload } from '../fakes/slack-requests.js';
import { SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

function timelineBody(responseId: string, triggerId = `trigger-${responseId}`): string {
  return formBody(slashCommandPayload({ command: '/timeline', text: 'limit:1', responseUrl: h.slack.responseUrl(responseId), triggerId }));
}

/** A request that is valid, sent after a refused one, proves the refused one left no trace. */
async function expectNothingRanFor(responseId: string): Promise<void> {
  await h.command('/timeline limit:1');
  expect(h.slack.responses.items.filter((r) => r.id === responseId)).toEqual([]);
}

it('a forged signature gets 401 and reaches no handler', async () => {
  const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
  const body = timelineBody('forged');
  const res = await postSigned(h.eventsUrl, body, { secret: SECRET, signature: sign('not-the-secret', Math.floor(Date.now() / 1000), body) });
  expect(res.status).toBe(401);
  expect(dispatch).not.toHaveBeenCalled();
  await expectNothingRanFor('forged');
});

it('a body changed after signing gets 401', async () => {
  const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(SECRET, timestamp, timelineBody('tampered'));
  const res = await postSigned(h.eventsUrl, timelineBody('tampered').replace('limit%3A1', 'limit%3A5'), { secret: SECRET, timestamp, signature });
  expect(res.status).toBe(401);
  expect(dispatch).not.toHaveBeenCalled();
});

it('a correctly signed but stale request (over 5 minutes old) gets 401', async () => {
  const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
  const res = await postSigned(h.eventsUrl, timelineBody('stale'), { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
  expect(res.status).toBe(401);
  expect(dispatch).not.toHaveBeenCalled();
  await expectNothingRanFor('stale');
});

it('a forged button press gets 401 and changes nothing', async () => {
  const run = vi.spyOn(h.app.dispatcher, 'dispatch');
  const value = 's1:r:c:U0ALICE:::timeline:page#2';
  const body = blockActionsBody({ actionId: 'sitrep_button_0', value, responseUrl: h.slack.responseUrl('forged-press') });
  const res = await postSigned(h.eventsUrl, body, { secret: SECRET, signature: 'v0=deadbeef' });
  expect(res.status).toBe(401);
  expect(run).not.toHaveBeenCalled();
  await expectNothingRanFor('forged-press');
});

it('a retried delivery (X-Slack-Retry-Num) is acknowledged but not run a second time', async () => {
  const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
  const body = timelineBody('retried', 'trigger-retried');
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  await h.slack.responses.atLeast(1, (r) => r.id === 'retried');
  const retry = await postSigned(h.eventsUrl, body, { secret: SECRET, retryNum: 1 });
  expect(retry.status).toBe(200);
  await expectNothingRanFor('none');
  expect(h.slack.responses.items.filter((r) => r.id === 'retried')).toHaveLength(1);
  expect(dispatch.mock.calls.filter(([request]) => request.requestId === 'trigger-retried')).toHaveLength(1);
  expect(h.app.logger.lines.some((l) => l.message === 'slack: retried delivery skipped')).toBe(true);
});

it('a retry is dropped even while the first delivery is still running', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const original = h.app.dispatcher.dispatch.bind(h.app.dispatcher);
  const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch').mockImplementation(async (...args) => {
    await gate;
    return original(...args);
  });
  const body = timelineBody('slow-first', 'trigger-slow-first');
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET, retryNum: 1 })).status).toBe(200);
  release();
  await h.slack.responses.atLeast(1, (r) => r.id === 'slow-first');
  await expectNothingRanFor('none');
  expect(dispatch.mock.calls.filter(([request]) => request.requestId === 'trigger-slow-first')).toHaveLength(1);
  expect(h.slack.responses.items.filter((r) => r.id === 'slow-first')).toHaveLength(1);
});

it('the same trigger id delivered twice without a retry header still runs once', async () => {
  const dispatch = vi.spyOn(h.app.dispatcher, 'dispatch');
  const body = timelineBody('twice', 'trigger-twice');
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  expect((await postSigned(h.eventsUrl, body, { secret: SECRET })).status).toBe(200);
  await h.slack.responses.atLeast(1, (r) => r.id === 'twice');
  await expectNothingRanFor('none');
  expect(dispatch.mock.calls.filter(([request]) => request.requestId === 'trigger-twice')).toHaveLength(1);
  expect(h.slack.responses.items.filter((r) => r.id === 'twice')).toHaveLength(1);
});
