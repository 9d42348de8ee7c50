// Gateway and REST objects as Discord sends them, trimmed to what discord.js reads. Builders
// for the interactions tests dispatch (slash command, autocomplete, button press, modal submit).
import { randomBytes } from 'node:crypto';

let counter = 0n;
/** Unique, increasing snowflake-shaped ids (timestamp bits keep them plausible). */
export function snowflake(): string {
  counter += 1n;
  return String(((BigInt(Date.now()) - 1420070400000n) << 22n) + counter);
}

export interface FakeUser {
  id: string;
  username: string;
  roles?: string[];
}

export function userObject(user: FakeUser, bot = false): Record<string, unknown> {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null, bot };
}

export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  roleIds: string[];
}

function roleObject(id: string, name: string, position: number): Record<string, unknown> {
  return { id, name, color: 0, hoist: false, icon: null, unicode_emoji: null, position, permissions: '0', managed: false, mentionable: false, flags: 0 };
}

export function channelObject(guild: FakeGuild): Record<string, unknown> {
  return {
    id: guild.channelId, type: 0, guild_id: guild.id, name: 'general', position: 0, permission_overwrites: [],
    parent_id: null, topic: null, nsfw: false, last_message_id: null, rate_limit_per_user: 0, flags: 0,
  };
}

/** A guild member as `GET /guilds/{guild_id}/members/{user_id}` answers (GuildMemberResponse). */
export function memberObject(user: FakeUser, nick: string | null = null): Record<string, unknown> {
  return {
    user: userObject(user), nick, avatar: null, banner: null, roles: user.roles ?? [], joined_at: new Date().toISOString(),
    premium_since: null, communication_disabled_until: null, pending: false, flags: 0, deaf: false, mute: false,
  };
}

/** GUILD_CREATE data: the guild with its @everyone role (id = guild id), roles and one channel. */
export function guildCreate(guild: FakeGuild, botUser: FakeUser): Record<string, unknown> {
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null, owner_id: '1', afk_channel_id: null,
    afk_timeout: 300, verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0,
    roles: [roleObject(guild.id, '@everyone', 0), ...guild.roleIds.map((id, i) => roleObject(id, `role-${i + 1}`, i + 1))],
    emojis: [], stickers: [], features: [], mfa_level: 0, application_id: null, system_channel_id: null, system_channel_flags: 0,
    rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0, preferred_locale: 'en-US',
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false, joined_at: new Date().toISOString(),
    large: false, unavailable: false, member_count: 2, voice_states: [], presences: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [], threads: [], channels: [channelObject(guild)],
    members: [{ user: userObject(botUser, true), roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
  };
}

export interface InteractionEnvelope {
  id: string;
  token: string;
  payload: Record<string, unknown>;
}

function envelope(appId: string, guild: FakeGuild, user: FakeUser, type: number, data: unknown, extra: Record<string, unknown> = {}): InteractionEnvelope {
  const id = snowflake();
  const token = `itoken-${randomBytes(12).toString('hex')}`;
  return {
    id,
    token,
    payload: {
      id, application_id: appId, type, data, token, version: 1,
      guild_id: guild.id, channel_id: guild.channelId, channel: channelObject(guild),
      member: {
        user: userObject(user), roles: user.roles ?? [], permissions: '0', joined_at: new Date().toISOString(),
        deaf: false, mute: false, flags: 0, nick: null, avatar: null, premium_since: null, pending: false,
      },
      app_permissions: '0', locale: 'en-US', guild_locale: 'en-US', entitlements: [],
      authorizing_integration_owners: { '0': guild.id }, context: 0, attachment_size_limit: 10485760,
      ...extra,
    },
  };
}

/** A raw option as Discord sends it: `{ name, type, value }`, or a subcommand with options. */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

export const OPTION = { subcommand: 1, string: 3, integer: 4, boolean: 5 } as const;

/** Builds raw options from plain values: strings → STRING, numbers → INTEGER, booleans → BOOLEAN. */
export function rawOptions(values: Record<string, string | number | boolean>, subcommand?: string): RawOption[] {
  const options = Object.entries(values).map(([name, value]) => ({
    name,
    type: typeof value === 'number' ? OPTION.integer : typeof value === 'boolean' ? OPTION.boolean : OPTION.string,
    value,
  }));
  return subcommand ? [{ name: subcommand, type: OPTION.subcommand, options }] : options;
}

export function slashCommand(appId: string, guild: FakeGuild, user: FakeUser, name: string, options: RawOption[]): InteractionEnvelope {
  return envelope(appId, guild, user, 2, { id: snowflake(), name, type: 1, options, guild_id: guild.id });
}

export function autocomplete(appId: string, guild: FakeGuild, user: FakeUser, name: string, options: RawOption[]): InteractionEnvelope {
  return envelope(appId, guild, user, 4, { id: snowflake(), name, type: 1, options, guild_id: guild.id });
}

export function buttonPress(appId: string, guild: FakeGuild, user: FakeUser, customId: string, message: Record<string, unknown>): InteractionEnvelope {
  return envelope(appId, guild, user, 3, { custom_id: customId, component_type: 2 }, { message });
}

/**
 * A modal submission (INTERACTION type 5) as Discord sends it for a modal built from Label
 * components: one `{ type: 18, component: { type: 4, custom_id, value } }` per text input; with
 * the message whose button opened the modal, if one did.
 */
export function modalSubmit(appId: string, guild: FakeGuild, user: FakeUser, customId: string, values: Record<string, string>, message?: Record<string, unknown>): InteractionEnvelope {
  let componentId = 0;
  const components = Object.entries(values).map(([inputId, value]) => ({
    type: 18,
    id: (componentId += 2) - 1,
    component: { type: 4, id: componentId, custom_id: inputId, value },
  }));
  return envelope(appId, guild, user, 5, { custom_id: customId, components }, message ? { message } : {});
}
