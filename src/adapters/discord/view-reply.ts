// Answers an interaction with a view, in time: reply when the work is quick, otherwise defer and
// edit the answer in. Private views (errors, refusals, notices) are ephemeral either way.
import { MessageFlags, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { View } from '../../core/view.js';
import { answerInTime } from './deferral.js';
import type { InteractionContext } from './interaction-context.js';
import { viewMessage, type Shown } from './view-message.js';

/** Interactions answered with a new message: slash commands and modal submissions. */
export type ReplyingInteraction = ChatInputCommandInteraction | ModalSubmitInteraction;

export async function replyWithView(
  interaction: ReplyingInteraction,
  work: Promise<Shown>,
  ctx: InteractionContext,
  /** Time left before Discord's deadline asks for a deferral (less when work came first). */
  deferAfterMs = ctx.deferAfterMs,
): Promise<View> {
  // The deferred reply is public: the view decides its privacy only once it exists.
  const { value: shown, deferred } = await answerInTime(work, Math.max(0, deferAfterMs), () => interaction.deferReply());
  const view = shown.view;
  // Every session of the bot receives the interaction; the one running it answers, and an answer
  // from this one would take the interaction's only reply ("already received") from it.
  if (view.handledElsewhere && !deferred) {
    ctx.logger.info({ interactionId: interaction.id }, 'discord interaction is being answered by another session');
    return view;
  }
  const message = viewMessage(shown, interaction.user.id, ctx.interactions);
  if (!deferred) {
    await interaction.reply(view.private ? { ...message, flags: MessageFlags.Ephemeral } : message);
  } else if (view.private) {
    // An edit cannot make the deferred reply ephemeral: drop it and answer privately instead.
    await interaction.deleteReply();
    await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(message);
  }
  return view;
}
