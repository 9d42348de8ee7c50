// The core's forms as Discord modals (callback type 9): one Label (type 18) per field around a
// text input whose custom_id is the option's name; the form's carrier is the modal's custom_id.
// Choices, numbers, dates and yes/no are typed as short text, as they would be in the command.
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type APITextInputComponent, type ModalSubmitInteraction } from 'discord.js';
import type { FormField, FormScreen } from '../../core/interaction/forms.js';
import { clip } from '../../core/text-cut.js';
import { callerOf } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { MODAL_LIMITS } from './limits.js';
import { answerInTime } from './deferral.js';
import { answerCommand } from './message-answer.js';
import { replyWithView } from './view-reply.js';

/** What to type, where it helps: the choices when they fit, otherwise the option's example. */
function placeholder(field: FormField): string | undefined {
  const choices = field.choices?.map((c) => c.value).join(', ');
  const text = choices && choices.length <= MODAL_LIMITS.placeholder ? choices : field.example;
  return text && text.length <= MODAL_LIMITS.placeholder ? text : undefined;
}

function textInput(field: FormField): APITextInputComponent {
  const max = Math.min(field.maxLength, MODAL_LIMITS.textInput);
  const hint = placeholder(field);
  // A start value that does not fit is left out rather than cut: a cut value sent back unchanged
  // would overwrite the whole one.
  const value = field.value !== undefined && field.value.length <= max ? field.value : undefined;
  return {
    type: ComponentType.TextInput,
    custom_id: field.name,
    style: field.kind === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
    max_length: max,
    // Discord makes every input required unless told otherwise; the form decides.
    required: field.required,
    ...(value ? { value } : {}),
    ...(hint ? { placeholder: hint } : {}),
  };
}

export function modalData(form: FormScreen): APIModalInteractionResponseCallbackData {
  const components = form.fields.slice(0, MODAL_LIMITS.inputs).map((field) => ({
    type: ComponentType.Label as const,
    label: clip(field.label, MODAL_LIMITS.label),
    description: clip(field.description, MODAL_LIMITS.labelDescription),
    component: textInput(field),
  }));
  return { custom_id: form.carrier, title: clip(form.title, MODAL_LIMITS.title), components };
}

/** The text inputs of a submission, by custom_id (the option's name). */
function typedValues(interaction: ModalSubmitInteraction): Record<string, string> {
  return Object.fromEntries([...interaction.fields.fields].flatMap(([customId, field]) => (field.type === ComponentType.TextInput ? [[customId, field.value]] : [])));
}

/**
 * A modal submission: the core runs it (once per interaction id) and says what to answer. A form
 * opened from a message's button answers as the button would: a decided review card replaces
 * the card, instead of a second copy of it under the card.
 */
export async function handleModalSubmit(interaction: ModalSubmitInteraction, ctx: InteractionContext): Promise<void> {
  const result = ctx.interactions.submit(interaction.customId, typedValues(interaction), callerOf(interaction), interaction.id);
  if (!interaction.isFromMessage()) {
    await replyWithView(interaction, result.then((done) => ({ view: done.view, ...(done.kind === 'done' && done.invocation ? { written: done.invocation } : {}) })), ctx);
    return;
  }
  const { value, deferred } = await answerInTime(result, ctx.deferAfterMs, () => interaction.deferUpdate());
  await answerCommand(interaction, value.view, deferred, ctx);
}
