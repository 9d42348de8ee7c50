// A running Sitrep Discord adapter (the real discord.js client) against the fake Discord, with
// helpers that act as a user and return what that user would see.
import { expect } from 'vitest';
import { startDiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/index.js';
import type { RunningAdapter } from '../../../src/adapters/running-adapter.js';
import type { Dispatcher } from '../../../src/core/dispatcher.js';
import { FakeDiscord, type CapturedRequest } from '../../fakes/discord-fake.js';
import { autocomplete, rawOptions, slashCommand, snowflake, type FakeUser, type InteractionEnvelope, type RawOption } from '../../fakes/discord-payloads.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export interface Embed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface Button {
  type: 2;
  style: number;
  custom_id: string;
  label: string;
  disabled?: boolean;
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
  /** How the bot answered first: 4 reply, 5 deferred, 6 deferred update, 7 update, 8 choices. */
  callbackType: number;
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
  press(answer: Answer, label: 'Next ▶' | '◀ Previous', user?: FakeUser): Promise<Answer>;
  close(): Promise<void>;
}

const EPHEMERAL = 64;

export function buttons(body: MessageBody): Button[] {
  return (body.components ?? []).flatMap((row) => row.components);
}

async function settle(fake: FakeDiscord, interaction: InteractionEnvelope): Promise<Answer> {
  const { id, token } = interaction;
  const callback = await fake.waitFor((r) => r.path === `/interactions/${id}/${token}/callback`);
  const payload = callback.body as { type: number; data?: MessageBody };
  let body: MessageBody = payload.data ?? {};
  if (payload.type === 5 || payload.type === 6) {
    const webhook = `/webhooks/${fake.appId}/${token}`;
    const final = await fake.waitFor(
      (r) => (r.method === 'PATCH' && r.path === `${webhook}/messages/@original`) || (r.method === 'POST' && r.path === webhook),
    );
    body = final.body as MessageBody;
  }
  const message = fake.rest.originalMessage(token);
  return {
    interaction, callback, callbackType: payload.type, body,
    ephemeral: ((body.flags ?? 0) & EPHEMERAL) !== 0,
    ...(message ? { message } : {}),
  };
}

export interface HarnessOptions {
  admins?: string;
  /** Replaces the app's dispatcher (e.g. one with extra test-only commands). */
  dispatcher?: (app: TestApp) => Dispatcher;
  adapter?: DiscordAdapterOptions;
  userRoles?: string[];
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const roleIds = options.userRoles ?? [];
  const fake = await FakeDiscord.start({ guild: { roleIds } });
  const app = createTestApp(options.admins ?? '');
  const dispatcher = options.dispatcher ? options.dispatcher(app) : app.dispatcher;
  const adapter = await startDiscordAdapter(
    { config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl }, dispatcher, logger: app.logger },
    options.adapter,
  );
  const user: FakeUser = { id: snowflake(), username: 'analyst', roles: roleIds };
  const other: FakeUser = { id: snowflake(), username: 'bystander' };
  const harness: Harness = {
    fake, app, adapter, user, other,
    slash: (name, values = {}, opts = {}) => harness.slashRaw(name, rawOptions(values, opts.subcommand), opts.user),
    slashRaw: (name, raw, who = user) => settle(fake, fake.interact(slashCommand(fake.appId, fake.guild, who, name, raw))),
    async autocomplete(name, raw) {
      const interaction = fake.interact(autocomplete(fake.appId, fake.guild, user, name, raw));
      const answer = await settle(fake, interaction);
      expect(answer.callbackType).toBe(8);
      return (answer.callback.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    },
    async press(answer, label, who = user) {
      const button = buttons(answer.body).find((b) => b.label === label);
      if (!button) throw new Error(`no "${label}" button on ${JSON.stringify(answer.body.components)}`);
      if (!answer.message) throw new Error('the fake holds no message for this answer');
      return settle(fake, fake.press(who, answer.message, button.custom_id));
    },
    async close() {
      await adapter.stop();
      await fake.close();
      app.dispose();
    },
  };
  return harness;
}
