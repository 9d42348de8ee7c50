// The life of a form: a slash command opens it (callback type 9), its submission (INTERACTION
// type 5) is dispatched with the slash command's other options and the submission's interaction
// id as request id, and a refused submission offers a button that reopens the form with what was
// typed, since Discord closes a modal once it is answered.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { RawOptionValue } from '../../core/command-spec.js';
import { markedNames } from '../../core/error-views.js';
import { convertArgs } from '../../core/option-values.js';
import { plainLine, span, type View } from '../../core/view.js';
import { formReopenId, parseFormModalId, parseFormReopenId, type FormSession } from './form-sessions.js';
import { FORMS, inputLabel, modalData, resolveForm, splitArgs, submittedArgs, type ResolvedForm } from './forms.js';
import { callerOf } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { noticeMessage } from './message-payload.js';
import { viewMessage } from './paging-message.js';
import { replyWithView } from './view-reply.js';

export const FORM_EXPIRED_TEXT =
  'This form is no longer open: forms last 15 minutes, and a restart of Sitrep clears them. Run the command again.';
export const FORM_SUBMITTED_TEXT = 'This form was already submitted. Run the command again to make another change.';
export const FORM_NOT_YOURS_TEXT = 'Only the person who opened this form can use it.';
export const REOPEN_LABEL = 'Edit and resubmit';

function notice(title: string, text: string): View {
  return { title, tone: 'error', intro: [plainLine(text)], sections: [], private: true };
}

/**
 * Whether the slash command's own options are valid, so a form is worth opening. When they are
 * not, the command runs as it is and the dispatcher names the bad option, before anyone types
 * a long summary into a form that could never be accepted.
 */
function slashArgsValid(form: ResolvedForm, args: Readonly<Record<string, RawOptionValue>>): boolean {
  try {
    convertArgs(form.leaf.leaf.options ?? [], args, form.leaf.path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the form for `/entry add` without `summary`. Returns false when the command should run
 * as it is: a caller who may not run it (the dispatcher refuses and logs), or bad options.
 */
export async function openForm(
  interaction: ChatInputCommandInteraction,
  form: ResolvedForm,
  args: Readonly<Record<string, RawOptionValue>>,
  ctx: InteractionContext,
): Promise<boolean> {
  const { definition } = form;
  if (!ctx.dispatcher.mayRun(definition.command, definition.subcommand, callerOf(interaction))) return false;
  if (!slashArgsValid(form, args)) return false;
  const { fixed, values } = splitArgs(form, args);
  const session = ctx.forms.open({
    ownerId: interaction.user.id,
    command: definition.command,
    subcommand: definition.subcommand,
    fixed,
    values,
  });
  await interaction.showModal(modalData(form, session));
  return true;
}

function formOf(ctx: InteractionContext, session: FormSession): ResolvedForm {
  const definition = FORMS.find((f) => f.command === session.command && f.subcommand === session.subcommand);
  if (!definition) throw new Error(`no form for /${session.command} ${session.subcommand ?? ''}`);
  return resolveForm(ctx.dispatcher.registry, definition);
}

/** The text inputs of a submission, by custom id (the option name). */
function submittedValues(interaction: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [customId, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) values[customId] = field.value;
  }
  return values;
}

/** The sections that give back what was typed in a form, so a long summary is not lost. */
function typedSections(values: Readonly<Record<string, string>>) {
  return Object.entries(values)
    .filter(([, value]) => value.trim() !== '')
    .map(([name, value]) => ({ heading: [span.bold(inputLabel(name))], lines: value.split('\n').map((line) => plainLine(line)) }));
}

/**
 * A refusal that names an option given with the slash command, not in the form (a bad `topic`):
 * resubmitting the form cannot fix it, so the reply says to run the command again, and gives
 * back what was typed in the form.
 */
function refusedOutsideForm(view: View, form: ResolvedForm, submitted: Readonly<Record<string, string>>): View | undefined {
  if (view.tone !== 'error') return undefined;
  const option = markedNames(view).find((name) => (form.leaf.leaf.options ?? []).some((o) => o.name === name));
  if (option === undefined || form.definition.inputs.includes(option)) return undefined;
  return {
    ...view,
    intro: [
      ...(view.intro ?? []),
      plainLine(`\`${option}\` came with the command, not the form: run the command again with it corrected. What you typed in the form is below, to copy.`),
    ],
    sections: [...view.sections, ...typedSections(submitted)],
  };
}

/** The form is gone: say so, and give back what was typed so a long summary is not lost. */
function expiredView(values: Readonly<Record<string, string>>): View {
  const typed = typedSections(values);
  return {
    ...notice('Form expired', FORM_EXPIRED_TEXT),
    ...(typed.length > 0 ? { intro: [plainLine(FORM_EXPIRED_TEXT), plainLine('What you typed is below, to copy into the new form.')] } : {}),
    sections: typed,
  };
}

function reopenRow(session: FormSession): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: formReopenId(session), label: REOPEN_LABEL }],
  };
}

/** Handles a modal submission; returns false when the modal is not one of Sitrep's forms. */
export async function handleFormSubmit(interaction: ModalSubmitInteraction, ctx: InteractionContext): Promise<boolean> {
  const id = parseFormModalId(interaction.customId);
  if (id === undefined) return false;
  const submitted = submittedValues(interaction);
  const session = ctx.forms.find(id);
  if (!session || session.ownerId !== interaction.user.id) {
    await interaction.reply({ ...viewMessage(expiredView(submitted), interaction.user.id, { sessions: ctx.sessions, registry: ctx.dispatcher.registry }), flags: MessageFlags.Ephemeral });
    return true;
  }
  // A delivery of the submission that succeeded is answered again (the request log replays its
  // result); any other submission of a form already used is refused.
  if (session.submittedBy !== undefined && session.submittedBy !== interaction.id) {
    await interaction.reply({ ...noticeMessage(notice('Already submitted', FORM_SUBMITTED_TEXT)), flags: MessageFlags.Ephemeral });
    return true;
  }
  // Claimed before the command runs: a second submission arriving meanwhile is refused above
  // rather than writing too. A refusal gives the form back for another try.
  session.submittedBy = interaction.id;
  const form = formOf(ctx, session);
  const inputs = new Set(form.definition.inputs);
  for (const [name, value] of Object.entries(submitted)) if (inputs.has(name)) session.values[name] = value;
  ctx.forms.touch(session);
  const caller = callerOf(interaction);
  let outside = false;
  const work = ctx.dispatcher
    .run({
      command: session.command,
      ...(session.subcommand ? { subcommand: session.subcommand } : {}),
      args: submittedArgs(session, session.values),
      caller,
      requestId: interaction.id,
    })
    .then((v) => {
      const refused = refusedOutsideForm(v, form, submitted);
      outside = refused !== undefined;
      return refused ?? v;
    });
  const mayRetry = () => !outside && ctx.dispatcher.mayRun(session.command, session.subcommand, caller);
  const view = await replyWithView(interaction, work, ctx, (v) => (v.tone === 'error' && mayRetry() ? [reopenRow(session)] : []));
  if (view.tone === 'error') session.submittedBy = undefined;
  return true;
}

function reopenRefusal(session: FormSession | undefined, userId: string): View | undefined {
  if (!session) return notice('Form expired', FORM_EXPIRED_TEXT);
  if (session.ownerId !== userId) return notice('Not your form', FORM_NOT_YOURS_TEXT);
  if (session.submittedBy !== undefined) return notice('Already submitted', FORM_SUBMITTED_TEXT);
  return undefined;
}

/** The "Edit and resubmit" button under a refused submission: the form again, as submitted. */
export async function handleFormReopen(interaction: ButtonInteraction, ctx: InteractionContext): Promise<boolean> {
  const id = parseFormReopenId(interaction.customId);
  if (id === undefined) return false;
  const session = ctx.forms.find(id);
  const refusal = reopenRefusal(session, interaction.user.id);
  if (refusal || !session) {
    await interaction.reply({ ...noticeMessage(refusal ?? notice('Form expired', FORM_EXPIRED_TEXT)), flags: MessageFlags.Ephemeral });
    return true;
  }
  const caller = callerOf(interaction);
  if (!ctx.dispatcher.mayRun(session.command, session.subcommand, caller)) {
    // Rights were withdrawn meanwhile: the ordinary refusal, from the dispatcher (and logged).
    const view = await ctx.dispatcher.run({
      command: session.command,
      ...(session.subcommand ? { subcommand: session.subcommand } : {}),
      args: submittedArgs(session, session.values),
      caller,
      requestId: interaction.id,
    });
    await interaction.reply({ ...noticeMessage(view), flags: MessageFlags.Ephemeral });
    return true;
  }
  ctx.forms.touch(session);
  await interaction.showModal(modalData(formOf(ctx, session), session));
  return true;
}
