// What an interaction tells the core: who is asking (with their roles, for admin rules) and the
// options exactly as Discord typed them.
import { ApplicationCommandOptionType, type CommandInteractionOption, type Interaction } from 'discord.js';
import type { Caller } from '../../core/caller.js';
import type { RawOptionValue } from '../../core/command-spec.js';

function roleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  if (Array.isArray(member.roles)) return [...member.roles];
  // A cached GuildMember lists @everyone (the guild id) among its roles; it is no real role.
  return [...member.roles.cache.keys()].filter((id) => id !== interaction.guildId);
}

export function callerOf(interaction: Interaction): Caller {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    roleIds: roleIds(interaction),
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    displayName: interaction.user.globalName ?? interaction.user.username,
  };
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
