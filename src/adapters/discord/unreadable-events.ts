// discord.js builds its objects (an interaction, a guild…) from a gateway event's payload before
// Sitrep sees them. A payload of a shape it does not expect (an interaction with no `data`,
// options that are not a list, neither `user` nor `member`…) makes it throw inside its WebSocket
// handler, where nothing catches it, and the process ends. Each event is handled inside a guard
// instead: one that throws is logged with its id and dropped, and the bot keeps serving.
import type { Client } from 'discord.js';
import type { Logger } from '../../core/logger.js';

/** discord.js's WebSocketManager hands every gateway dispatch to this method (private in its typings). */
interface PacketHandler {
  handlePacket(packet?: unknown, shard?: unknown): boolean;
}

/** What names an event in the log, read without trusting its shape. */
function describe(packet: unknown): Record<string, unknown> {
  const { t, s, d } = (typeof packet === 'object' && packet !== null ? packet : {}) as { t?: unknown; s?: unknown; d?: unknown };
  const data = (typeof d === 'object' && d !== null ? d : {}) as { id?: unknown; type?: unknown; guild_id?: unknown };
  return { event: t, sequence: s, id: data.id, type: data.type, guildId: data.guild_id };
}

export function dropUnreadableEvents(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as PacketHandler;
  const handle = manager.handlePacket;
  if (typeof handle !== 'function') {
    // A discord.js upgrade moved it: fail at start rather than run unguarded.
    throw new Error('discord.js has no WebSocketManager.handlePacket to guard: check src/adapters/discord/unreadable-events.ts against this discord.js');
  }
  manager.handlePacket = function guarded(this: PacketHandler, packet, shard) {
    try {
      return handle.call(this, packet, shard);
    } catch (error) {
      logger.error({ err: error, ...describe(packet) }, 'discord: dropped a gateway event it could not read');
      return true;
    }
  };
}
