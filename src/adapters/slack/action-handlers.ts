// Navigation buttons: Previous/Next part of a long result, Previous/Next page of a query. Only the
// person who ran the command may page; the message is replaced in place. A button that names a
// read-only invocation runs it again for the presser, so it works after a restart and never
// expires; one backed by memory works until that memory is gone.
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Caller } from '../../core/caller.js';
import type { Invocation } from '../../core/view.js';
import type { HandlerDeps } from './handler-deps.js';
import { parseNavValue, type NavValue } from './nav-values.js';
import { fetchPage } from '../../core/page-fetch.js';
import { NAV_ACTION_PATTERN } from './paging.js';
import { isReadOnlyInvocation } from '../../core/registry.js';
import { answerInWorkspaceSpelling, spellingOfCommands } from './workspace-commands.js';

export const NOT_YOURS =
  'Only the person who ran this command can page through it. Run the command yourself to get your own copy.';
// Said after a restart too (the parts lived in memory), so it must not blame the clock alone.
export const EXPIRED =
  'These results are no longer available: they last 30 minutes, and a restart of Sitrep clears them. Run the command again.';
export const BROKEN_BUTTON =
  'Sitrep cannot read this button. Run the command again to page through the results.';

function callerOf(body: BlockAction): Caller {
  return {
    platform: 'slack',
    userId: body.user.id,
    ...((body.team?.id ?? body.user.team_id) ? { workspaceId: body.team?.id ?? body.user.team_id } : {}),
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    ...((body.user.username ?? body.user.name) ? { displayName: body.user.username ?? body.user.name } : {}),
  };
}

/** A note for the presser alone, leaving the message itself as it is. */
function tellPresser(respond: RespondFn, text: string) {
  return respond({ response_type: 'ephemeral', replace_original: false, text });
}

/**
 * Runs `invocation` for the presser (the dispatcher checks their rights, as for a typed command)
 * and shows part `part` of the answer in place of the message.
 */
async function rerun(deps: HandlerDeps, body: BlockAction, value: NavValue, invocation: Invocation, part: number, respond: RespondFn): Promise<void> {
  // Buttons only ever lead to read-only commands: a value naming another was not written by us.
  if (!isReadOnlyInvocation(deps.dispatcher.registry, invocation)) {
    deps.logger.warn({ user: `slack:${body.user.id}`, command: invocation.command, subcommand: invocation.subcommand }, 'slack: button naming a command it may not run');
    await tellPresser(respond, BROKEN_BUTTON);
    return;
  }
  const caller = callerOf(body);
  const run = (asked: Invocation) => deps.dispatcher.run({ ...asked, caller, requestId: body.trigger_id });
  const fetched = await fetchPage(run, invocation);
  // The next page names commands as the page the button was on (`/sitrep-timeline` where prefixed).
  const spelling = spellingOfCommands(deps.dispatcher, 'p' in value ? (value.p ?? '') : '');
  const shown = answerInWorkspaceSpelling(fetched.invocation.command, fetched.view, spelling);
  if (fetched.view.tone === 'error') {
    // An error must not replace a result others may be reading.
    await respond({ response_type: 'ephemeral', replace_original: false, ...deps.paginator.reply(shown, value.o, spelling) });
    return;
  }
  const message = deps.paginator.reply(shown, value.o, spelling, { source: fetched.invocation, part });
  await respond({ replace_original: true, ...message });
}

async function navigate(deps: HandlerDeps, body: BlockAction, value: NavValue, respond: RespondFn): Promise<void> {
  if ('s' in value) {
    const part = deps.paginator.part(value);
    await (part ? respond({ replace_original: true, ...part }) : tellPresser(respond, EXPIRED));
    return;
  }
  const invocation = 'q' in value ? value.q : deps.paginator.query(value);
  if (!invocation) {
    await tellPresser(respond, EXPIRED);
    return;
  }
  await rerun(deps, body, value, invocation, 'q' in value ? (value.i ?? 0) : 0, respond);
}

export function registerNavigation(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: NAV_ACTION_PATTERN }, async ({ ack, body, action, respond }) => {
    await ack();
    if (!deps.seen.firstTime(`${body.trigger_id}:${action.action_id}`)) return;
    try {
      const parsed = parseNavValue(action.value);
      if (parsed.kind === 'malformed') {
        deps.logger.warn({ user: `slack:${body.user.id}`, action: action.action_id }, 'slack: navigation button with an unreadable value');
        await tellPresser(respond, BROKEN_BUTTON);
      } else if (parsed.value.o !== body.user.id) {
        await tellPresser(respond, NOT_YOURS);
      } else {
        await navigate(deps, body, parsed.value, respond);
      }
    } catch (error) {
      deps.logger.error({ err: error, action: action.action_id }, 'slack: navigation failed');
    }
  });
}
