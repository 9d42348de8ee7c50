// The fake gateway: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeat ACKs, and dispatches.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, userObject, type FakeGuild, type FakeUser } from './discord-payloads.js';

export interface GatewayOptions {
  appId: string;
  token: string;
  botUser: FakeUser;
  guild: FakeGuild;
  resumeUrl: () => string;
  /** Discord uses about 41 s; tests shorten it to see heartbeats happen. */
  heartbeatIntervalMs?: number;
}

export interface Identify {
  token: string;
  intents: number;
}

const OP = { dispatch: 0, heartbeat: 1, identify: 2, hello: 10, heartbeatAck: 11, invalidSession: 9 } as const;

export class FakeGateway {
  private readonly server = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private sequence = 0;
  readonly identifies: Identify[] = [];
  heartbeats = 0;

  constructor(private readonly options: GatewayOptions) {
    this.server.on('connection', (socket) => this.accept(socket));
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.server.handleUpgrade(request, socket, head, (ws) => this.server.emit('connection', ws, request));
  }

  /** Identified clients still connected. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Sends a dispatch event to every identified connection. */
  dispatch(event: string, data: unknown): void {
    if (this.sockets.size === 0) throw new Error('fake gateway: no client is connected');
    for (const socket of this.sockets) this.send(socket, { op: OP.dispatch, t: event, s: ++this.sequence, d: data });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(socket: WebSocket, packet: object): void {
    socket.send(JSON.stringify(packet));
  }

  private accept(socket: WebSocket): void {
    socket.on('message', (raw) => this.receive(socket, JSON.parse(String(raw)) as { op: number; d: unknown }));
    socket.on('close', () => this.sockets.delete(socket));
    this.send(socket, { op: OP.hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 } });
  }

  private receive(socket: WebSocket, packet: { op: number; d: unknown }): void {
    if (packet.op === OP.heartbeat) {
      this.heartbeats += 1;
      this.send(socket, { op: OP.heartbeatAck });
    } else if (packet.op === OP.identify) {
      const identify = packet.d as Identify;
      this.identifies.push({ token: identify.token, intents: identify.intents });
      if (identify.token !== this.options.token) {
        socket.close(4004, 'Authentication failed.');
        return;
      }
      this.sockets.add(socket);
      this.ready(socket);
    }
  }

  private ready(socket: WebSocket): void {
    const { appId, botUser, guild } = this.options;
    this.send(socket, {
      op: OP.dispatch, t: 'READY', s: ++this.sequence,
      d: {
        v: 10, user: { ...userObject(botUser, true), verified: true, flags: 0, mfa_enabled: false },
        guilds: [{ id: guild.id, unavailable: true }], session_id: 'fake-session', resume_gateway_url: this.options.resumeUrl(),
        shard: [0, 1], application: { id: appId, flags: 0 }, private_channels: [], relationships: [],
      },
    });
    this.send(socket, { op: OP.dispatch, t: 'GUILD_CREATE', s: ++this.sequence, d: guildCreate(guild, botUser) });
  }
}
