// Modals: a form the core opens (for a typed command or a button) is drawn with views.open; its
// submission goes to the core. A refusal keeps the modal open with the message under the field at
// fault; success closes it and the result is posted for the submitter where the command was run.
// A submission still running when Slack's wait nears its end closes the modal, and its result
// (a refusal too) is posted the same way once it is known.
import type { App, RespondFn, ViewSubmitAction, webApi } from '@slack/bolt';
import { typedSections } from '../../core/interaction/form-flow.js';
import type { FormScreen } from '../../core/interaction/forms.js';
import { FORM_TYPED_TEXT } from '../../core/interaction/texts.js';
import { plainLine, type Invocation, type Line, type View } from '../../core/view.js';
import { FORM_CALLBACK_ID, fieldErrorText, formModal, readMetadata, typedValues, type ModalMetadata, type ModalPlace } from './form-modal.js';
import { adapterFailure } from '../../core/adapter-failure.js';
import { within } from '../../core/within.js';
import { clip } from '../../core/text-cut.js';
import * as limit from './limits.js';
import { isShownInChannel, slackCaller, type HandlerDeps } from './handler-deps.js';
import { spellingFor } from './command-prefix.js';
import { codeMrkdwn, escapeMrkdwn } from './mrkdwn.js';
import { answerMessage } from './paging.js';

type WebClient = webApi.WebClient;

export interface ModalOpening extends ModalPlace {
  client: WebClient;
  triggerId: string;
  /** The command the form is for, to say how to type it when Slack will not open the modal. */
  command?: { command: string; subcommand?: string };
}

const RESPONSE_URL_TIMEOUT_MS = 5000;

/**
 * How long a submission may run before the modal is answered anyway: Slack waits 3 s for it, then
 * shows the user an error and the answer no longer counts.
 */
export const FORM_ACK_DEADLINE_MS = 2000;

/** Opens the modal; when Slack refuses (an expired trigger), says how to go on. */
export async function openModal(deps: HandlerDeps, form: FormScreen, opening: ModalOpening, respond: RespondFn): Promise<void> {
  const { client, triggerId, command, ...place } = opening;
  try {
    await client.views.open({ trigger_id: triggerId, view: formModal(form, place) });
  } catch (error) {
    deps.logger.error({ err: error, form: form.title }, 'slack: could not open the form');
    const path = command && [command.command, command.subcommand].filter(Boolean).join(' ');
    const example = command && deps.dispatcher.registry.resolve(command.command, command.subcommand).leaf.examples?.[0];
    const spell = spellingFor(place.prefix);
    // The example in code, so it reads as typed (`source_url:`) and can be copied back.
    const typed = path && example ? `${escapeMrkdwn(', or give the fields as text, e.g. ')}${codeMrkdwn(spell({ name: path, args: example }))}` : '';
    await respond({ response_type: 'ephemeral', text: `${escapeMrkdwn(`Slack did not open the form${path ? ` for ${spell({ name: path })}` : ''}. Run the command again`)}${typed}.` });
  }
}

async function postToResponseUrl(url: string, payload: Record<string, unknown>): Promise<boolean> {
  const body = JSON.stringify(payload);
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS) });
  return res.ok;
}

/**
 * Posts the result for the submitter: in the channel through the command's response_url when
 * they asked for `--public`, otherwise with chat.postEphemeral; where the bot cannot post (a
 * channel it is not in), the response_url is the fallback while it lasts (30 minutes).
 */
async function deliver(deps: HandlerDeps, client: WebClient, meta: ModalMetadata, user: string, view: View, written?: Invocation): Promise<void> {
  const message = answerMessage(deps, view, { owner: user, prefix: meta.prefix, ...(written ? { written } : {}) });
  const url = meta.responseUrl;
  const attempts: [string, () => Promise<boolean>][] = [];
  if (url && isShownInChannel(view, meta.public)) attempts.push(['response_url in_channel', () => postToResponseUrl(url, { response_type: 'in_channel', ...message })]);
  attempts.push(['chat.postEphemeral', async () => (await client.chat.postEphemeral({ channel: meta.channelId, user, ...message })).ok === true]);
  if (url) attempts.push(['response_url', () => postToResponseUrl(url, { response_type: 'ephemeral', ...message })]);
  for (const [how, attempt] of attempts) {
    try {
      if (await attempt()) return;
      deps.logger.warn({ how, channel: meta.channelId }, 'slack: form result not accepted');
    } catch (error) {
      deps.logger.warn({ err: error, how, channel: meta.channelId }, 'slack: could not post the form result');
    }
  }
  deps.logger.error({ channel: meta.channelId, user, title: view.title }, 'slack: form result could not be delivered');
}

/** A refusal delivered once the modal is gone, with what was typed in it, so nothing is lost. */
function withTyped(view: View, values: Readonly<Record<string, string>>): View {
  const typed = typedSections(values);
  const given = typed.length > 0 && JSON.stringify(view.sections.slice(-typed.length)) === JSON.stringify(typed);
  if (typed.length === 0 || given) return view;
  return { ...view, intro: [...(view.intro ?? []), plainLine(FORM_TYPED_TEXT)], sections: [...view.sections, ...typed] };
}

/** A refusal to answer in the modal: the core's split by field when it has one (see SubmitResult). */
type Refusal = { view: View; field?: string; fieldErrors?: Record<string, View>; general?: View };

/** The options a command span sets (`date` and `published` in `/review approve id:1 date:… published:…`). */
const optionsSet = (args: string | undefined) => [...(args ?? '').matchAll(/(?:^|\s)([a-z_]+):/g)].map((match) => match[1]!);

/**
 * Whether a line says to type a command setting this modal's own fields (`… or type them:
 * /review approve id:1 date:… published:…`): that command is the form itself, typed out, and the
 * form is where the field is corrected. A command for anything else (an actor to create first)
 * names an option the form has no field for.
 */
function typesThisForm(line: Line, fields: ReadonlySet<string>): boolean {
  return line.some((part) => {
    const set = optionsSet(part.command?.args).filter((name) => name !== 'id');
    return set.length > 0 && set.every((name) => fields.has(name));
  });
}

/** A field's refusal as shown under it: what is wrong and what to give there, without the typed form of this same form. */
function underField(view: View, fields: ReadonlySet<string>): View {
  const intro = view.intro ?? [];
  const kept = intro.filter((line, at) => at === 0 || !typesThisForm(line, fields));
  return kept.length === intro.length ? view : { ...view, intro: kept };
}

/**
 * A refusal's messages under the inputs they concern, each under its own; what concerns none of
 * them (Slack shows errors only under inputs) under the first, before that input's own.
 */
function inputErrors(refusal: Refusal, firstField: string, prefix: string, fields: ReadonlySet<string>): Record<string, string> {
  const byField = Object.entries(refusal.fieldErrors ?? {});
  if (byField.length === 0 && !refusal.general) return { [refusal.field ?? firstField]: fieldErrorText(refusal.view, prefix) };
  const errors: Record<string, string> = Object.fromEntries(byField.map(([field, view]) => [field, fieldErrorText(underField(view, fields), prefix)]));
  if (refusal.general) errors[firstField] = clip([fieldErrorText(refusal.general, prefix), errors[firstField]].filter(Boolean).join(' '), limit.MAX_INPUT_ERROR);
  return errors;
}

export function registerForms(app: App, deps: HandlerDeps): void {
  app.view<ViewSubmitAction>({ callback_id: FORM_CALLBACK_ID, type: 'view_submission' }, async ({ ack, body, view, client }) => {
    const inputs = view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : []));
    const firstField = inputs[0] ?? '';
    const fields = new Set(inputs);
    const meta = readMetadata(view.private_metadata);
    const prefix = meta?.prefix ?? '';
    let acked = false;
    const answer = async (refusal?: Refusal) => {
      acked = true;
      await (refusal ? ack({ response_action: 'errors', errors: inputErrors(refusal, firstField, prefix, fields) }) : ack());
    };
    try {
      const submitter = slackCaller(body.user, body.team?.id, meta?.channelId, meta?.prefix);
      const values = typedValues(view.state.values);
      // One modal is one change: its view id is the request id, so a redelivery writes once.
      const submitting = deps.interactions.submit(meta?.carrier ?? '', values, submitter, view.id);
      const inTime = await within(submitting, FORM_ACK_DEADLINE_MS);
      if (!inTime) {
        // Slack waits 3 s for the answer: the modal closes now, and the result follows as a message.
        await answer();
        deps.logger.info({ viewId: view.id }, 'slack: form submission still running; modal closed, its result follows');
        const late = await submitting.then(
          (result) => (result.kind === 'refused' ? withTyped(result.view, values) : result.view),
          (error: unknown) => adapterFailure(deps.logger, error, 'slack: form submission failed', { viewId: view.id }),
        );
        if (!meta) return deps.logger.error({ viewId: view.id, title: late.title }, 'slack: form result could not be delivered: the modal names no channel');
        if (!deps.seen.firstTime(`view:${view.id}`)) return deps.logger.info({ viewId: view.id }, 'slack: repeated form submission; result already posted');
        return await deliver(deps, client, meta, submitter.userId, late);
      }
      const result = inTime.value;
      if (result.kind !== 'done' || !meta) return await answer(result);
      await answer();
      // The same modal submitted again is answered with the stored result, posted already.
      if (!deps.seen.firstTime(`view:${view.id}`)) return deps.logger.info({ viewId: view.id }, 'slack: repeated form submission; result already posted');
      await deliver(deps, client, meta, submitter.userId, result.view, result.invocation);
    } catch (error) {
      const failure = adapterFailure(deps.logger, error, 'slack: form submission failed', { viewId: view.id });
      if (!acked) await answer({ view: failure });
    }
  });
}
