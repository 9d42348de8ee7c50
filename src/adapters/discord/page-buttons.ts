// Previous/Next presses: turn a page of the split view, or fetch the neighbouring page of
// results by dispatching the view's own pager invocation again. Only the owner may page.
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Invocation, View } from '../../core/view.js';
import { plainLine } from '../../core/view.js';
import { answerInTime } from './deferral.js';
import { callerOf } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { noticeMessage, sessionMessage } from './message-payload.js';
import { parsePageButtonId, type PageDirection, type PageSession } from './page-sessions.js';
import { renderViewPages } from './render-view.js';

export const ONLY_OWNER_TEXT = 'Only the person who ran the command can page through these results.';
export const EXPIRED_TEXT = 'These buttons have expired. Run the command again to page through the results.';

function notice(text: string): View {
  return { title: 'Cannot page', tone: 'error', intro: [plainLine(text)], sections: [], private: true };
}

type Step = { kind: 'turn'; index: number } | { kind: 'fetch'; invocation: Invocation; land: 'first' | 'last' } | { kind: 'stay' };

function planStep(session: PageSession, direction: PageDirection): Step {
  if (direction === 'next') {
    if (session.index < session.pages.length - 1) return { kind: 'turn', index: session.index + 1 };
    const next = session.view.pager?.next;
    return next ? { kind: 'fetch', invocation: next, land: 'first' } : { kind: 'stay' };
  }
  if (session.index > 0) return { kind: 'turn', index: session.index - 1 };
  const previous = session.view.pager?.previous;
  return previous ? { kind: 'fetch', invocation: previous, land: 'last' } : { kind: 'stay' };
}

async function fetchPage(interaction: ButtonInteraction, ctx: InteractionContext, session: PageSession, step: Extract<Step, { kind: 'fetch' }>) {
  const { invocation } = step;
  const work = ctx.dispatcher.run({
    command: invocation.command,
    ...(invocation.subcommand ? { subcommand: invocation.subcommand } : {}),
    args: invocation.args,
    caller: callerOf(interaction),
    requestId: interaction.id,
  });
  const { value: view, deferred } = await answerInTime(work, ctx.deferAfterMs, () => interaction.deferUpdate());
  if (view.tone === 'error') {
    const message = { ...noticeMessage(view), flags: MessageFlags.Ephemeral } as const;
    await (deferred ? interaction.followUp(message) : interaction.reply(message));
    return;
  }
  session.view = view;
  session.pages = renderViewPages(view);
  session.index = step.land === 'first' ? 0 : session.pages.length - 1;
  session.generation += 1;
  await (deferred ? interaction.editReply(sessionMessage(session)) : interaction.update(sessionMessage(session)));
}

/** Handles a paging button; returns false when the button is not ours. */
export async function handlePageButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<boolean> {
  const press = parsePageButtonId(interaction.customId);
  if (!press) return false;
  const session = ctx.sessions.find(press.sessionId);
  if (!session) {
    await interaction.reply({ ...noticeMessage(notice(EXPIRED_TEXT)), flags: MessageFlags.Ephemeral });
    return true;
  }
  if (interaction.user.id !== session.ownerId) {
    await interaction.reply({ ...noticeMessage(notice(ONLY_OWNER_TEXT)), flags: MessageFlags.Ephemeral });
    return true;
  }
  ctx.sessions.touch(session);
  // A press on buttons drawn before the last move (a double click) shows where we are instead.
  const step: Step = press.generation === session.generation ? planStep(session, press.direction) : { kind: 'stay' };
  if (step.kind === 'fetch') {
    await fetchPage(interaction, ctx, session, step);
    return true;
  }
  if (step.kind === 'turn') {
    session.index = step.index;
    session.generation += 1;
  }
  await interaction.update(sessionMessage(session));
  return true;
}
