// A button press: the core reads the custom_id, checks it against the buttons of the message it
// came from and says what it comes to; this only draws it. A page turns in place, a form opens as
// a modal, a notice or a command's answer is a new message, unless the core lets the answer
// replace the message the button was on (a review card once decided, a private question answered).
import type { ButtonInteraction } from 'discord.js';
import { interactionNotice } from '../../core/interaction/texts.js';
import { answerInTime } from './deferral.js';
import { callerOf } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { answerPress, answerUnder, showInPlace } from './message-answer.js';
import { modalData } from './modal.js';
import { pressOrigin } from './press-origin.js';
import { drawForDiscord } from './picture.js';

/** Discord opens a modal only as the first answer to a press, which a slow press has spent. */
export const FORM_TOO_SLOW_TEXT = 'Sitrep took too long to prepare this form, and Discord no longer lets it open. Press the button again.';

export async function handleButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  // Back on the first part of an answer with a picture, the picture is drawn again (a later part took it off).
  const work = ctx.interactions
    .press(interaction.customId, callerOf(interaction), interaction.id, pressOrigin(interaction))
    .then((result) => (result.kind === 'show' && result.view.image && (result.part === 0 || result.part === 'last') ? drawForDiscord(result, ctx.logger) : result));
  const { value: result, deferred } = await answerInTime(work, ctx.deferAfterMs, () => interaction.deferUpdate());
  switch (result.kind) {
    case 'show':
      return showInPlace(interaction, result, deferred, ctx);
    case 'form':
      if (deferred) return answerUnder(interaction, interactionNotice(FORM_TOO_SLOW_TEXT), true, ctx);
      await interaction.showModal(modalData(result.form));
      return;
    case 'reply':
      return answerPress(interaction, result.view, deferred, ctx);
    case 'notice':
      return answerUnder(interaction, result.view, deferred, ctx);
  }
}
