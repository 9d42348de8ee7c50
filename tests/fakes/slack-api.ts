// A fake Slack on 127.0.0.1: the Web API (/api/<method>), response_url endpoints (/response/<id>)
// and a Socket Mode WebSocket (/socket). It records everything the real Bolt app sends to it, keeps
// the bot's channel messages (with their metadata, readable through conversations.history), opens
// direct message conversations (conversations.open, or refuses them) and can cut a call off after
// receiving it, as a connection reset would.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Recorded } from './slack-recorded.js';
import { FakeSocketMode } from './slack-socket-mode.js';

export { Recorded };

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

export interface ResponseUrlPost {
  id: string;
  // The JSON Bolt's respond() sends: text, blocks, response_type, replace_original…
  body: Record<string, unknown>;
}

/** Bytes POSTed to an upload address files.getUploadURLExternal gave out. */
export interface Upload {
  fileId: string;
  contentType: string | undefined;
  bytes: Buffer;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The connection is reset instead of answered. */
  cut?: true;
}

/** A message the bot posted, as it stands now (a type, so tests may read it as any JSON body). */
export type ChannelMessage = {
  channel: string;
  text: unknown;
  blocks: unknown;
  metadata?: unknown;
};

export interface FakeSlackOptions {
  /** Slack's clock (ms), which a message's ts comes from; the wall clock by default. */
  now?: () => number;
}

type Replier = (args: Record<string, unknown>) => FakeReply;

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // The Web API client sends nested values (blocks) as JSON strings inside the form.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

export class FakeSlack {
  readonly calls = new Recorded<ApiCall>();
  readonly responses = new Recorded<ResponseUrlPost>();
  readonly uploads = new Recorded<Upload>();
  private files = 0;
  readonly socketMode: FakeSocketMode;
  private readonly repliers = new Map<string, Replier>();
  /** Channels the bot is not a member of: chat.postMessage there answers not_in_channel. */
  private readonly outsideOf = new Set<string>();
  /** The bot's channel messages as they stand now (chat.update changes them), by ts, oldest first. */
  readonly messages = new Map<string, ChannelMessage>();
  /** Microseconds of the latest ts: each message's is later than the one before. */
  private lastTs = 0;
  /** Users Slack will not open a direct message with, and the error it gives. */
  private readonly closedDms = new Map<string, string>();
  /** Methods whose next calls are cut off, each saying whether Slack acted on the call first. */
  private readonly cutOffs = new Map<string, boolean[]>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly now: () => number,
  ) {
    this.socketMode = new FakeSocketMode(server, '/socket');
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlack(server, `http://127.0.0.1:${port}`, options.now ?? Date.now);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const upload = /^\/upload\/(F\w+)$/.exec(req.url ?? '');
        if (upload) fake.uploads.push({ fileId: upload[1]!, contentType: req.headers['content-type'], bytes: raw });
        const reply: FakeReply = upload ? { body: 'OK - 1' } : fake.handle(req.url ?? '/', req.headers, parseBody(raw.toString('utf8'), req.headers['content-type']));
        if (reply.cut) {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      });
    });
    return fake;
  }

  /** Base URL for the Web API client (`clientOptions.slackApiUrl`). */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A fresh response_url; what is posted to it lands in `responses` with this id. */
  responseUrl(id = randomBytes(4).toString('hex')): string {
    return `${this.url}/response/${id}`;
  }

  /** Scripts the answer to a Web API method (e.g. an error for chat.postMessage). */
  replyTo(method: string, replier: Replier | FakeReply): void {
    this.repliers.set(method, typeof replier === 'function' ? replier : () => replier);
  }

  /** The bot leaves (or was never invited to) a channel, as `/remove @Sitrep` would do. */
  removeBotFrom(channelId: string): void {
    this.outsideOf.add(channelId);
  }

  /** The bot is a member of the channel again, as after `/invite @Sitrep`. */
  inviteBotTo(channelId: string): void {
    this.outsideOf.delete(channelId);
  }

  /**
   * The next call to `method` is cut off once Slack has it: the connection resets, no answer.
   * `tookEffect`: Slack acted on it first (a message was posted) or not.
   */
  cutOffNext(method: string, tookEffect: boolean): void {
    this.cutOffs.set(method, [...(this.cutOffs.get(method) ?? []), tookEffect]);
  }

  /** The bot's messages in a channel, oldest first. */
  messagesIn(channel: string): (ChannelMessage & { ts: string })[] {
    return [...this.messages].filter(([, m]) => m.channel === channel).map(([ts, m]) => ({ ...m, ts }));
  }

  /** The user's direct message conversation with the app, as conversations.open names it. */
  dmChannelOf(userId: string): string {
    return `D${userId}`;
  }

  /** conversations.open with the user fails from now on (a deactivated user: `user_disabled`). */
  refuseDirectMessages(userId: string, error = 'user_disabled'): void {
    this.closedDms.set(userId, error);
  }

  /** Back to the default answer for a method. */
  clearReply(method: string): void {
    this.repliers.delete(method);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.items.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    await this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(path: string, headers: IncomingHttpHeaders, args: Record<string, unknown>): FakeReply {
    const response = /^\/response\/([\w-]+)$/.exec(path);
    if (response) {
      this.responses.push({ id: response[1]!, body: args });
      return { body: { ok: true } };
    }
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (!api) return { status: 404, body: { ok: false, error: 'unknown_path' } };
    const method = api[1]!;
    this.calls.push({ method, args, headers });
    const cut = this.cutOffs.get(method)?.shift();
    if (cut !== undefined) {
      if (cut) this.answer(method, args);
      return { cut: true };
    }
    return this.answer(method, args);
  }

  private answer(method: string, args: Record<string, unknown>): FakeReply {
    const scripted = this.repliers.get(method);
    if (scripted) return scripted(args);
    return { body: this.defaultReply(method, args) };
  }

  /** A ts from Slack's clock, later than every earlier one. */
  private nextTs(): string {
    this.lastTs = Math.max(this.now() * 1000, this.lastTs + 1);
    return `${Math.floor(this.lastTs / 1e6)}.${String(this.lastTs % 1e6).padStart(6, '0')}`;
  }

  /** The channel's messages newer than `oldest`, newest first, a page at a time (cursor: how many come before). */
  private history(args: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(args.oldest ?? 0);
    const latest = args.latest === undefined ? Infinity : Number(args.latest);
    const inclusive = args.inclusive === 'true';
    const limit = Number(args.limit ?? 100);
    const from = Number(args.cursor ?? 0);
    const withMetadata = args.include_all_metadata === 'true';
    const within = (ts: number) => ts > oldest && (ts < latest || (inclusive && ts === latest));
    const all = this.messagesIn(String(args.channel)).filter((m) => within(Number(m.ts))).reverse();
    const page = all.slice(from, from + limit).map(({ ts, text, blocks, metadata }) => ({
      type: 'message', ts, text, blocks, bot_id: 'B0BOT', app_id: 'A0TEST', ...(withMetadata && metadata ? { metadata } : {}),
    }));
    const more = from + limit < all.length;
    return { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(from + limit) : '' } };
  }

  private postMessage(args: Record<string, unknown>): Record<string, unknown> {
    // Slack answers HTTP 200 with ok:false; without chat:write.public this holds for public channels too.
    if (this.outsideOf.has(String(args.channel))) return { ok: false, error: 'not_in_channel' };
    const metadata = args.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
    if (metadata !== undefined && (typeof metadata.event_type !== 'string' || typeof metadata.event_payload !== 'object')) {
      return { ok: false, error: 'invalid_metadata_format' };
    }
    const ts = this.nextTs();
    this.messages.set(ts, { channel: String(args.channel), text: args.text, blocks: args.blocks, ...(metadata ? { metadata } : {}) });
    return { ok: true, channel: args.channel, ts, message: { text: args.text } };
  }

  private defaultReply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://sitrep-test.slack.com/', team: 'Test', user: 'sitrep', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage':
        return this.postMessage(args);
      case 'conversations.history':
        return this.history(args);
      case 'conversations.open': {
        // One user (a DM); several would open a group conversation, which Sitrep never asks for.
        const user = String(args.users ?? '');
        const refused = this.closedDms.get(user);
        if (refused) return { ok: false, error: refused };
        return user && !user.includes(',') ? { ok: true, channel: { id: this.dmChannelOf(user) } } : { ok: false, error: 'users_list_not_supplied' };
      }
      case 'chat.update': {
        const ts = String(args.ts);
        const message = this.messages.get(ts);
        if (message?.channel !== String(args.channel)) return { ok: false, error: 'message_not_found' };
        this.messages.set(ts, { ...message, text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts, text: args.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'files.getUploadURLExternal': {
        this.files += 1;
        const fileId = `F0FILE${this.files}`;
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title ?? '' })) };
      case 'views.open':
        return { ok: true, view: { id: 'V0TEST', ...(args.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
