// Answers to an interaction that came from a message (a button press, or a form opened by one):
// a new message under it, or that message edited in place. Deferred with deferUpdate, either
// can still follow.
import { MessageFlags, type ButtonInteraction, type ModalMessageModalSubmitInteraction } from 'discord.js';
import type { View } from '../../core/view.js';
import type { InteractionContext } from './interaction-context.js';
import { viewMessage, type Shown } from './view-message.js';

export type MessageInteraction = ButtonInteraction | ModalMessageModalSubmitInteraction;

/** A new message under the one acted on (a notice, a command's answer): a reply, or a follow-up once deferred. */
export async function answerUnder(interaction: MessageInteraction, view: View, deferred: boolean, ctx: InteractionContext): Promise<void> {
  const base = viewMessage({ view }, interaction.user.id, ctx.interactions);
  const message = view.private ? { ...base, flags: MessageFlags.Ephemeral as const } : base;
  await (deferred ? interaction.followUp(message) : interaction.reply(message));
}

/** The message acted on, edited to show `shown`: the update, or an edit once deferred. */
export async function showInPlace(interaction: MessageInteraction, shown: Shown, deferred: boolean, ctx: InteractionContext): Promise<void> {
  const message = viewMessage(shown, interaction.user.id, ctx.interactions);
  await (deferred ? interaction.editReply(message) : interaction.update(message));
}

/**
 * A press's answer where the core put it (answeredWhere): in place of the message pressed when it
 * replaces it (a review card once decided; a private question answered, whose ephemeral message
 * Discord keeps ephemeral once updated), else under it.
 */
export function answerPress(interaction: ButtonInteraction, view: View, deferred: boolean, ctx: InteractionContext): Promise<void> {
  // Buttons sit under a message's last part, so that part is what replaces it.
  if (view.replacesMessage) return showInPlace(interaction, { view, part: 'last' }, deferred, ctx);
  return answerUnder(interaction, view, deferred, ctx);
}

/**
 * A form's answer, the form opened from a message: in place of it when it replaces it (a review
 * card once decided), else under it. A private answer comes under it: the core has not weighed
 * whether that message is the submitter's alone.
 */
export function answerCommand(interaction: MessageInteraction, view: View, deferred: boolean, ctx: InteractionContext): Promise<void> {
  if (view.replacesMessage && !view.private) return showInPlace(interaction, { view, part: 'last' }, deferred, ctx);
  return answerUnder(interaction, view, deferred, ctx);
}
