// Previous/Next presses. A button that names its page (page-links.ts) runs that read-only
// command again for the presser, so it works after a restart and never expires; a button
// backed by an in-memory session turns the session's pages or fetches through its pager.
// Either way only the person who ran the command may page, and the message updates in place.
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import type { Invocation, View } from '../../core/view.js';
import { plainLine } from '../../core/view.js';
import { answerInTime } from './deferral.js';
import { callerOf } from './interaction-input.js';
import type { InteractionContext } from './interaction-context.js';
import { noticeMessage } from './message-payload.js';
import { fetchPage } from '../../core/page-fetch.js';
import { parsePageLinkId, type PageTarget } from './page-links.js';
import { isSessionButtonFamily, parsePageButtonId, type PagePress, type PageScreen, type PageSession } from './page-sessions.js';
import { destinationOf } from './page-targets.js';
import { pagingMessage, type PagingDeps } from './paging-message.js';
import { isReadOnlyInvocation } from '../../core/registry.js';
import { renderViewPages } from './render-view.js';

export const ONLY_OWNER_TEXT = 'Only the person who ran the command can page through these results.';
export const EXPIRED_TEXT =
  'These buttons have expired: they last 15 minutes after their last use, and a restart of Sitrep clears them. Run the command again to page through the results.';
export const BROKEN_BUTTON_TEXT = 'Sitrep cannot read this button. Run the command again to page through the results.';
export const UNKNOWN_BUTTON_TEXT = 'Sitrep does not know this button. Run the command again.';
export const NOTHING_THERE_TEXT = 'There is no page in that direction.';

function notice(text: string): View {
  return { title: 'Cannot page', tone: 'error', intro: [plainLine(text)], sections: [], private: true };
}

async function refuse(interaction: ButtonInteraction, text: string): Promise<void> {
  await interaction.reply({ ...noticeMessage(notice(text)), flags: MessageFlags.Ephemeral });
}

const pagingDeps = (ctx: InteractionContext): PagingDeps => ({ sessions: ctx.sessions, registry: ctx.dispatcher.registry });

/**
 * Runs the target's command for the presser (the dispatcher checks their rights, as for a typed
 * command) and shows the part asked for, updating the message. `session` is the session the
 * message lives in, if any: it then follows the move.
 */
async function showTarget(
  interaction: ButtonInteraction,
  ctx: InteractionContext,
  ownerId: string,
  target: PageTarget,
  session?: PageSession,
): Promise<void> {
  // Buttons only ever lead to read-only commands: a custom_id naming another was not written by us.
  if (!isReadOnlyInvocation(ctx.dispatcher.registry, target.invocation)) {
    ctx.logger.warn({ customId: interaction.customId, user: `discord:${interaction.user.id}` }, 'page button naming a command it may not run');
    return refuse(interaction, BROKEN_BUTTON_TEXT);
  }
  const caller = callerOf(interaction);
  const run = (invocation: Invocation) => ctx.dispatcher.run({ ...invocation, caller, requestId: interaction.id });
  const work = fetchPage(run, target.invocation);
  const { value: fetched, deferred } = await answerInTime(work, ctx.deferAfterMs, () => interaction.deferUpdate());
  if (fetched.view.tone === 'error') {
    const message = { ...noticeMessage(fetched.view), flags: MessageFlags.Ephemeral } as const;
    await (deferred ? interaction.followUp(message) : interaction.reply(message));
    return;
  }
  const pages = renderViewPages(fetched.view);
  // The answer may have fewer parts now than when the button was drawn: show its last one.
  const index = target.part === 'last' ? pages.length - 1 : Math.min(target.part, pages.length - 1);
  const screen: PageScreen = session ?? { ownerId, view: fetched.view, pages, index };
  screen.source = fetched.invocation;
  screen.view = fetched.view;
  screen.pages = pages;
  screen.index = index;
  if (session) session.generation += 1;
  const message = pagingMessage(screen, pagingDeps(ctx), session);
  await (deferred ? interaction.editReply(message) : interaction.update(message));
}

async function pressLink(interaction: ButtonInteraction, ctx: InteractionContext, customId: string): Promise<boolean> {
  const parsed = parsePageLinkId(customId);
  if (!parsed) return false;
  if (parsed.kind === 'malformed') {
    ctx.logger.warn({ customId, user: `discord:${interaction.user.id}` }, 'page button with an unreadable custom_id');
    await refuse(interaction, BROKEN_BUTTON_TEXT);
    return true;
  }
  const { link } = parsed;
  if (interaction.user.id !== link.ownerId) {
    await refuse(interaction, ONLY_OWNER_TEXT);
    return true;
  }
  await showTarget(interaction, ctx, link.ownerId, link);
  return true;
}

async function pressSession(interaction: ButtonInteraction, ctx: InteractionContext, press: PagePress): Promise<void> {
  const session = ctx.sessions.find(press.sessionId);
  if (!session) return refuse(interaction, EXPIRED_TEXT);
  if (interaction.user.id !== session.ownerId) return refuse(interaction, ONLY_OWNER_TEXT);
  ctx.sessions.touch(session);
  // A press on buttons drawn before the last move (a double click) shows where we are instead.
  if (press.generation === session.generation) {
    const turned = session.index + (press.direction === 'next' ? 1 : -1);
    if (turned >= 0 && turned < session.pages.length) {
      // The session holds the parts already: no need to run anything.
      session.index = turned;
      session.generation += 1;
    } else {
      const destination = destinationOf(session, press.direction);
      if (destination !== undefined && destination !== 'in-memory') return showTarget(interaction, ctx, session.ownerId, destination, session);
    }
  }
  await interaction.update(pagingMessage(session, pagingDeps(ctx), session));
}

/** Handles a paging button; returns false when the button is not ours. */
export async function handlePageButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<boolean> {
  const { customId } = interaction;
  if (await pressLink(interaction, ctx, customId)) return true;
  if (!isSessionButtonFamily(customId)) return false;
  const press = parsePageButtonId(customId);
  if (press) await pressSession(interaction, ctx, press);
  else await refuse(interaction, customId.startsWith('sitrep:pg:none:') ? NOTHING_THERE_TEXT : BROKEN_BUTTON_TEXT);
  return true;
}

/** A button no handler knows (an old message, a forged id): a short answer rather than a spinner that fails. */
export async function answerUnknownButton(interaction: ButtonInteraction, ctx: InteractionContext): Promise<void> {
  ctx.logger.warn({ customId: interaction.customId, user: `discord:${interaction.user.id}` }, 'button with an unknown custom_id');
  await interaction.reply({ ...noticeMessage({ ...notice(UNKNOWN_BUTTON_TEXT), title: 'Cannot use this button' }), flags: MessageFlags.Ephemeral });
}
