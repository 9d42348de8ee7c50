// Modal forms on Slack: a slash command that asks for a form opens it with views.open; the
// submission is dispatched like the typed command. A user error keeps the modal open with the
// message under the field it names (nothing is written); success closes it and the result is
// posted privately to the channel the command came from.
import { randomBytes } from 'node:crypto';
import type { App, RespondFn, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Caller } from '../../core/caller.js';
import { internalErrorView } from '../../core/error-views.js';
import type { View } from '../../core/view.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { isShownInChannel, type HandlerDeps } from './handler-deps.js';
import {
  buildModal,
  decodeMetadata,
  errorBlockId,
  FORM_CALLBACK_ID,
  formDefinitionFor,
  formErrorMessage,
  formOptions,
  startingValues,
  submittedArgs,
  type FormMetadata,
  type SubmittedBlock,
  type FormRequest,
} from './forms.js';
import type { SlackMessage } from './paging.js';
import { renderView, type Block } from './render-view.js';
import { spellingOfCommands, spelledCommandText, viewInWorkspaceSpelling, type CommandSpelling } from './workspace-commands.js';

type WebClient = webApi.WebClient;

export interface FormOpening {
  client: WebClient;
  triggerId: string;
  caller: Caller;
  channelId: string;
  responseUrl?: string;
  public: boolean;
  /** How the workspace spells the commands (`/sitrep-entry` where the manifest prefixed them). */
  spelling?: CommandSpelling;
}

const RESPONSE_URL_TIMEOUT_MS = 5000;

function privately(respond: RespondFn, message: SlackMessage | { text: string }) {
  return respond({ response_type: 'ephemeral', ...message });
}

/**
 * A read-only answer as blocks to show above the fields: its header once, then every part (a
 * message's limits split a long entry into parts; a modal holds more blocks than a message).
 */
function previewBlocks(view: View, spelling: CommandSpelling | undefined): Block[] {
  const parts = renderView(spelling ? viewInWorkspaceSpelling(view, spelling) : view);
  return parts.length > 0 ? [parts[0]!.header, ...parts.flatMap((part) => part.content)] : [];
}

/** Opens the form; a missing entry or a refused views.open is answered on the response_url. */
export async function openForm(deps: HandlerDeps, request: FormRequest, opening: FormOpening, respond: RespondFn): Promise<void> {
  const { definition, fixed } = request;
  let preview: Block[] = [];
  if (definition.preview) {
    const view = await deps.dispatcher.run({
      command: definition.preview.command,
      ...(definition.preview.subcommand ? { subcommand: definition.preview.subcommand } : {}),
      args: fixed,
      caller: opening.caller,
    });
    if (view.tone === 'error') {
      await privately(respond, deps.paginator.reply(view, opening.caller.userId, opening.spelling));
      return;
    }
    preview = previewBlocks(view, opening.spelling);
  }
  const metadata: FormMetadata = {
    command: definition.command,
    subcommand: definition.subcommand,
    fixed,
    channelId: opening.channelId,
    userId: opening.caller.userId,
    ...(opening.responseUrl ? { responseUrl: opening.responseUrl } : {}),
    public: opening.public,
    ...(opening.spelling?.prefix ? { prefix: opening.spelling.prefix } : {}),
  };
  const path = `${definition.command} ${definition.subcommand}`;
  try {
    const initial = deps.dispatcher.formValues({ command: definition.command, subcommand: definition.subcommand, args: fixed, caller: opening.caller });
    const view = buildModal(deps.dispatcher.registry, request, metadata, preview, initial);
    await opening.client.views.open({ trigger_id: opening.triggerId, view });
  } catch (error) {
    deps.logger.error({ err: error, command: path }, 'slack: could not open the form');
    const example = deps.dispatcher.registry.resolve(definition.command, definition.subcommand).leaf.examples?.[0];
    const slash = (command: string) => (opening.spelling ? spelledCommandText(command, opening.spelling) : command);
    await privately(respond, {
      text: escapeMrkdwn(
        `Slack did not open the form for ${slash(`/${path}`)}. Run the command again, or give the fields as text${example ? `, e.g. ${slash(`/${path} ${example}`)}` : ''}.`,
      ),
    });
  }
}

function submitterOf(body: ViewSubmitAction, meta: FormMetadata): Caller {
  const user = body.user as ViewSubmitAction['user'] & { username?: string };
  const name = user.username ?? user.name;
  const workspaceId = body.team?.id ?? user.team_id;
  return {
    platform: 'slack',
    userId: user.id,
    ...(workspaceId ? { workspaceId } : {}),
    channelId: meta.channelId,
    ...(name ? { displayName: name } : {}),
  };
}

async function postToResponseUrl(url: string, payload: Record<string, unknown>): Promise<boolean> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
  });
  return res.ok;
}

/**
 * Posts the result for the submitter: in the channel through the command's response_url when
 * they asked for `--public`, otherwise with chat.postEphemeral; where the bot cannot post
 * (a channel it is not in), the response_url is the fallback while it lasts (30 minutes).
 */
async function deliver(deps: HandlerDeps, client: WebClient, meta: FormMetadata, view: View): Promise<void> {
  const spelling = spellingOfCommands(deps.dispatcher, meta.prefix ?? '');
  const message = deps.paginator.reply(view, meta.userId, spelling);
  const attempts: [string, () => Promise<boolean>][] = [];
  if (meta.responseUrl && isShownInChannel(view, meta.public)) {
    const url = meta.responseUrl;
    attempts.push(['response_url in_channel', () => postToResponseUrl(url, { response_type: 'in_channel', ...message })]);
  }
  attempts.push([
    'chat.postEphemeral',
    async () => {
      await client.chat.postEphemeral({ channel: meta.channelId, user: meta.userId, text: message.text, blocks: message.blocks });
      return true;
    },
  ]);
  if (meta.responseUrl) {
    const url = meta.responseUrl;
    attempts.push(['response_url', () => postToResponseUrl(url, { response_type: 'ephemeral', ...message })]);
  }
  for (const [how, attempt] of attempts) {
    try {
      if (await attempt()) return;
      deps.logger.warn({ how, channel: meta.channelId }, 'slack: form result not accepted');
    } catch (error) {
      deps.logger.warn({ err: error, how, channel: meta.channelId }, 'slack: could not post the form result');
    }
  }
  deps.logger.error({ channel: meta.channelId, user: meta.userId, title: view.title }, 'slack: form result could not be delivered');
}

/** Answers a submission: errors keep the modal open under a field; undefined closes it. */
type SubmissionAnswer = { errors: Record<string, string> } | undefined;

function errorsUnder(block: string | undefined, message: string): SubmissionAnswer {
  return block ? { errors: { [block]: message } } : undefined;
}

export function registerForms(app: App, deps: HandlerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK_ID, type: 'view_submission' }, async ({ ack, body, view, client }) => {
    const fieldNames = view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : []));
    let acked = false;
    const answer = async (result: SubmissionAnswer) => {
      acked = true;
      await (result ? ack({ response_action: 'errors', errors: result.errors }) : ack());
    };
    try {
      const meta = decodeMetadata(view.private_metadata);
      const definition = meta && formDefinitionFor(meta);
      if (!meta || !definition) {
        deps.logger.warn({ callbackId: view.callback_id }, 'slack: form submission without valid metadata');
        await answer(errorsUnder(fieldNames[0], 'This form is out of date. Close it and run the command again.'));
        return;
      }
      const options = formOptions(deps.dispatcher.registry, definition);
      const args = { ...meta.fixed, ...submittedArgs(view.state.values, options, startingValues(view.blocks as SubmittedBlock[])) };
      const result = await deps.dispatcher.run({
        command: meta.command,
        subcommand: meta.subcommand,
        args,
        caller: submitterOf(body, meta),
        // One modal is one change: a submission delivered twice writes once.
        requestId: view.id,
      });
      if (result.tone === 'error') {
        await answer(errorsUnder(errorBlockId(result, fieldNames), formErrorMessage(result)));
        return;
      }
      await answer(undefined);
      // The same modal submitted again returns the stored result; it was posted already.
      if (!deps.seen.firstTime(`view:${view.id}`)) {
        deps.logger.info({ viewId: view.id }, 'slack: repeated form submission; result already posted');
        return;
      }
      await deliver(deps, client, meta, result);
    } catch (error) {
      // The dispatcher turns failures into views; this guards the adapter's own code.
      const errorId = randomBytes(4).toString('hex');
      deps.logger.error({ err: error, errorId, viewId: view.id }, 'slack: form submission failed');
      if (!acked) await answer(errorsUnder(fieldNames[0], formErrorMessage(internalErrorView(errorId))));
    }
  });
}
