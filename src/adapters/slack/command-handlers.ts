// Slash commands: one Bolt listener per top-level command spec. Each acks at once (Slack waits 3 s
// at most), runs the text through the core's dispatcher and answers on the response_url.
import { randomBytes } from 'node:crypto';
import type { App, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { Caller } from '../../core/caller.js';
import { internalErrorView } from '../../core/error-views.js';
import type { View } from '../../core/view.js';
import { extractPublicFlag, typedCommandText } from './command-text.js';
import { openForm } from './form-handlers.js';
import { formRequest } from './forms.js';
import { isShownInChannel, type HandlerDeps } from './handler-deps.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { readOnlyInvocationOfText } from './read-only-invocations.js';
import {
  answerInWorkspaceSpelling,
  spellingOfCommands,
  OPTIONAL_COMMAND_PREFIX,
  prefixOf,
  spelledName,
  type CommandSpelling,
} from './workspace-commands.js';

export { isShownInChannel, OPTIONAL_COMMAND_PREFIX, type HandlerDeps };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function commandPattern(name: string): RegExp {
  return new RegExp(`^/(?:${escapeRegExp(OPTIONAL_COMMAND_PREFIX)})?${escapeRegExp(name)}$`, 'i');
}

function callerOf(command: SlashCommand): Caller {
  return {
    platform: 'slack',
    userId: command.user_id,
    workspaceId: command.team_id,
    channelId: command.channel_id,
    ...(command.user_name ? { displayName: command.user_name } : {}),
  };
}

/** The commands as the workspace has them, judged by the one Slack sent (`/sitrep-timeline`). */
function spellingOf(deps: HandlerDeps, command: SlashCommand): CommandSpelling {
  return spellingOfCommands(deps.dispatcher, prefixOf(command.command));
}

async function answer(deps: HandlerDeps, name: string, command: SlashCommand, respond: RespondFn, client: webApi.WebClient): Promise<void> {
  const { text, public: askedPublic } = extractPublicFlag(typedCommandText(command.text ?? ''));
  const caller = callerOf(command);
  const spelling = spellingOf(deps, command);
  // `/entry add` alone opens a modal, for those who may run it; everyone else gets the usual
  // refusal from the dispatcher below.
  const form = formRequest(deps.dispatcher.registry, name, text);
  if (form && deps.dispatcher.mayRun(form.definition.command, form.definition.subcommand, caller)) {
    const opening = { client, triggerId: command.trigger_id, caller, channelId: command.channel_id, public: askedPublic, spelling };
    await openForm(deps, form, { ...opening, ...(command.response_url ? { responseUrl: command.response_url } : {}) }, respond);
    return;
  }
  const typed = text ? `/${name} ${text}` : `/${name}`;
  let view: View;
  try {
    view = await deps.dispatcher.runText(typed, caller, command.trigger_id);
  } catch (error) {
    // The dispatcher turns failures into views; this only guards against a broken adapter.
    const errorId = randomBytes(4).toString('hex');
    deps.logger.error({ err: error, errorId, command: name }, 'slack command failed');
    view = internalErrorView(errorId);
  }
  const shown = answerInWorkspaceSpelling(name, view, spelling);
  // A read-only command goes along so part buttons can run it again, after a restart too.
  const source = view.tone === 'error' ? undefined : readOnlyInvocationOfText(deps.dispatcher.registry, typed);
  const message = deps.paginator.reply(shown, command.user_id, spelling, source ? { source } : {});
  await respond({ response_type: isShownInChannel(view, askedPublic) ? 'in_channel' : 'ephemeral', ...message });
}

export function registerCommands(app: App, deps: HandlerDeps): void {
  const patterns = deps.dispatcher.commands.map((spec) => commandPattern(spec.name));
  for (const spec of deps.dispatcher.commands) {
    app.command(commandPattern(spec.name), async ({ command, ack, respond, client }) => {
      await ack();
      if (command.trigger_id && !deps.seen.firstTime(command.trigger_id)) {
        deps.logger.info({ triggerId: command.trigger_id, command: spec.name }, 'slack: repeated delivery skipped');
        return;
      }
      try {
        await answer(deps, spec.name, command, respond, client);
      } catch (error) {
        deps.logger.error({ err: error, command: spec.name }, 'slack: could not answer on the response_url');
      }
    });
  }
  // A command configured in Slack but unknown here still gets an answer instead of a timeout.
  app.command(/^\//, async ({ command, ack }) => {
    if (patterns.some((p) => p.test(command.command))) return;
    const spelling = spellingOf(deps, command);
    const slash = (name: string) => `/${spelledName(name, spelling)}`;
    const known = deps.dispatcher.commands.map((c) => slash(c.name)).join(', ');
    await ack({ response_type: 'ephemeral', text: `Sitrep has no ${escapeMrkdwn(command.command)} command. Try ${slash('help')} (commands: ${known}).` });
  });
}
