// A fake Slack on 127.0.0.1: the Web API (/api/<method>), response_url endpoints (/response/<id>)
// and a Socket Mode WebSocket (/socket). It records everything the real Bolt app sends to it.
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
  /** The bot's channel messages as they stand now (chat.update changes them), by ts. */
  readonly messages = new Map<string, { channel: string; text: unknown; blocks: unknown }>();
  private ts = 1_700_000_000;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.socketMode = new FakeSocketMode(server, '/socket');
  }

  static async start(): Promise<FakeSlack> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeSlack(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const upload = /^\/upload\/(F\w+)$/.exec(req.url ?? '');
        if (upload) fake.uploads.push({ fileId: upload[1]!, contentType: req.headers['content-type'], bytes: raw });
        const reply = upload ? { body: 'OK - 1' } : fake.handle(req.url ?? '/', req.headers, parseBody(raw.toString('utf8'), req.headers['content-type']));
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
    const scripted = this.repliers.get(method);
    if (scripted) return scripted(args);
    return { body: this.defaultReply(method, args) };
  }

  private defaultReply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://sitrep-test.slack.com/', team: 'Test', user: 'sitrep', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'chat.postMessage':
        // Slack answers HTTP 200 with ok:false; without chat:write.public this holds for public channels too.
        if (this.outsideOf.has(String(args.channel))) return { ok: false, error: 'not_in_channel' };
        this.ts += 1;
        this.messages.set(`${this.ts}.000100`, { channel: String(args.channel), text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts: `${this.ts}.000100`, message: { text: args.text } };
      case 'chat.update': {
        const ts = String(args.ts);
        if (this.messages.get(ts)?.channel !== String(args.channel)) return { ok: false, error: 'message_not_found' };
        this.messages.set(ts, { channel: String(args.channel), text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts, text: args.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${this.ts}.000200` };
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
