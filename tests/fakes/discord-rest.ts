// The fake REST API under /api/v10: interaction callbacks, webhook edits and follow-ups,
// channel messages (with nonce enforcement) and their edits, direct message channels, guild
// members and command registration, answering as Discord does (including its errors, and
// answers that never come).
import { attachmentObjects, type UploadedFile } from './discord-multipart.js';
import { memberObject, snowflake, userObject, type FakeGuild, type FakeUser } from './discord-payloads.js';

export interface CapturedRequest {
  method: string;
  /** Path after /api/v10, percent-decoded: `/webhooks/1/abc/messages/@original`. */
  path: string;
  query: Record<string, string>;
  authorization?: string;
  /** For multipart requests, the payload_json. */
  body: unknown;
  /** Files sent with a message (multipart). */
  files?: UploadedFile[];
  status: number;
  /** The id of the message the request created, if it created one. */
  created?: string;
  /** The work was done but the answer never sent (see FakeDiscord.answerNever). */
  unanswered?: true;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Discord did the work, but its answer never reaches the client, who waits until it gives up. */
  withheld?: boolean;
}

export interface ChannelFailure extends Reply {
  /** How many posts fail before the channel works again; unlimited when absent. */
  times?: number;
  /** How many posts still succeed before the failures begin. */
  after?: number;
}

interface InteractionRecord {
  id: string;
  token: string;
  dispatchedAt: number;
  acknowledged: boolean;
  /** The original response, or for a component interaction the message the component is on. */
  messageId?: string;
  component: boolean;
  /** INTERACTION type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  user: unknown;
}

type Json = Record<string, unknown>;
const LOADING_FLAG = 128;
/** Discord's first-response window for an interaction token. */
export const INITIAL_RESPONSE_WINDOW_MS = 3_000;
/** How long an enforced nonce keeps answering with its first message ("a few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;
const MAX_NONCE_LENGTH = 25;

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });

/** The custom_ids of the buttons in a message's components, however deep they sit. */
function customIdsIn(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.flatMap((c: { custom_id?: unknown; components?: unknown }) => [...(typeof c?.custom_id === 'string' ? [c.custom_id] : []), ...customIdsIn(c?.components)]);
}

export class FakeRest {
  readonly messages = new Map<string, Json>();
  /** Every version of each message, oldest first, by id: a press may come from an older one. */
  private readonly versions = new Map<string, Json[]>();
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly failures = new Map<string, ChannelFailure>();
  /** Guild members the bot can look up, by user id; the gateway sends none (no members intent). */
  private readonly members = new Map<string, Json>();
  /** When set, every member lookup gets this answer instead (an outage, a missing permission). */
  private memberFailure: Reply | undefined;
  /** The bot's messages created with an enforced nonce, by nonce. */
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  /** Channels whose next message creates are done but never answered, with how many remain. */
  private readonly silences = new Map<string, number>();

  /** Each user's direct message channel with the bot, by user id, and the other way round. */
  private readonly dmChannels = new Map<string, string>();
  private readonly dmRecipients = new Map<string, string>();
  /** Channels where a message created with a file is refused as too large (413, 40005). */
  private readonly fileRefusals = new Set<string>();
  /** Users who do not accept direct messages from the bot: posting to them answers 50007. */
  private readonly closedDms = new Set<string>();

  /** The message each modal was opened from by a button on it, by the modal's custom_id: its submission carries that message. */
  private readonly modalOrigins = new Map<string, string>();

  /** The files of the request being handled, which become its message's attachments. */
  private files: readonly UploadedFile[] = [];

  constructor(private readonly options: { token: string; appId: string; botUser: FakeUser; guild: FakeGuild; gatewayUrl: () => string }) {}

  trackInteraction(id: string, token: string, user: unknown, componentMessageId?: string, type = 2): void {
    const record: InteractionRecord = { id, token, user, type, dispatchedAt: Date.now(), acknowledged: false, component: componentMessageId !== undefined };
    if (componentMessageId) record.messageId = componentMessageId;
    this.interactions.set(token, record);
  }

  failChannel(channelId: string, failure: ChannelFailure): void {
    this.failures.set(channelId, failure);
  }

  /** The message a modal was opened from, as it is now (absent: opened by a slash command). */
  modalOrigin(customId: string): Json | undefined {
    const id = this.modalOrigins.get(customId);
    return id === undefined ? undefined : this.messages.get(id);
  }

  /**
   * `message` as Discord sends it with a press of the button `customId`: its latest version that
   * had that button (a press sent before the message changed), else `message` as given.
   */
  asPressed(message: Json, customId: string): Json {
    const versions = this.versions.get(String(message.id)) ?? [];
    return versions.findLast((v) => customIdsIn(v.components).includes(customId)) ?? message;
  }

  /** The user's direct message channel, once the bot opened it. */
  dmChannelOf(userId: string): string | undefined {
    return this.dmChannels.get(userId);
  }

  /** Messages created in the channel with a file are refused as over its upload limit. */
  refuseFiles(channelId: string): void {
    this.fileRefusals.add(channelId);
  }

  /** The user closes their direct messages to the bot (server privacy settings, or a block). */
  refuseDirectMessages(userId: string): void {
    this.closedDms.add(userId);
  }

  addMember(user: FakeUser, nick: string | null = null): void {
    this.members.set(user.id, memberObject(user, nick));
  }

  failMemberLookups(failure: Reply | undefined): void {
    this.memberFailure = failure;
  }

  /** The next `times` messages created in the channel are created, but their answers never come. */
  answerNever(channelId: string, times = 1): void {
    this.silences.set(channelId, times);
  }

  /** The message a follow-up, edit or callback produced, as a client would see it. */
  originalMessage(token: string): Json | undefined {
    const id = this.interactions.get(token)?.messageId;
    return id ? this.messages.get(id) : undefined;
  }

  handle(method: string, path: string, query: Record<string, string>, authorization: string | undefined, body: unknown, files: readonly UploadedFile[] = []): Reply {
    this.files = files;
    const parts = path.split('/').filter(Boolean);
    const is = (m: string, pattern: RegExp) => method === m && pattern.test(path);
    if (is('POST', /^\/interactions\/[^/]+\/[^/]+\/callback$/)) return this.callback(parts[1]!, parts[2]!, body as Json, query);
    if (/^\/webhooks\//.test(path)) return this.webhook(method, parts, body as Json);
    if (authorization !== `Bot ${this.options.token}`) return error(401, 0, '401: Unauthorized');
    if (is('GET', /^\/gateway\/bot$/)) {
      return { status: 200, body: { url: this.options.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } };
    }
    if (is('POST', /^\/users\/@me\/channels$/)) return this.openDm(body as Json);
    if (is('POST', /^\/channels\/\d+\/messages$/)) return this.channelMessage(parts[1]!, body as Json);
    if (is('PATCH', /^\/channels\/\d+\/messages\/\d+$/)) return this.editChannelMessage(parts[1]!, parts[3]!, body as Json);
    if (is('GET', /^\/guilds\/\d+\/members\/\d+$/)) return this.member(parts[1]!, parts[3]!);
    if (is('PUT', /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/)) return this.putCommands(parts[1]!, body as Json[]);
    return error(404, 0, '404: Not Found');
  }

  private message(channelId: string, data: Json, extra: Json = {}): Json {
    const message: Json = {
      id: snowflake(), channel_id: channelId, author: userObject(this.options.botUser, true), content: data.content ?? '',
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [],
      mention_roles: [], attachments: attachmentObjects(data, this.files, snowflake), embeds: data.embeds ?? [], pinned: false, type: 0, flags: data.flags ?? 0,
      components: data.components ?? [], application_id: this.options.appId, ...extra,
    };
    this.messages.set(message.id as string, message);
    this.keepVersion(message);
    return message;
  }

  private keepVersion(message: Json): void {
    const id = String(message.id);
    this.versions.set(id, [...(this.versions.get(id) ?? []), structuredClone(message)]);
  }

  private edit(id: string, data: Json): Json {
    const message = this.messages.get(id)!;
    for (const key of ['content', 'embeds', 'components'] as const) if (data[key] !== undefined) message[key] = data[key];
    // `attachments` lists what the message keeps (by id) beside the files sent with the edit; absent, it keeps what it had.
    if (Array.isArray(data.attachments)) {
      const kept = new Set((data.attachments as { id: unknown }[]).map((a) => String(a.id)));
      const before = (message.attachments ?? []) as { id: string }[];
      message.attachments = [...before.filter((a) => kept.has(a.id)), ...attachmentObjects(data, this.files, snowflake)];
    } else if (this.files.length > 0) message.attachments = attachmentObjects(data, this.files, snowflake);
    message.flags = (Number(message.flags) & ~LOADING_FLAG) | (Number(data.flags ?? 0) & ~LOADING_FLAG);
    message.edited_timestamp = new Date().toISOString();
    this.keepVersion(message);
    return message;
  }

  private callback(id: string, token: string, body: Json, query: Record<string, string>): Reply {
    const record = this.interactions.get(token);
    if (!record || record.id !== id || Date.now() - record.dispatchedAt > INITIAL_RESPONSE_WINDOW_MS) {
      return error(404, 10062, 'Unknown interaction');
    }
    if (record.acknowledged) return error(400, 40060, 'Interaction has already been acknowledged.');
    // A modal opens only in answer to a command or a component, never to another modal.
    if (body.type === 9 && record.type !== 2 && record.type !== 3) return error(400, 50035, 'Invalid Form Body');
    // Only an interaction from a message (a component, or a modal opened by one) can update that message.
    if ((body.type === 6 || body.type === 7) && !record.component) return error(400, 50035, 'Invalid Form Body');
    record.acknowledged = true;
    const data = (body.data ?? {}) as Json;
    if (body.type === 9 && record.type === 3 && record.messageId) this.modalOrigins.set(String(data.custom_id), record.messageId);
    const channelId = this.options.guild.channelId;
    if (body.type === 4) record.messageId = this.message(channelId, data, { type: 20, interaction_metadata: { id, type: 2, user: record.user, authorizing_integration_owners: {} } }).id as string;
    if (body.type === 5) record.messageId = this.message(channelId, { flags: Number(data.flags ?? 0) | LOADING_FLAG }, { type: 20, interaction_metadata: { id, type: 2, user: record.user, authorizing_integration_owners: {} } }).id as string;
    if (body.type === 7 && record.messageId) this.edit(record.messageId, data);
    if (query.with_response === 'true') return { status: 200, body: { interaction: { id, type: 2 }, resource: { type: body.type } } };
    return { status: 204 };
  }

  private webhook(method: string, parts: string[], body: Json): Reply {
    const [, appId, token, sub, target] = parts;
    const record = token ? this.interactions.get(token) : undefined;
    if (appId !== this.options.appId || !record || !record.acknowledged) return error(404, 10015, 'Unknown Webhook');
    if (sub === 'messages' && target === '@original') {
      if (!record.messageId || !this.messages.has(record.messageId)) return error(404, 10008, 'Unknown Message');
      if (method === 'PATCH') return { status: 200, body: this.edit(record.messageId, body) };
      if (method === 'DELETE') {
        this.messages.delete(record.messageId);
        return { status: 204 };
      }
    }
    if (sub === undefined && method === 'POST') return { status: 200, body: this.message(this.options.guild.channelId, body, { webhook_id: appId }) };
    return error(404, 0, '404: Not Found');
  }

  /** The failure a request to the channel gets now, if any (posts and edits count alike). */
  private failing(channelId: string): Reply | undefined {
    const failure = this.failures.get(channelId);
    if (failure?.after) failure.after -= 1;
    else if (failure && (failure.times === undefined || failure.times > 0)) {
      if (failure.times !== undefined) failure.times -= 1;
      return failure;
    }
    return undefined;
  }

  /**
   * A message create. With `enforce_nonce`, a nonce the bot used within the last few minutes is
   * answered with the message it created then, and nothing new is posted.
   */
  /** POST /users/@me/channels: the DM channel with `recipient_id`, the same one each time. */
  private openDm(body: Json): Reply {
    const userId = typeof body?.recipient_id === 'string' ? body.recipient_id : undefined;
    if (!userId) return error(400, 50035, 'Invalid Form Body');
    let channelId = this.dmChannels.get(userId);
    if (!channelId) {
      channelId = snowflake();
      this.dmChannels.set(userId, channelId);
      this.dmRecipients.set(channelId, userId);
    }
    return { status: 200, body: { id: channelId, type: 1, flags: 0, last_message_id: null, recipients: [userObject({ id: userId, username: `user${userId}` })] } };
  }

  private channelMessage(channelId: string, body: Json): Reply {
    const failure = this.failing(channelId);
    if (failure) return failure;
    const recipient = this.dmRecipients.get(channelId);
    if (recipient && this.closedDms.has(recipient)) return error(403, 50007, 'Cannot send messages to this user');
    if (this.files.length > 0 && this.fileRefusals.has(channelId)) return error(413, 40005, 'Request entity too large');
    const nonce = body.nonce === undefined || body.nonce === null ? undefined : String(body.nonce);
    if (nonce !== undefined && nonce.length > MAX_NONCE_LENGTH) return error(400, 50035, 'Invalid Form Body');
    const enforced = nonce !== undefined && body.enforce_nonce === true;
    const earlier = enforced ? this.nonces.get(nonce) : undefined;
    if (earlier && Date.now() - earlier.at < NONCE_WINDOW_MS && this.messages.has(earlier.messageId)) {
      return { status: 200, body: this.messages.get(earlier.messageId) };
    }
    const message = this.message(channelId, body, nonce === undefined ? {} : { nonce: body.nonce });
    if (enforced) this.nonces.set(nonce, { messageId: message.id as string, at: Date.now() });
    const silent = this.silences.get(channelId) ?? 0;
    if (silent > 0) this.silences.set(channelId, silent - 1);
    return { status: 200, body: message, ...(silent > 0 ? { withheld: true } : {}) };
  }

  private editChannelMessage(channelId: string, messageId: string, body: Json): Reply {
    const failure = this.failing(channelId);
    if (failure) return failure;
    if (this.messages.get(messageId)?.channel_id !== channelId) return error(404, 10008, 'Unknown Message');
    return { status: 200, body: this.edit(messageId, body) };
  }

  private member(guildId: string, userId: string): Reply {
    if (this.memberFailure) return this.memberFailure;
    if (guildId !== this.options.guild.id) return error(404, 10004, 'Unknown Guild');
    const member = this.members.get(userId);
    return member ? { status: 200, body: member } : error(404, 10007, 'Unknown Member');
  }

  private putCommands(appId: string, body: Json[]): Reply {
    if (appId !== this.options.appId) return error(403, 50001, 'Missing Access');
    const commands = body.map((command) => ({
      ...command, id: snowflake(), application_id: appId, version: snowflake(),
      default_member_permissions: command.default_member_permissions === undefined ? null : String(command.default_member_permissions),
    }));
    return { status: 200, body: commands };
  }
}
