// Autocomplete: the dispatcher ranks the choices; Discord wants at most 25, names ≤ 100 chars.
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { Choice } from '../../core/command-spec.js';
import { callerOf } from './interaction-input.js';
import { mentionNamer } from './mention-names.js';
import type { InteractionContext } from './interaction-context.js';
import { AUTOCOMPLETE_LIMITS } from './limits.js';
import { clip } from '../../core/text-cut.js';

export function discordChoices(choices: readonly Choice[]): ApplicationCommandOptionChoiceData<string>[] {
  return choices
    .filter((c) => c.value.length > 0 && c.value.length <= AUTOCOMPLETE_LIMITS.choiceValue)
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map((c) => ({ name: clip(c.label.trim() || c.value, AUTOCOMPLETE_LIMITS.choiceName), value: c.value }));
}

export async function handleAutocomplete(interaction: AutocompleteInteraction, ctx: InteractionContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const subcommand = interaction.options.getSubcommand(false);
  // Suggestions must come within Discord's 3 s as the user types: mentions are named from the
  // caches only, never by asking Discord.
  const named = mentionNamer({ client: interaction.client, guild: interaction.guild, fetchMembers: false });
  const choices = ctx.dispatcher.autocomplete({
    command: interaction.commandName,
    ...(subcommand ? { subcommand } : {}),
    option: focused.name,
    value: await named(String(focused.value)),
    caller: callerOf(interaction),
  });
  await interaction.respond(discordChoices(choices));
}
