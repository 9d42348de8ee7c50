// GIVEN the real Bolt app, over HTTP and over Socket Mode, WHEN Slack delivers a payload Bolt
// cannot read (a null payload and an events_api envelope without its event ended the process
// before; the others Bolt logged without naming them and left for Slack to send again), THEN it
// is logged with its ids, answered so Slack does not send it again, and the bot goes on serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../fakes/slack-api.js';
import { formBody, postSigned, sign, slashCommandPayload } from '../fakes/slack-requests.js';
import type { LoggedLine, TestApp } from '../support/test-app.js';
import { SECRET, shownText, startHarness, startSocketModeHarness, type Harness, type SocketModeHarness } from './harness.js';

const user = { id: 'U0ALICE', username: 'alice', team_id: 'T0TEST' };
const press = { type: 'block_actions', user, team: { id: 'T0TEST' }, trigger_id: 't-press', actions: [{ type: 'button', action_id: 'sitrep_button_1', value: 'x' }] };
const submission = { type: 'view_submission', user, team: { id: 'T0TEST' }, trigger_id: 't-form', view: { id: 'V1', callback_id: 'sitrep_form', private_metadata: 'x', state: { values: {} } } };

/** [what is wrong, the payload]: Bolt fails to read each, before any listener runs. */
const UNREADABLE: [string, Record<string, unknown>][] = [
  ['a button press without its user', { ...press, user: undefined }],
  ['a button press whose actions are not a list', { ...press, actions: { type: 'button' } }],
  ['a form submission without its view', { ...submission, view: undefined }],
  ['a form closed without its view', { type: 'view_closed', user, team: { id: 'T0TEST' } }],
  ['an event whose event is null', { type: 'event_callback', team_id: 'T0TEST', event: null }],
];

const said = (logger: { lines: LoggedLine[] }, message: string) => logger.lines.filter((l) => l.message === message).map((l) => l.context);

describe('GIVEN the HTTP receiver', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (payload: unknown) => postSigned(h.eventsUrl, formBody({ payload: JSON.stringify(payload) }), { secret: SECRET });

  it('WHEN a form-encoded payload is null THEN it is answered 400 and logged', async () => {
    expect((await post(null)).status).toBe(400);
    expect(said(h.app.logger, 'slack: dropped a request whose payload is not an object')).toEqual([{ payload: 'payload=null' }]);
  });

  it('WHEN a JSON body is null THEN it is answered 400 too', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(SECRET, timestamp, 'null') };
    expect((await fetch(h.eventsUrl, { method: 'POST', headers, body: 'null' })).status).toBe(400);
  });

  it('WHEN a null payload is not signed THEN Bolt refuses it (401) as any unsigned request', async () => {
    const res = await postSigned(h.eventsUrl, formBody({ payload: 'null' }), { secret: SECRET, signature: 'v0=forged' });
    expect(res.status).toBe(401);
  });

  it.each(UNREADABLE)('WHEN %s arrives THEN it is logged with its ids and acknowledged (200)', async (_what, payload) => {
    expect((await post(payload)).status).toBe(200);
    expect(said(h.app.logger, 'slack: dropped a request it could not read').at(-1)).toMatchObject({ type: payload.type });
  });

  it('THEN the ids say which request it was', () => {
    expect(said(h.app.logger, 'slack: dropped a request it could not read')[0]).toMatchObject({ type: 'block_actions', triggerId: 't-press', team: 'T0TEST' });
  });

  it('THEN the bot still answers a command', async () => {
    expect(shownText(await h.command('/actor Dermer'))).toContain('Israeli Strategic Affairs Minister');
  });
});

describe('GIVEN Socket Mode', () => {
  let h: SocketModeHarness;
  let slack: FakeSlack;
  let app: TestApp;
  beforeAll(async () => {
    h = await startSocketModeHarness();
    ({ slack, app } = h);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Sends the envelope and waits for its ack. */
  async function deliver(envelope: Record<string, unknown>): Promise<void> {
    slack.socketMode.sendRaw(envelope);
    await slack.socketMode.acks.atLeast(1, (a) => a.envelope_id === envelope.envelope_id);
  }

  it.each([
    ['an events_api envelope without its event', { envelope_id: 'env-no-event', type: 'events_api', payload: { type: 'event_callback', team_id: 'T0TEST' } }],
    ['an events_api envelope whose event is null', { envelope_id: 'env-null-event', type: 'events_api', payload: { type: 'event_callback', event: null } }],
  ])('WHEN %s arrives THEN it is logged with its envelope id, acknowledged and dropped', async (_what, envelope) => {
    await deliver(envelope);
    expect(said(app.logger, 'slack: dropped a Socket Mode message it could not read')).toContainEqual(
      expect.objectContaining({ envelopeId: envelope.envelope_id, envelopeType: 'events_api', type: 'event_callback' }),
    );
  });

  it.each([['an interactive envelope without a payload', undefined] as const, ...UNREADABLE])(
    'WHEN %s arrives THEN it is logged with its envelope id, acknowledged and dropped',
    async (what, payload) => {
      const envelopeId = `env-${what.replace(/\W+/g, '-')}`;
      await deliver({ envelope_id: envelopeId, type: payload?.type === 'event_callback' ? 'events_api' : 'interactive', ...(payload ? { payload } : {}) });
      const dropped = [...said(app.logger, 'slack: dropped an event it could not read'), ...said(app.logger, 'slack: dropped a Socket Mode message it could not read')];
      expect(dropped).toContainEqual(expect.objectContaining({ envelopeId }));
    },
  );

  it('THEN the bot still answers a command', async () => {
    const payload = slashCommandPayload({ command: '/actor', text: 'Dermer', responseUrl: slack.responseUrl('after') });
    slack.socketMode.send('slash_commands', payload, 'env-after');
    const [answer] = await slack.responses.atLeast(1, (r) => r.id === 'after');
    expect(shownText(answer!.body)).toContain('Israeli Strategic Affairs Minister');
  });
});
