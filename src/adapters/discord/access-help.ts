// What an admin does so Sitrep may post where Discord refused it: the permissions a channel needs,
// the other one a thread needs (Send Messages in Threads, given in the channel it belongs to), or,
// for an archived or locked thread, to reopen or unlock it or pick another channel. A forum's or
// media channel's thread is worded as Discord's screens word it there: a post, whose rights are
// Send Messages in Posts and Manage Posts. Commands are offered in servers only, so there is no
// direct message to speak of.
import { ChannelType, type Client } from 'discord.js';
import { DeliveryError, type AccessNeeds } from '../../core/poster.js';
import { wordList } from '../../core/text.js';

/** Discord's JSON error code for an operation on an archived thread (a locked one stays closed to posts). */
export const ARCHIVED_THREAD = 50083;
/** Discord's JSON error code for a channel it does not know: deleted, or in a server the bot has left. */
export const UNKNOWN_CHANNEL = 10003;
/** Discord's JSON error code for a post in a locked thread: only those with Manage Threads may post there. */
export const LOCKED_THREAD = 160005;

/** A DeliveryError from Discord's answer, keeping its status and JSON error code for the help that follows. */
export class DiscordRefusal extends DeliveryError {
  constructor(
    kind: DeliveryError['kind'],
    message: string,
    readonly status: number,
    readonly code: number | string,
    delivered: readonly string[] = [],
  ) {
    super(kind, message, undefined, delivered);
  }

  override after(delivered: readonly string[]): DeliveryError {
    return delivered.length === 0 ? this : new DiscordRefusal(this.kind, this.message, this.status, this.code, delivered);
  }
}

/**
 * How a refusal is written where people read it (a paused digest's or watch's reason, the delivery
 * log), as Slack's are: what Discord refused, its words and its JSON error code, read back by
 * refusalCode. Which message, channel and HTTP status go to the log alone.
 */
export const refusalText = (refused: string, code: number | string, message: string): string => `Discord refused the ${refused}: ${message} (${code})`;

/** The JSON error code in a refusal written by refusalText, or in the words reasons stored before it were written in. */
const WRITTEN_CODES = [/Discord refused the [^:]+: .*\((\d+)\)(?:;|$)/, /Discord answered \d{3} \((\d+): /];

/** What the gateway's cache tells of a channel a post was refused in. */
export interface KnownChannel {
  thread: boolean;
  privateThread: boolean;
  /** The name of the channel a thread belongs to, when known. */
  parentName?: string;
  /** The thread is a post of a forum or of a media channel (Discord's screens call it a post there). */
  postIn?: 'forum' | 'media';
}

export type ChannelLookup = (channelId: string) => KnownChannel | undefined;

/**
 * Channels as the client caches them: the server's channels and active threads (Guilds intent),
 * and the channel each interaction came from (client.ts caches it even when Discord sent it alone).
 */
export function cachedChannels(client: Client): ChannelLookup {
  return (channelId) => {
    const channel = client.channels.cache.get(channelId);
    if (!channel) return undefined;
    if (!channel.isThread()) return { thread: false, privateThread: false };
    const parentName = channel.parent?.name;
    const postIn = channel.parent?.type === ChannelType.GuildForum ? 'forum' : channel.parent?.type === ChannelType.GuildMedia ? 'media' : undefined;
    return { thread: true, privateThread: channel.type === ChannelType.PrivateThread, ...(parentName ? { parentName } : {}), ...(postIn ? { postIn } : {}) };
  };
}

function permissions(send: string, picture: string | undefined): string {
  return wordList(['View Channel', send, 'Embed Links', ...(picture ? [`Attach Files (for ${picture})`] : [])]);
}

function channelHelp(command: string, picture: string | undefined): string {
  return `Give the bot ${permissions('Send Messages', picture)} in this channel (Edit Channel → Permissions), then run ${command} again.`;
}

/** How Discord's screens name a thread and its rights: a forum's or media channel's is a post. */
interface ThreadWords {
  noun: 'thread' | 'post';
  send: string;
  manage: string;
  /** The channel it belongs to, named when known: `#general, the channel this thread belongs to`. */
  parent: string;
}

function threadWords(thread: KnownChannel | undefined): ThreadWords {
  const post = thread?.postIn !== undefined;
  const noun = post ? 'post' : 'thread';
  const kind = thread?.postIn === 'forum' ? 'forum' : thread?.postIn === 'media' ? 'media channel' : 'channel';
  const belongs = `the ${kind} this ${noun} belongs to`;
  return {
    noun,
    send: post ? 'Send Messages in Posts' : 'Send Messages in Threads',
    manage: post ? 'Manage Posts' : 'Manage Threads',
    parent: thread?.parentName ? `#${thread.parentName}, ${belongs}` : belongs,
  };
}

function threadHelp(command: string, picture: string | undefined, thread: KnownChannel): string {
  const words = threadWords(thread);
  const invite = thread.privateThread ? '; a private thread also needs the bot added to it (mention it in the thread)' : '';
  return (
    `In a ${words.noun} the bot needs ${words.send} rather than Send Messages: give it ${permissions(words.send, picture)} ` +
    `in ${words.parent} (Edit Channel → Permissions: ${words.noun}s take their permissions from it)${invite}, then run ${command} again.`
  );
}

function archivedHelp(command: string, thread: KnownChannel | undefined): string {
  const words = threadWords(thread);
  // Discord's forum screens close and reopen a post rather than archive it.
  const state = words.noun === 'post' ? 'closed, so Discord takes no messages in it' : 'archived, so Discord takes no posts in it';
  return `This ${words.noun} is ${state}: reopen it (a locked one only someone with ${words.manage} can reopen), then run ${command} again, or run ${command} in another channel.`;
}

function lockedHelp(command: string, thread: KnownChannel | undefined): string {
  const words = threadWords(thread);
  return (
    `This ${words.noun} is locked: a moderator with ${words.manage} can unlock it, or give the bot ${words.manage} in ${words.parent}; ` +
    `then run ${command} again, or run ${command} in another channel.`
  );
}

function goneHelp(command: string): string {
  return `Discord no longer knows this channel (was it deleted, or the bot removed from the server?), so nothing can be posted in it: run ${command} in another channel instead.`;
}

/**
 * Discord's JSON error code for a refusal: the DiscordRefusal's, or, for a refusal known only by
 * its stored reason (a paused digest's), read from the words the poster wrote it in.
 */
function refusalCode(error: DeliveryError): number | string | undefined {
  if (error instanceof DiscordRefusal) return error.code;
  for (const pattern of WRITTEN_CODES) {
    const written = pattern.exec(error.message);
    if (written) return Number(written[1]);
  }
  return undefined;
}

/** Poster.accessHelp for Discord: worded for the refusal and the channel when they are known. */
export function discordAccessHelp(command: string, needs: AccessNeeds = {}, lookup?: ChannelLookup): string {
  const { refused, picture } = needs;
  const code = refused ? refusalCode(refused.error) : undefined;
  if (code === UNKNOWN_CHANNEL) return goneHelp(command);
  const known = refused ? lookup?.(refused.channelId) : undefined;
  // Only a thread is archived or locked: one the client no longer knows is still worded as one.
  if (code === ARCHIVED_THREAD) return archivedHelp(command, known);
  if (code === LOCKED_THREAD) return lockedHelp(command, known);
  return known?.thread ? threadHelp(command, picture, known) : channelHelp(command, picture);
}
