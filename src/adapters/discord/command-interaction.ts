// A slash command: the core says whether it opens a form (then a modal, which must be the first
// answer) or runs; its answer is a reply with embeds, private views ephemeral.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Invocation } from '../../core/view.js';
import { argsAsShown, callerOf, commandInput } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { modalData } from './modal.js';
import { drawForDiscord } from './picture.js';
import type { Shown } from './view-message.js';
import { replyWithView } from './view-reply.js';

export async function handleChatInput(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const started = Date.now();
  const caller = callerOf(interaction);
  const { subcommand, args } = commandInput(interaction.options.data);
  // Naming picked mentions may ask Discord (up to a second): the deferral below counts it in.
  const shown = await argsAsShown(args, interaction, { fetchMembers: true });
  const invocation: Invocation = { command: interaction.commandName, ...(subcommand ? { subcommand } : {}), args: shown };
  const opening = await ctx.interactions.formFor(invocation, caller);
  if (opening?.kind === 'form') {
    await interaction.showModal(modalData(opening.form));
    return;
  }
  const answered: Promise<Shown> = opening
    ? Promise.resolve({ view: opening.view })
    : ctx.dispatcher.dispatch({ ...invocation, caller, requestId: interaction.id }).then((outcome) => ({
        view: outcome.view,
        // A read-only command's buttons run it again to show its other parts, even after a restart;
        // another's keep its parts in memory, and once forgotten say how to see its result.
        ...(outcome.invocation ? (outcome.readOnly ? { source: outcome.invocation } : { written: outcome.invocation }) : {}),
      }));
  // A picture is drawn within the work, so a slow drawing defers the reply like slow work does.
  const work = answered.then((shown) => drawForDiscord(shown, ctx.logger));
  await replyWithView(interaction, work, ctx, ctx.deferAfterMs - (Date.now() - started));
}
