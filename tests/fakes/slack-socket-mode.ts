// The Socket Mode side of the fake Slack: a WebSocket endpoint that greets with `hello`, sends
// envelopes (slash_commands, interactive) and records the acks the app sends back.
import type { Server } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { Recorded } from './slack-recorded.js';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export class FakeSocketMode {
  readonly acks = new Recorded<SocketAck>();
  readonly connections = new Recorded<WebSocket>();
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(server: Server, path: string) {
    server.on('upgrade', (req, socket, head) => {
      if (req.url?.split('?')[0] !== path) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  /** Sends an envelope to the most recent connection and returns its envelope id. */
  send(type: string, payload: Record<string, unknown>, envelopeId = `env-${Date.now()}`): string {
    this.sendRaw({ envelope_id: envelopeId, type, payload, accepts_response_payload: type === 'slash_commands' });
    return envelopeId;
  }

  /** Sends any JSON, well-formed envelope or not, to the most recent connection. */
  sendRaw(message: unknown): void {
    const ws = this.connections.items.at(-1);
    if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('no open Socket Mode connection');
    ws.send(JSON.stringify(message));
  }

  async close(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as SocketAck;
      if (message.envelope_id) this.acks.push(message);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TEST' } }));
    this.connections.push(ws);
  }
}
