// Navigation buttons: Previous/Next part of a long result, Previous/Next page of a query. Only the
// person who ran the command may page; the message is replaced in place.
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Caller } from '../../core/caller.js';
import type { HandlerDeps } from './handler-deps.js';
import { NAV_ACTION_PATTERN, parseNavValue, type NavValue } from './paging.js';
import { commandSpelling } from './workspace-commands.js';

export const NOT_YOURS =
  'Only the person who ran this command can page through it. Run the command yourself to get your own copy.';
// Said after a restart too (the parts lived in memory), so it must not blame the clock alone.
export const EXPIRED =
  'These results are no longer available: they last 30 minutes, and a restart of Sitrep clears them. Run the command again.';

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

async function navigate(deps: HandlerDeps, body: BlockAction, value: NavValue, respond: RespondFn): Promise<void> {
  if ('s' in value) {
    const part = deps.paginator.part(value);
    await (part ? respond({ replace_original: true, ...part }) : tellPresser(respond, EXPIRED));
    return;
  }
  const invocation = deps.paginator.query(value);
  if (!invocation) {
    await tellPresser(respond, EXPIRED);
    return;
  }
  const view = await deps.dispatcher.run({
    command: invocation.command,
    ...(invocation.subcommand ? { subcommand: invocation.subcommand } : {}),
    args: invocation.args,
    caller: callerOf(body),
    requestId: body.trigger_id,
  });
  // The next page names commands as the page the button was on (`/sitrep-timeline` where prefixed).
  const spelling = commandSpelling(deps.dispatcher.commands.map((c) => c.name), value.p ?? '');
  const message = deps.paginator.reply(view, value.o, spelling);
  // An error (say the page is gone since) must not replace a result others may be reading.
  await respond(view.tone === 'error' ? { response_type: 'ephemeral', replace_original: false, ...message } : { replace_original: true, ...message });
}

export function registerNavigation(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: NAV_ACTION_PATTERN }, async ({ ack, body, action, respond }) => {
    await ack();
    if (!deps.seen.firstTime(`${body.trigger_id}:${action.action_id}`)) return;
    try {
      const value = parseNavValue(action.value);
      if (!value) await tellPresser(respond, EXPIRED);
      else if (value.o !== body.user.id) await tellPresser(respond, NOT_YOURS);
      else await navigate(deps, body, value, respond);
    } catch (error) {
      deps.logger.error({ err: error, action: action.action_id }, 'slack: navigation failed');
    }
  });
}
