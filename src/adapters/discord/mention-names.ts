// Mentions picked while typing a text option: Discord puts `<@123>`, `<@!123>`, `<#123>` or
// `<@&123>` into the string value, while the user saw `@Ana`, `#general` or `@desk`. The core
// stores and searches text, so each is replaced by the name the user saw before it gets there.
import type { Client, Guild } from 'discord.js';
import { within } from '../../core/within.js';

const MENTION = /<(@!?|#|@&)(\d+)>/g;

/** What a mention becomes when its id is not known here (deleted, or the lookup failed). */
export const UNKNOWN_NAMES = { user: '@unknown-user', channel: '#unknown-channel', role: '@unknown-role' } as const;

/**
 * How long a command waits for Discord to name a member it has not cached. A modal must be
 * opened within Discord's 3 s, so a slow answer gives way to `@unknown-user`.
 */
export const MEMBER_LOOKUP_MS = 1_000;

type Kind = 'user' | 'channel' | 'role';

function kindOf(sigil: string): Kind {
  if (sigil === '#') return 'channel';
  return sigil === '@&' ? 'role' : 'user';
}

/** Where names come from: the gateway caches (Guilds intent) and, when allowed, a member fetch. */
export interface MentionSource {
  client: Client;
  guild: Guild | null;
  /** Ask Discord for members not in the cache (not during autocomplete, which must be quick). */
  fetchMembers: boolean;
}

async function userName(id: string, source: MentionSource): Promise<string | undefined> {
  const { guild, client } = source;
  const cached = guild?.members.cache.get(id);
  if (cached) return cached.displayName;
  if (guild && source.fetchMembers) {
    // A member who left, a missing permission or a slow answer must not fail the command.
    const fetched = (await within(
      guild.members.fetch(id).catch(() => undefined),
      MEMBER_LOOKUP_MS,
    ))?.value;
    if (fetched) return fetched.displayName;
  }
  const user = client.users.cache.get(id);
  return user ? (user.globalName ?? user.username) : undefined;
}

function channelName(id: string, source: MentionSource): string | undefined {
  const channel = source.guild?.channels.cache.get(id) ?? source.client.channels.cache.get(id);
  return channel && 'name' in channel && channel.name ? channel.name : undefined;
}

function roleName(id: string, source: MentionSource): string | undefined {
  // The @everyone role is named "@everyone" already.
  return source.guild?.roles.cache.get(id)?.name.replace(/^@/, '');
}

async function shownAs(kind: Kind, id: string, source: MentionSource): Promise<string> {
  if (kind === 'channel') {
    const name = channelName(id, source);
    return name ? `#${name}` : UNKNOWN_NAMES.channel;
  }
  const name = kind === 'role' ? roleName(id, source) : await userName(id, source);
  return name ? `@${name}` : UNKNOWN_NAMES[kind];
}

/**
 * Replaces every `<@…>`, `<#…>` and `<@&…>` in a text by the name the user saw. One namer serves
 * one interaction: a member named in several options is looked up once.
 */
export function mentionNamer(source: MentionSource): (text: string) => Promise<string> {
  const names = new Map<string, Promise<string>>();
  const nameOf = (kind: Kind, id: string) => {
    const key = `${kind}:${id}`;
    let name = names.get(key);
    if (!name) names.set(key, (name = shownAs(kind, id, source)));
    return name;
  };
  return async (text) => {
    const found = [...text.matchAll(MENTION)];
    if (found.length === 0) return text;
    const shown = await Promise.all(found.map((m) => nameOf(kindOf(m[1]!), m[2]!)));
    let i = 0;
    return text.replace(MENTION, () => shown[i++]!);
  };
}
