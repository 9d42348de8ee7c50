// A slash command: dispatch it, answer in time, reply with embeds (private views ephemeral).
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { answerInTime } from './deferral.js';
import { callerOf, commandInput } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { viewMessage } from './message-payload.js';

export async function handleChatInput(interaction: ChatInputCommandInteraction, ctx: InteractionContext): Promise<void> {
  const { subcommand, args } = commandInput(interaction.options.data);
  const work = ctx.dispatcher.run({
    command: interaction.commandName,
    ...(subcommand ? { subcommand } : {}),
    args,
    caller: callerOf(interaction),
    requestId: interaction.id,
  });
  // The deferred reply is public: the view decides its privacy only once it exists.
  const { value: view, deferred } = await answerInTime(work, ctx.deferAfterMs, () => interaction.deferReply());
  const message = viewMessage(view, interaction.user.id, ctx.sessions);
  if (!deferred) {
    await interaction.reply(view.private ? { ...message, flags: MessageFlags.Ephemeral } : message);
  } else if (view.private) {
    // An edit cannot make the deferred reply ephemeral: drop it and answer privately instead.
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(message);
  }
}
