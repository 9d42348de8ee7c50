// A local fake Discord on an ephemeral 127.0.0.1 port: REST under /api/v10 and a gateway
// WebSocket at /gateway, good enough for the real discord.js client to log in and talk to.
// Every REST request is captured so tests can assert on (and validate) what the bot sent.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './discord-gateway.js';
import { buttonPress, modalSubmit, snowflake, type FakeGuild, type FakeUser, type InteractionEnvelope } from './discord-payloads.js';
import { readMultipart, type UploadedFile } from './discord-multipart.js';
import { FakeRest, type CapturedRequest, type ChannelFailure, type Reply } from './discord-rest.js';

export type { CapturedRequest, ChannelFailure, UploadedFile };

export interface FakeDiscordOptions {
  token?: string;
  appId?: string;
  guild?: Partial<FakeGuild>;
  heartbeatIntervalMs?: number;
}

/** A request's JSON body, or, for a message with files (multipart), its payload_json and the files. */
async function readBody(request: IncomingMessage): Promise<{ body: unknown; files?: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined };
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) return readMultipart(raw, type);
  if (!type.startsWith('application/json')) throw new Error(`fake discord: unexpected content-type ${type}`);
  return { body: JSON.parse(raw.toString('utf8')) };
}

export class FakeDiscord {
  readonly requests: CapturedRequest[] = [];
  readonly token: string;
  readonly appId: string;
  readonly guild: FakeGuild;
  readonly botUser: FakeUser;
  readonly gateway: FakeGateway;
  readonly rest: FakeRest;
  private readonly server: Server;
  private readonly waiters = new Set<() => void>();

  private constructor(options: FakeDiscordOptions) {
    this.token = options.token ?? 'fake-bot-token';
    this.appId = options.appId ?? snowflake();
    this.guild = { id: snowflake(), name: 'Test guild', channelId: snowflake(), roleIds: [], ...options.guild };
    this.botUser = { id: this.appId, username: 'Sitrep' };
    const shared = { token: this.token, appId: this.appId, botUser: this.botUser, guild: this.guild };
    this.gateway = new FakeGateway({
      ...shared,
      resumeUrl: () => this.gatewayUrl,
      ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
    });
    this.rest = new FakeRest({ ...shared, gatewayUrl: () => this.gatewayUrl });
    this.server = createServer((request, response) => {
      void this.serve(request).then(({ status, body, headers, withheld }) => {
        // The client hears nothing and gives up in its own time, closing the connection.
        if (withheld) return;
        response.writeHead(status, { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
        response.end(body === undefined ? undefined : JSON.stringify(body));
      });
    });
    this.server.on('upgrade', (request, socket, head) => {
      if (request.url?.startsWith('/gateway')) this.gateway.handleUpgrade(request, socket, head);
      else socket.destroy();
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  private get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** What DISCORD_API_URL would be set to. */
  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `${this.origin.replace('http', 'ws')}/gateway`;
  }

  private async serve(request: IncomingMessage) {
    const url = new URL(request.url ?? '/', this.origin);
    const { body, files } = await readBody(request);
    if (!url.pathname.startsWith('/api/v10/')) return { status: 404, body: { code: 0, message: '404: Not Found' } };
    const path = decodeURIComponent(url.pathname.slice('/api/v10'.length));
    const query = Object.fromEntries(url.searchParams);
    const authorization = request.headers.authorization;
    const reply = this.rest.handle(request.method ?? 'GET', path, query, authorization, body, files);
    this.requests.push({
      method: request.method ?? 'GET', path, query, ...(authorization ? { authorization } : {}), body, ...(files ? { files } : {}), status: reply.status,
      ...(request.method === 'POST' && typeof (reply.body as { id?: unknown } | undefined)?.id === 'string' ? { created: (reply.body as { id: string }).id } : {}),
      ...(reply.withheld ? { unanswered: true } : {}),
    });
    for (const wake of this.waiters) wake();
    return reply;
  }

  /** Sends INTERACTION_CREATE over the gateway, as Discord does when a user acts. */
  interact(interaction: InteractionEnvelope): InteractionEnvelope {
    const message = interaction.payload.message as { id: string } | undefined;
    const member = interaction.payload.member as { user: unknown };
    this.rest.trackInteraction(interaction.id, interaction.token, member.user, message?.id, Number(interaction.payload.type));
    this.gateway.dispatch('INTERACTION_CREATE', interaction.payload);
    return interaction;
  }

  /**
   * Presses a button on a message the bot sent earlier (as stored by the fake), which the press
   * carries as it was when it had that button (see FakeRest.asPressed).
   */
  press(user: FakeUser, message: Record<string, unknown>, customId: string): InteractionEnvelope {
    return this.interact(buttonPress(this.appId, this.guild, user, customId, this.rest.asPressed(message, customId)));
  }

  /**
   * Sends an interaction again with the same id and token, as a replayed gateway event would:
   * Discord refuses a second answer to it (40060), so only the store shows whether it ran twice.
   */
  redeliver(interaction: InteractionEnvelope): InteractionEnvelope {
    this.gateway.dispatch('INTERACTION_CREATE', interaction.payload);
    return interaction;
  }

  /** Submits a modal the bot opened, with the given text input values by custom id. */
  submitModal(user: FakeUser, customId: string, values: Record<string, string>): InteractionEnvelope {
    return this.interact(modalSubmit(this.appId, this.guild, user, customId, values, this.rest.modalOrigin(customId)));
  }

  failChannel(channelId: string, failure: ChannelFailure): void {
    this.rest.failChannel(channelId, failure);
  }

  /**
   * Messages created in the channel with a file are refused from now on, as Discord refuses a file
   * over the channel's upload limit (413, code 40005); messages without one are taken.
   */
  refuseFiles(channelId: string): void {
    this.rest.refuseFiles(channelId);
  }

  /** The user's direct message channel, once the bot opened it. */
  dmChannelOf(userId: string): string | undefined {
    return this.rest.dmChannelOf(userId);
  }

  /** The user no longer accepts direct messages from the bot: posts there answer 403, code 50007. */
  refuseDirectMessages(userId: string): void {
    this.rest.refuseDirectMessages(userId);
  }

  /** The next `times` messages posted to the channel are created, but Discord's answers never come. */
  answerNever(channelId: string, times = 1): void {
    this.rest.answerNever(channelId, times);
  }

  /** A guild member the bot may look up (`GET /guilds/{guild_id}/members/{user_id}`). */
  addMember(user: FakeUser, nick: string | null = null): void {
    this.rest.addMember(user, nick);
  }

  /** Every member lookup gets `failure` from now on; `undefined` ends it. */
  failMemberLookups(failure: Reply | undefined): void {
    this.rest.failMemberLookups(failure);
  }

  /** Resolves with the first captured request matching `predicate`, waiting for it if needed. */
  async waitFor(predicate: (r: CapturedRequest) => boolean, timeoutMs = 15_000): Promise<CapturedRequest> {
    const found = this.requests.find(predicate);
    if (found) return found;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const match = this.requests.find(predicate);
        if (!match) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(match);
      };
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
