// A running Sitrep Discord adapter (the real discord.js client) against the fake Discord, with
// helpers that act as a user and return what that user would see.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startDiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../../src/adapters/running-adapter.js';
import type { Dispatcher } from '../../../src/core/dispatcher.js';
import { FakeDiscord, type CapturedRequest } from '../../fakes/discord-fake.js';
import { autocomplete, rawOptions, slashCommand, snowflake, type FakeUser, type InteractionEnvelope, type RawOption } from '../../fakes/discord-payloads.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { problemsIn } from './openapi.js';

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  image?: { url: string };
}

export interface Button {
  type: 2;
  style: number;
  custom_id: string;
  label: string;
  disabled?: boolean;
}

/** A modal as the bot opened it (callback type 9 data). */
export interface Modal {
  custom_id: string;
  title: string;
  components: {
    type: number;
    label: string;
    description?: string;
    component: { type: number; custom_id: string; style: number; max_length?: number; required?: boolean; value?: string };
  }[];
}

export interface MessageBody {
  embeds?: Embed[];
  components?: { type: 1; components: Button[] }[];
  flags?: number;
  allowed_mentions?: { parse: string[] };
}

/** What the user ends up seeing for one interaction. */
export interface Answer {
  interaction: InteractionEnvelope;
  callback: CapturedRequest;
  /** How the bot answered first: 4 reply, 5 deferred, 6 deferred update, 7 update, 8 choices, 9 modal. */
  callbackType: number;
  /** The modal the bot opened (callback type 9). */
  modal?: Modal;
  /** The message body that carries the final content (callback data, edit or follow-up). */
  body: MessageBody;
  ephemeral: boolean;
  /** The message as the fake stores it, for pressing its buttons. */
  message?: Record<string, unknown>;
}

export interface Harness {
  fake: FakeDiscord;
  app: TestApp;
  adapter: RunningAdapter;
  /** The user who runs commands, and someone else in the same guild. */
  user: FakeUser;
  other: FakeUser;
  slash(name: string, values?: Record<string, string | number | boolean>, options?: { subcommand?: string; user?: FakeUser }): Promise<Answer>;
  slashRaw(name: string, raw: RawOption[], user?: FakeUser): Promise<Answer>;
  autocomplete(name: string, raw: RawOption[]): Promise<{ name: string; value: string }[]>;
  press(answer: Answer, label: string, user?: FakeUser): Promise<Answer>;
  /** Submits a modal the bot opened, with text input values by custom id. */
  submit(customId: string, values: Record<string, string>, user?: FakeUser): Promise<Answer>;
  /** Delivers an interaction (built with the fake's payload builders) and waits for the answer. */
  deliver(interaction: InteractionEnvelope): Promise<Answer>;
  /** Delivers an interaction again (same id and token) and waits for the bot's second answer. */
  redeliver(interaction: InteractionEnvelope): Promise<Answer>;
  /** Stops the bot (what it keeps in memory goes with it) and starts a new one on the same store and Discord. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const EPHEMERAL = 64;

export function buttons(body: MessageBody): Button[] {
  return (body.components ?? []).flatMap((row) => row.components);
}

/** A button's label is `label`, or `label` with where it leads after it: `Next page` is `Next page (2 of 3)`. */
export function labelled(shown: string, label: string): boolean {
  return shown === label || shown.startsWith(`${label} (`);
}

/** The bot's answer to `interaction` among the requests captured from index `from` on. */
async function settle(fake: FakeDiscord, interaction: InteractionEnvelope, from: number): Promise<Answer> {
  const { id, token } = interaction;
  const after = (r: CapturedRequest) => fake.requests.indexOf(r) >= from;
  const callback = await fake.waitFor((r) => after(r) && r.path === `/interactions/${id}/${token}/callback`);
  const payload = callback.body as { type: number; data?: MessageBody | Modal };
  if (payload.type === 9) {
    return { interaction, callback, callbackType: 9, modal: payload.data as Modal, body: {}, ephemeral: false };
  }
  let body = (payload.data ?? {}) as MessageBody;
  let message = fake.rest.originalMessage(token);
  if (payload.type === 5 || payload.type === 6) {
    const webhook = `/webhooks/${fake.appId}/${token}`;
    const final = await fake.waitFor(
      (r) => after(r) && ((r.method === 'PATCH' && r.path === `${webhook}/messages/@original`) || (r.method === 'POST' && r.path === webhook)),
    );
    body = final.body as MessageBody;
    // A follow-up (a private answer once deferred) is a message of its own.
    if (final.created !== undefined) message = fake.rest.messages.get(final.created);
    else message = fake.rest.originalMessage(token);
  }
  return {
    interaction, callback, callbackType: payload.type, body,
    ephemeral: ((body.flags ?? 0) & EPHEMERAL) !== 0,
    ...(message ? { message } : {}),
  };
}

/** Sends an interaction through the fake and waits for what the bot answers to it. */
function exchange(fake: FakeDiscord, send: () => InteractionEnvelope): Promise<Answer> {
  const from = fake.requests.length;
  return settle(fake, send(), from);
}

export interface HarnessOptions {
  admins?: string;
  /** Replaces the app's dispatcher (e.g. one with extra test-only commands). */
  dispatcher?: (app: TestApp) => Dispatcher;
  adapter?: DiscordAdapterOptions;
  /** Role ids of the harness user; they exist in the guild. */
  userRoles?: string[];
  /** Further roles that exist in the guild, for other users. */
  guildRoles?: string[];
  /** The app's clock, for tests that edit the dossier at known times. */
  appNow?: () => Date;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const roleIds = options.userRoles ?? [];
  const fake = await FakeDiscord.start({ guild: { roleIds: [...new Set([...roleIds, ...(options.guildRoles ?? [])])] } });
  const app = createTestApp(options.admins ?? '', options.appNow);
  const dispatcher = options.dispatcher ? options.dispatcher(app) : app.dispatcher;
  const start = () => startDiscordAdapter({ config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher, logger: app.logger }, options.adapter);
  const adapter = await start();
  const user: FakeUser = { id: snowflake(), username: 'analyst', roles: roleIds };
  const other: FakeUser = { id: snowflake(), username: 'bystander' };
  const harness: Harness = {
    fake, app, adapter, user, other,
    slash: (name, values = {}, opts = {}) => harness.slashRaw(name, rawOptions(values, opts.subcommand), opts.user),
    slashRaw: (name, raw, who = user) => exchange(fake, () => fake.interact(slashCommand(fake.appId, fake.guild, who, name, raw))),
    async autocomplete(name, raw) {
      const answer = await exchange(fake, () => fake.interact(autocomplete(fake.appId, fake.guild, user, name, raw)));
      expect(answer.callbackType).toBe(8);
      return (answer.callback.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    },
    async press(answer, label, who = user) {
      const button = buttons(answer.body).find((b) => labelled(b.label, label));
      if (!button) throw new Error(`no "${label}" button on ${JSON.stringify(answer.body.components)}`);
      if (!answer.message) throw new Error('the fake holds no message for this answer');
      const message = answer.message;
      return exchange(fake, () => fake.press(who, message, button.custom_id));
    },
    submit: (customId, values, who = user) => exchange(fake, () => fake.submitModal(who, customId, values)),
    deliver: (interaction) => exchange(fake, () => fake.interact(interaction)),
    redeliver: (interaction) => exchange(fake, () => fake.redeliver(interaction)),
    async restart() {
      await harness.adapter.stop();
      await expect.poll(() => fake.gateway.connections).toBe(0);
      harness.adapter = await start();
    },
    async close() {
      await harness.adapter.stop();
      await fake.close();
      app.dispose();
    },
  };
  return harness;
}

/**
 * One harness for a file's tests: started before them (`started` keeps it, registers its poster…),
 * closed after them, and every request the bot sent checked against Discord's spec after each test.
 */
export function harnessForFile(options: HarnessOptions, started: (h: Harness) => void): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(options);
    started(h);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(() => {
    expect(problemsIn(h!.fake.requests)).toEqual([]);
  });
}
