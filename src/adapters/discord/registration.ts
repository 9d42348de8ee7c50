// Registers the generated command tree, globally or in one guild. Only `npm run register`
// (and tests) call this; starting the bot never re-registers.
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { CommandSpec } from '../../core/command-spec.js';
import { buildCommandTree } from './command-tree.js';

export interface RegistrationTarget {
  appId: string;
  /** Register in this guild only (updates show at once); without it, globally. */
  guildId?: string;
}

export interface RegistrationResult {
  scope: 'global' | 'guild';
  names: string[];
}

export function restFor(config: Pick<DiscordConfig, 'token' | 'apiUrl'>): REST {
  return new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
}

export async function registerCommands(rest: REST, target: RegistrationTarget, commands: readonly CommandSpec[]): Promise<RegistrationResult> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.appId, target.guildId)
    : Routes.applicationCommands(target.appId);
  const registered = (await rest.put(route, { body: buildCommandTree(commands) })) as RESTPutAPIApplicationCommandsResult;
  return { scope: target.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) };
}
