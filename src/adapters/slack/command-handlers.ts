// Slash commands: one Bolt listener per top-level command spec. Each acks at once (Slack waits 3 s
// at most), parses the text once, opens the command's form when the core says it asks for one,
// and otherwise runs it through the dispatcher and answers on the response_url.
import type { App, RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { Outcome } from '../../core/dispatcher.js';
import { typedInvocation } from '../../core/typed-invocation.js';
import { channelReferences, extractPublicFlag, typedCommandText, withChannelIds } from './command-text.js';
import { openModal } from './form-handlers.js';
import { adapterFailure } from '../../core/adapter-failure.js';
import { isShownInChannel, slackCaller, type HandlerDeps } from './handler-deps.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { answerMessage } from './paging.js';
import { OPTIONAL_COMMAND_PREFIX, prefixOf, spellingFor } from './command-prefix.js';
import { escapeRegExp } from '../../core/text.js';

export function commandPattern(name: string): RegExp {
  return new RegExp(`^/(?:${escapeRegExp(OPTIONAL_COMMAND_PREFIX)})?${escapeRegExp(name)}$`, 'i');
}

async function answer(deps: HandlerDeps, name: string, command: SlashCommand, respond: RespondFn, client: webApi.WebClient): Promise<void> {
  const { text, public: askedPublic } = extractPublicFlag(typedCommandText(command.text ?? ''));
  const prefix = prefixOf(command.command);
  const caller = slackCaller({ id: command.user_id, name: command.user_name }, command.team_id, command.channel_id, prefix);
  const typed = text ? `/${name} ${text}` : `/${name}`;
  const read = typedInvocation(deps.dispatcher.registry, typed);
  const invocation = read && { ...read, args: withChannelIds(read.args, channelReferences(command.text ?? '')) };
  const opening = invocation && (await deps.interactions.formFor(invocation, caller));
  if (invocation && opening?.kind === 'form') {
    const place = { channelId: command.channel_id, public: askedPublic, prefix, ...(command.response_url ? { responseUrl: command.response_url } : {}) };
    await openModal(deps, opening.form, { client, triggerId: command.trigger_id, command: invocation, ...place }, respond);
    return;
  }
  // Text that does not resolve goes to the dispatcher as typed, for its refusal.
  const requestId = command.trigger_id;
  const outcome: Outcome =
    opening?.kind === 'refused'
      ? { view: opening.view, readOnly: false }
      : invocation
        ? await deps.dispatcher.dispatch({ ...invocation, caller, requestId })
        : await deps.dispatcher.dispatchText(typed, caller, requestId);
  // A read-only command goes with its buttons, so they can run it again, after a restart too.
  const source = outcome.readOnly && outcome.view.tone !== 'error' ? outcome.invocation : undefined;
  // Another command's parts stay in memory; once forgotten, their buttons say how to see its result.
  const written = outcome.readOnly ? undefined : outcome.invocation;
  const picture = await deps.pictures.upload(client, outcome.view);
  const { view } = picture;
  const message = answerMessage(deps, view, { owner: caller.userId, prefix, ...(source ? { source } : {}), ...(written ? { written } : {}) });
  const shown = isShownInChannel(view, askedPublic) ? 'in_channel' : 'ephemeral';
  await deps.pictures.send(message, picture, (m) => respond({ response_type: shown, ...m }));
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
        const view = adapterFailure(deps.logger, error, 'slack command failed', { command: spec.name });
        await respond({ response_type: 'ephemeral', ...answerMessage(deps, view, { owner: command.user_id }) });
      }
    });
  }
  // A command configured in Slack but unknown here still gets an answer instead of a timeout.
  app.command(/^\//, async ({ command, ack }) => {
    if (patterns.some((p) => p.test(command.command))) return;
    const spell = spellingFor(prefixOf(command.command));
    const known = deps.dispatcher.commands.map((c) => spell({ name: c.name })).join(', ');
    await ack({ response_type: 'ephemeral', text: `Sitrep has no ${escapeMrkdwn(command.command)} command. Try ${spell({ name: 'help' })} (commands: ${known}).` });
  });
}
