// A button press: the core reads the custom_id and says what it comes to; this only draws it. A
// page turns in place, a form opens as a modal, a notice or a command's answer is a new message,
// unless the answer replaces the message the button was on (a review card once decided).
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { interactionNotice } from '../../core/interaction/texts.js';
import type { View } from '../../core/view.js';
import { answerInTime } from './deferral.js';
import { callerOf } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { modalData } from './modal.js';
import { viewMessage, type Shown } from './view-message.js';

/** Discord opens a modal only as the first answer to a press, which a slow press has spent. */
export const FORM_TOO_SLOW_TEXT = 'Sitrep took too long to prepare this form, and Discord no longer lets it open. Press the button again.';

/** A new message under the button (a notice, a command's answer): a reply, or a follow-up once deferred. */
async function answerPress(interaction: ButtonInteraction, view: View, deferred: boolean, ctx: InteractionContext): Promise<void> {
  const base = viewMessage({ view }, interaction.user.id, ctx.interactions);
  const message = view.private ? { ...base, flags: MessageFlags.Ephemeral as const } : base;
  await (deferred ? interaction.followUp(message) : interaction.reply(message));
}

/** The message the button was on, edited to show `shown`: the update, or an edit once deferred. */
async function showInPlace(interaction: ButtonInteraction, shown: Shown, deferred: boolean, ctx: InteractionContext): Promise<void> {
  const message = viewMessage(shown, interaction.user.id, ctx.interactions);
  await (deferred ? interaction.editReply(message) : interaction.update(message));
}

export async function handleButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  const work = ctx.interactions.press(interaction.customId, callerOf(interaction), interaction.id);
  const { value: result, deferred } = await answerInTime(work, ctx.deferAfterMs, () => interaction.deferUpdate());
  switch (result.kind) {
    case 'show':
      return showInPlace(interaction, result, deferred, ctx);
    case 'form':
      if (deferred) return answerPress(interaction, interactionNotice(FORM_TOO_SLOW_TEXT), true, ctx);
      await interaction.showModal(modalData(result.form));
      return;
    case 'reply':
      // Buttons sit under a message's last part, so that part is what replaces it.
      if (result.view.replacesMessage && !result.view.private) return showInPlace(interaction, { view: result.view, part: 'last' }, deferred, ctx);
      return answerPress(interaction, result.view, deferred, ctx);
    case 'notice':
      return answerPress(interaction, result.view, deferred, ctx);
  }
}
