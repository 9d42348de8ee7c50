// A slash command: dispatch it, answer in time, reply with embeds (private views ephemeral).
// `/entry add` without `summary` opens a form (modal) for the long text instead.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Invocation } from '../../core/view.js';
import { openForm } from './form-interactions.js';
import { formFor } from './forms.js';
import { argsAsShown, callerOf, commandInput } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { replyWithView } from './view-reply.js';

export async function handleChatInput(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const { subcommand, args: typed } = commandInput(interaction.options.data);
  const shown = argsAsShown(typed, interaction, { fetchMembers: true });
  const form = formFor(ctx.dispatcher.registry, interaction.commandName, subcommand, typed);
  if (form && (await openForm(interaction, form, await shown, ctx))) return;
  // Naming mentions may wait on Discord: it runs inside the work, so a slow lookup defers.
  const invocation: Promise<Invocation> = shown.then((args) => ({ command: interaction.commandName, ...(subcommand ? { subcommand } : {}), args }));
  const work = invocation.then((asked) => ctx.dispatcher.run({ ...asked, caller: callerOf(interaction), requestId: interaction.id }));
  // The invocation goes along so page buttons can run it again to show its other parts.
  await replyWithView(interaction, work, ctx, undefined, invocation);
}
