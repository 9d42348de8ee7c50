// A fake Slack on 127.0.0.1: the Web API (/api/<method>), response_url endpoints (/response/<id>)
// and a Socket Mode WebSocket (/socket). It records everything the real Bolt app sends to it, keeps
// the bot's channel messages (with their metadata, readable through conversations.history), opens
// direct message conversations (conversations.open, or refuses them) and can cut a call off after
// receiving it, as a connection reset would. Like Slack, it refuses a message whose blocks break
// Block Kit's limits or name a file that is not (yet) uploaded, with `invalid_blocks`. A press on
// one of its channel messages carries that message, as Slack sends it (see messageAsPressed).
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

/** A message the fake refused, as Slack would have: where it was sent and why. */
export interface RefusedMessage {
  /** The Web API method, or `response_url`. */
  via: string;
  errors: string[];
  blocks: unknown;
}

/** Slack's limits on a message's blocks, which it checks before anything else. */
export const BLOCK_KIT = { maxBlocks: 50, maxSectionText: 3000, maxHeaderText: 150 } as const;

export interface FakeSlackOptions {
  /** Slack's clock (ms), which a message's ts comes from; the wall clock by default. */
  now?: () => number;
}

type Replier = (args: Record<string, unknown>) => FakeReply;

/** Web API methods that send or change a message, whose blocks Slack checks. */
const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);

/** Fakes started and not yet closed, oldest first. */
const live = new Set<FakeSlack>();

/**
 * The channel message `ts` a live fake holds, as Slack sends it with a press of the button
 * carrying `value`: the latest version that had that button (a press sent before the message
 * changed), else the message as it stands; undefined for a message no fake holds.
 */
export function messageAsPressed(channel: string, ts: string, value: string): Record<string, unknown> | undefined {
  for (const fake of [...live].reverse()) {
    const versions = fake.versionsOf(channel, ts);
    const shown = versions.findLast((v) => buttonValues(v.blocks).includes(value)) ?? versions.at(-1);
    if (shown) return { type: 'message', ts, text: shown.text, blocks: shown.blocks, bot_id: 'B0BOT', app_id: 'A0TEST', user: 'U0BOT' };
  }
  return undefined;
}

/** The values of the buttons in a message's blocks (actions blocks' elements, sections' accessories). */
function buttonValues(blocks: unknown): unknown[] {
  if (!Array.isArray(blocks)) return [];
  const elements = blocks.flatMap((b: { elements?: unknown; accessory?: unknown }) => [...(Array.isArray(b?.elements) ? b.elements : []), b?.accessory]);
  return elements.filter((e: { type?: unknown }) => e?.type === 'button').map((e: { value?: unknown }) => e.value);
}

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
  /** Messages refused for their blocks, in the order they came. */
  readonly refused = new Recorded<RefusedMessage>();
  private files = 0;
  /** Files by id: completed (files.completeUploadExternal) or not, and how many more messages naming them Slack refuses. */
  private readonly fileStates = new Map<string, { completed: boolean; refusalsLeft: number }>();
  /** Refusals each file completed from now on gets before it is ready (see finishUploadsAfter). */
  private unreadyRefusals = 0;
  readonly socketMode: FakeSocketMode;
  private readonly repliers = new Map<string, Replier>();
  /** Channels the bot is not a member of: chat.postMessage there answers not_in_channel. */
  private readonly outsideOf = new Set<string>();
  /** The bot's channel messages as they stand now (chat.update changes them), by ts, oldest first. */
  readonly messages = new Map<string, ChannelMessage>();
  /** Every version of each channel message, oldest first, by ts: a press may come from an older one. */
  private readonly versions = new Map<string, ChannelMessage[]>();
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
    live.add(fake);
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

  /**
   * Slack finishes an upload after answering files.completeUploadExternal: each file completed
   * from now on is refused (`invalid_blocks`, as an invalid slack_file) in the first `refusals`
   * messages that show it, then shown. 0 (the default): ready at once.
   */
  finishUploadsAfter(refusals: number): void {
    this.unreadyRefusals = refusals;
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

  /** The versions of channel message `ts` in `channel`, oldest first. */
  versionsOf(channel: string, ts: string): ChannelMessage[] {
    return (this.versions.get(ts) ?? []).filter((v) => v.channel === channel);
  }

  async close(): Promise<void> {
    live.delete(this);
    await this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(path: string, headers: IncomingHttpHeaders, args: Record<string, unknown>): FakeReply {
    const response = /^\/response\/([\w-]+)$/.exec(path);
    if (response) {
      // A response_url answers an error status; Bolt's respond() keeps only the status.
      if (this.refuses('response_url', args.blocks)) return { status: 404, body: { ok: false, error: 'invalid_blocks' } };
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
    // Blocks are checked first, also where a test scripts the answer.
    if (MESSAGE_METHODS.has(method)) {
      const errors = this.blockErrors(args.blocks);
      if (errors.length > 0) {
        this.refused.push({ via: method, errors, blocks: args.blocks });
        return { body: { ok: false, error: 'invalid_blocks', errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } } };
      }
    }
    const scripted = this.repliers.get(method);
    if (scripted) return scripted(args);
    return { body: this.defaultReply(method, args) };
  }

  /** Records and says whether Slack would refuse these blocks. */
  private refuses(via: string, blocks: unknown): boolean {
    const errors = this.blockErrors(blocks);
    if (errors.length > 0) this.refused.push({ via, errors, blocks });
    return errors.length > 0;
  }

  /** What Slack finds wrong with a message's blocks, in its words (none: it takes them). */
  private blockErrors(blocks: unknown): string[] {
    if (!Array.isArray(blocks)) return [];
    const errors: string[] = [];
    if (blocks.length > BLOCK_KIT.maxBlocks) errors.push(`no more than ${BLOCK_KIT.maxBlocks} items allowed [json-pointer:/blocks]`);
    blocks.forEach((block: { type?: string; text?: { text?: string }; slack_file?: { id?: string } }, i) => {
      const length = block.text?.text?.length ?? 0;
      if (block.type === 'section' && length > BLOCK_KIT.maxSectionText) errors.push(`must be less than ${BLOCK_KIT.maxSectionText + 1} characters [json-pointer:/blocks/${i}/text/text]`);
      if (block.type === 'header' && length > BLOCK_KIT.maxHeaderText) errors.push(`must be less than ${BLOCK_KIT.maxHeaderText + 1} characters [json-pointer:/blocks/${i}/text/text]`);
      const fileId = block.type === 'image' ? block.slack_file?.id : undefined;
      if (fileId !== undefined && !this.fileShown(fileId)) errors.push(`invalid slack file [json-pointer:/blocks/${i}/slack_file]`);
    });
    return errors;
  }

  /** A message may show the file: uploaded, completed and finished (each refusal counts down). */
  private fileShown(id: string): boolean {
    const file = this.fileStates.get(id);
    if (!file?.completed) return false;
    if (file.refusalsLeft === 0) return true;
    file.refusalsLeft -= 1;
    return false;
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

  /** The message `ts` as it stands now, and as one more of its versions. */
  private keep(ts: string, message: ChannelMessage): void {
    this.messages.set(ts, message);
    this.versions.set(ts, [...(this.versions.get(ts) ?? []), message]);
  }

  private postMessage(args: Record<string, unknown>): Record<string, unknown> {
    // Slack answers HTTP 200 with ok:false; without chat:write.public this holds for public channels too.
    if (this.outsideOf.has(String(args.channel))) return { ok: false, error: 'not_in_channel' };
    const metadata = args.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
    if (metadata !== undefined && (typeof metadata.event_type !== 'string' || typeof metadata.event_payload !== 'object')) {
      return { ok: false, error: 'invalid_metadata_format' };
    }
    const ts = this.nextTs();
    this.keep(ts, { channel: String(args.channel), text: args.text, blocks: args.blocks, ...(metadata ? { metadata } : {}) });
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
        this.keep(ts, { ...message, text: args.text, blocks: args.blocks });
        return { ok: true, channel: args.channel, ts, text: args.text };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'files.getUploadURLExternal': {
        this.files += 1;
        const fileId = `F0FILE${this.files}`;
        this.fileStates.set(fileId, { completed: false, refusalsLeft: 0 });
        return { ok: true, upload_url: `${this.url}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = args.files as { id: string; title?: string }[];
        if (files.some((f) => !this.fileStates.has(f.id))) return { ok: false, error: 'file_not_found' };
        for (const f of files) this.fileStates.set(f.id, { completed: true, refusalsLeft: this.unreadyRefusals });
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) };
      }
      case 'views.open':
        return { ok: true, view: { id: 'V0TEST', ...(args.view as object) } };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
