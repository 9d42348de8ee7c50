// Answers an interaction with a view, in time: reply when the dispatcher is quick, otherwise
// defer and edit the answer in. Private views (errors, refusals) are ephemeral either way.
import {
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Invocation, View } from '../../core/view.js';
import { answerInTime } from './deferral.js';
import type { InteractionContext } from './interaction-context.js';
import { viewMessage } from './paging-message.js';

/** Interactions answered with a new message: slash commands and modal submissions. */
export type ReplyingInteraction = ChatInputCommandInteraction | ModalSubmitInteraction;

/** Extra button rows under the view's message, chosen once the view is known. */
export type ExtraRows = (view: View) => APIActionRowComponent<APIButtonComponent>[];

export async function replyWithView(
  interaction: ReplyingInteraction,
  work: Promise<View>,
  ctx: InteractionContext,
  extraRows: ExtraRows = () => [],
  /** The read-only command the view answers, so page buttons can run it again (see page-links.ts). */
  source?: Promise<Invocation>,
): Promise<View> {
  // The deferred reply is public: the view decides its privacy only once it exists.
  const { value: view, deferred } = await answerInTime(work, ctx.deferAfterMs, () => interaction.deferReply());
  const base = viewMessage(view, interaction.user.id, { sessions: ctx.sessions, registry: ctx.dispatcher.registry }, await source);
  const rows = extraRows(view);
  const message = rows.length > 0 ? { ...base, components: [...(base.components ?? []), ...rows] } : base;
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
