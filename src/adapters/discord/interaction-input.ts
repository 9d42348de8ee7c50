// What an interaction tells the core: who is asking (with their roles, for admin rules) and the
// options as the user saw them while typing (mentions by name, not Discord's `<@id>` markup; a
// channel picked for an option naming a channel, by its id).
import { ApplicationCommandOptionType, ComponentType, GuildMember, type ButtonInteraction, type CommandInteractionOption, type Interaction } from 'discord.js';
import type { Caller } from '../../core/caller.js';
import type { PressedOn } from '../../core/interaction/interactions.js';
import type { RawOptionValue } from '../../core/command-spec.js';
import { pickedChannelId } from './channel-options.js';
import { mentionNamer } from './mention-names.js';

function roleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  if (Array.isArray(member.roles)) return [...member.roles];
  // A cached GuildMember lists @everyone (the guild id) among its roles; it is no real role.
  return [...member.roles.cache.keys()].filter((id) => id !== interaction.guildId);
}

/**
 * The name the server shows for the caller, as a picked mention of them reads (mention-names.ts):
 * their server nickname, else their global name, else their username.
 */
function shownName(interaction: Interaction): string {
  const member = interaction.member;
  if (member instanceof GuildMember) return member.displayName;
  // A member discord.js did not cache comes as Discord sent it, with `nick`.
  return member?.nick ?? interaction.user.globalName ?? interaction.user.username;
}

export function callerOf(interaction: Interaction): Caller {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    roleIds: roleIds(interaction),
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    displayName: shownName(interaction),
  };
}

/** The custom_ids of the buttons on the message a press came from, as Discord sent it with the press. */
export function pressedOn(interaction: ButtonInteraction): PressedOn {
  const message = interaction.message as ButtonInteraction['message'] | null | undefined;
  if (!message) return { kind: 'unseen', presserAlone: false };
  return { kind: 'message', carriers: message.components.flatMap((component) => buttonIds(component.toJSON())) };
}

/** Buttons sit in action rows, and in sections and containers of newer layouts: every one, wherever it sits. */
function buttonIds(component: unknown): string[] {
  if (typeof component !== 'object' || component === null) return [];
  const { type, custom_id: id, components, accessory, component: inner } = component as Record<string, unknown>;
  const own = type === ComponentType.Button && typeof id === 'string' ? [id] : [];
  const nested = [...(Array.isArray(components) ? components : []), accessory, inner];
  return [...own, ...nested.flatMap(buttonIds)];
}

export interface CommandInput {
  subcommand?: string;
  args: Record<string, RawOptionValue>;
}

/** Reads the subcommand and option values; numbers stay numbers, booleans stay booleans. */
export function commandInput(options: readonly CommandInteractionOption[]): CommandInput {
  const first = options[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    return { subcommand: first.name, args: commandInput(first.options ?? []).args };
  }
  const args: Record<string, RawOptionValue> = {};
  for (const option of options) {
    if (option.value !== undefined && option.value !== null) args[option.name] = option.value;
  }
  return { args };
}

/**
 * The text options with picked mentions (`<@123>`, `<#123>`, `<@&123>`) turned into the names the
 * user saw (`@Ana`, `#general`, `@desk`), but for an option naming a channel, which gets the
 * picked channel's id. A command may ask Discord for a member it has not cached; autocomplete
 * must answer at once, so it names from the caches only.
 */
export async function argsAsShown(
  args: Readonly<Record<string, RawOptionValue>>,
  interaction: Interaction,
  lookup: { fetchMembers: boolean },
): Promise<Record<string, RawOptionValue>> {
  const named = mentionNamer({ client: interaction.client, guild: interaction.guild, fetchMembers: lookup.fetchMembers });
  const entries = await Promise.all(
    Object.entries(args).map(async ([name, value]) => [name, pickedChannelId(name, value) ?? (typeof value === 'string' ? await named(value) : value)] as const),
  );
  return Object.fromEntries(entries);
}
