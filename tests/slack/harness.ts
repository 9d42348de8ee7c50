// A seeded Sitrep with the real Slack adapter (Bolt's HTTP receiver on 127.0.0.1) talking to the
// fake Slack. Tests send signed requests and read what reached the fake response_url.
import type { types } from '@slack/bolt';
import { startSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.js';
import { FakeSlack, type ResponseUrlPost } from '../fakes/slack-api.js';
import {
  blockActionsBody,
  formBody,
  postSigned,
  slashCommandPayload,
  viewSubmissionBody,
  type SignOptions,
  type SlashCommandFields,
  type SubmittedInput,
} from '../fakes/slack-requests.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

export const SECRET = 'test-signing-secret';

export interface Harness {
  app: TestApp;
  slack: FakeSlack;
  /** The running adapter; replaced by restart(). */
  adapter: SlackAdapter;
  /** Where Slack delivers requests; changes with restart(). */
  eventsUrl: string;
  /** Sends a signed slash command and returns the HTTP status Bolt answered. */
  send(fields: Omit<SlashCommandFields, 'responseUrl'> & { responseUrl?: string }, sign?: Partial<SignOptions>): Promise<Response>;
  /** Sends `/command text` and returns what was posted to its response_url. */
  command(commandAndText: string, fields?: Partial<SlashCommandFields>): Promise<ResponseUrlPost['body']>;
  /** Presses a button of a rendered message and returns what was posted to its response_url. */
  press(button: types.Button, userId?: string): Promise<ResponseUrlPost['body']>;
  /** Sends `/command text` that should open a modal and returns the view passed to views.open. */
  openForm(commandAndText: string, fields?: Partial<SlashCommandFields>): Promise<types.ModalView>;
  /**
   * Submits a modal with the given fields (text, or an option's value for selects) and returns
   * Bolt's HTTP answer: `undefined` body when it closed the modal, the response_action otherwise.
   */
  submitForm(view: types.ModalView, fields: Record<string, string>, options?: { viewId?: string; userId?: string }): Promise<FormAnswer>;
  /**
   * Stops the Slack app and starts a new one on the same store and fake Slack, as a restart of
   * Sitrep would: everything the adapter kept in memory is gone.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface FormAnswer {
  status: number;
  body: { response_action?: string; errors?: Record<string, string> } | undefined;
}

/** What each input of a modal starts with, by block id, in order ('' for an empty one): what Slack sends back untouched. */
export function formStartValues(view: types.ModalView): Record<string, string> {
  const inputs = (view.blocks as types.KnownBlock[]).filter((b): b is types.InputBlock => b.type === 'input');
  return Object.fromEntries(inputs.map((b) => {
    const element = b.element as { initial_value?: string; initial_option?: { value: string } };
    return [b.block_id!, element.initial_value ?? element.initial_option?.value ?? ''];
  }));
}

/** The inputs of a modal filled in as a user would: only the fields given, the rest empty. */
export function formState(view: types.ModalView, fields: Record<string, string>): Record<string, Record<string, SubmittedInput>> {
  const values: Record<string, Record<string, SubmittedInput>> = {};
  for (const block of view.blocks as types.KnownBlock[]) {
    if (block.type !== 'input' || !block.block_id) continue;
    const element = block.element as { type: string; action_id?: string; options?: { text: { type: 'plain_text'; text: string }; value: string }[] };
    const given = fields[block.block_id];
    const input: SubmittedInput =
      element.type === 'static_select'
        ? { type: element.type, selected_option: given === undefined ? null : (element.options ?? []).find((o) => o.value === given) ?? { text: { type: 'plain_text', text: given }, value: given } }
        : { type: element.type, value: given ?? null };
    values[block.block_id] = { [element.action_id!]: input };
  }
  return values;
}

/**
 * `now` is the adapter's clock (request signatures); `appNow` the app's, to edit the dossier at
 * known times; `uploadReadyWaitsMs` the adapter's waits for a picture Slack has not finished.
 */
export async function startHarness(options: { admins?: string; now?: () => number; appNow?: () => Date; uploadReadyWaitsMs?: readonly number[] } = {}): Promise<Harness> {
  const slack = await FakeSlack.start();
  const app = createTestApp(options.admins ?? '', options.appNow);
  const startAdapter = () =>
    startSlackAdapter(
      { config: { botToken: 'xoxb-test', signingSecret: SECRET, port: 0, apiUrl: slack.apiUrl }, dispatcher: app.dispatcher, logger: app.logger },
      { host: '127.0.0.1', ...(options.now ? { now: options.now } : {}), ...(options.uploadReadyWaitsMs ? { uploadReadyWaitsMs: options.uploadReadyWaitsMs } : {}) },
    );
  const urlOf = (adapter: SlackAdapter) => `http://127.0.0.1:${adapter.port}/slack/events`;
  const adapter = await startAdapter();
  const harness: Harness = {
    app,
    slack,
    adapter,
    eventsUrl: urlOf(adapter),
    send: (fields, sign = {}) =>
      postSigned(harness.eventsUrl, formBody(slashCommandPayload({ responseUrl: slack.responseUrl(), ...fields })), { secret: SECRET, ...sign }),
    async command(commandAndText, fields = {}) {
      const [command, ...rest] = commandAndText.split(' ');
      const id = `cmd-${slack.responses.items.length}-${Math.random().toString(36).slice(2)}`;
      const res = await harness.send({ command: command!, text: rest.join(' '), responseUrl: slack.responseUrl(id), ...fields });
      if (res.status !== 200) throw new Error(`Bolt answered ${res.status}`);
      const [post] = await slack.responses.atLeast(1, (r) => r.id === id);
      return post!.body;
    },
    async press(button, userId) {
      const id = `press-${Math.random().toString(36).slice(2)}`;
      const body = blockActionsBody({ actionId: button.action_id!, value: button.value!, responseUrl: slack.responseUrl(id), ...(userId ? { userId } : {}) });
      const res = await postSigned(harness.eventsUrl, body, { secret: SECRET });
      if (res.status !== 200) throw new Error(`Bolt answered ${res.status}`);
      const [post] = await slack.responses.atLeast(1, (r) => r.id === id);
      return post!.body;
    },
    async openForm(commandAndText, fields = {}) {
      const [command, ...rest] = commandAndText.split(' ');
      const triggerId = `form-${Math.random().toString(36).slice(2)}`;
      const res = await harness.send({ command: command!, text: rest.join(' '), ...fields, triggerId });
      if (res.status !== 200) throw new Error(`Bolt answered ${res.status}`);
      const [call] = await slack.calls.atLeast(1, (c) => c.method === 'views.open' && c.args.trigger_id === triggerId);
      return call!.args.view as types.ModalView;
    },
    async submitForm(view, fields, options = {}) {
      const body = viewSubmissionBody({
        view: view as unknown as Record<string, unknown>,
        values: formState(view, fields),
        viewId: options.viewId ?? `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
        ...(options.userId ? { userId: options.userId } : {}),
      });
      const res = await postSigned(harness.eventsUrl, body, { secret: SECRET });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as FormAnswer['body']) : undefined };
    },
    async restart() {
      await harness.adapter.stop();
      harness.adapter = await startAdapter();
      harness.eventsUrl = urlOf(harness.adapter);
    },
    async close() {
      await harness.adapter.stop();
      await slack.close();
      app.dispose();
    },
  };
  return harness;
}

export interface SocketModeHarness {
  slack: FakeSlack;
  app: TestApp;
  adapter: SlackAdapter;
  close(): Promise<void>;
}

/** A seeded Sitrep with the real Slack adapter in Socket Mode (an app token): no HTTP endpoint at all. */
export async function startSocketModeHarness(): Promise<SocketModeHarness> {
  const slack = await FakeSlack.start();
  const app = createTestApp();
  const config = { botToken: 'xoxb-test', appToken: 'xapp-1-A0TEST-1-secret', port: 0, apiUrl: slack.apiUrl };
  const adapter = await startSlackAdapter({ config, dispatcher: app.dispatcher, logger: app.logger });
  return {
    slack,
    app,
    adapter,
    async close() {
      await adapter.stop();
      await slack.close();
      app.dispose();
    },
  };
}

type Body = Record<string, unknown>;

let commandsSent = 0;

/**
 * Sends `/command text` to the adapter listening on `port`, signed as Slack signs it, from
 * `from.userId` in `from.channelId`; returns what reached its response_url (within `waitMs`).
 */
export async function sendCommand(slack: FakeSlack, port: number | undefined, commandAndText: string, from: { userId: string; channelId: string }, waitMs?: number): Promise<Body> {
  if (port === undefined) throw new Error('the adapter is not listening');
  const [name, ...rest] = commandAndText.split(' ');
  const id = `cmd-${(commandsSent += 1)}`;
  const payload = slashCommandPayload({ command: name!, text: rest.join(' '), responseUrl: slack.responseUrl(id), ...from });
  const status = (await postSigned(`http://127.0.0.1:${port}/slack/events`, formBody(payload), { secret: SECRET })).status;
  if (status !== 200) throw new Error(`the adapter answered ${status} to ${commandAndText}`);
  const [post] = await slack.responses.atLeast(1, (r) => r.id === id, waitMs);
  return post!.body;
}

export function blocksOf(body: Body): types.KnownBlock[] {
  return (body.blocks ?? []) as types.KnownBlock[];
}

/** All the mrkdwn and plain text a message shows, block by block, in order. */
export function textsOf(body: Body): string[] {
  const out: string[] = [];
  for (const block of blocksOf(body)) {
    if (block.type === 'header') out.push(block.text.text);
    if (block.type === 'section') {
      if (block.text) out.push(block.text.text);
      for (const field of block.fields ?? []) out.push(field.text);
    }
    if (block.type === 'context') for (const el of block.elements) if ('text' in el) out.push(el.text);
  }
  return out;
}

export function shownText(body: Body): string {
  return textsOf(body).join('\n');
}

export function buttonsOf(body: Body): types.Button[] {
  return blocksOf(body)
    .filter((b): b is types.ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is types.Button => e.type === 'button'));
}

/** The labels of a message's buttons, in order. */
export function labelsOf(body: Body): string[] {
  return buttonsOf(body).map((b) => b.text.text);
}

/**
 * The button labelled `label` (Previous page, Next page…), or `label` with where it leads after
 * it: `Next page` finds `Next page (2 of 3)`.
 */
export function button(body: Body, label: string): types.Button {
  const found = buttonsOf(body).find((b) => b.text.text === label || b.text.text.startsWith(`${label} (`));
  if (!found) throw new Error(`no button ${label}; have ${labelsOf(body).join(', ')}`);
  return found;
}
