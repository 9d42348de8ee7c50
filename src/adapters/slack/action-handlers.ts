// Button presses. The core reads the button's value, checks it against the buttons of the message
// it came from and decides; this answers in Slack's terms: the message replaced in place (another
// part or page, a review card once decided, a private question answered), a note for the presser
// alone, a modal, or a new message.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { openModal } from './form-handlers.js';
import { adapterFailure } from '../../core/adapter-failure.js';
import type { PressedOn } from '../../core/interaction/interactions.js';
import { slackCaller, type HandlerDeps } from './handler-deps.js';
import { answerMessage } from './paging.js';
import { knownPrefix } from './command-prefix.js';

/** Our buttons' action_ids: today's (sitrep_button_N) and older ones, which the core answers too. */
const OUR_BUTTONS = /^sitrep_/;

export function registerButtons(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: OUR_BUTTONS }, async ({ ack, body, action, respond, client }) => {
    await ack();
    if (!deps.seen.firstTime(`${body.trigger_id}:${action.action_id}`)) return;
    const caller = slackCaller(body.user, body.team?.id, body.channel?.id);
    const owner = caller.userId;
    try {
      const result = await deps.interactions.press(action.value ?? '', caller, body.trigger_id, pressedOn(body));
      // The workspace's prefix came back with the button, as the context it was drawn with.
      const prefix = knownPrefix(result.context);
      if (result.kind === 'show' || (result.kind === 'reply' && result.view.replacesMessage)) {
        // Buttons sit under a message's last part, so that part is what replaces it.
        const at = result.kind === 'show' ? { part: result.part, ...(result.source ? { source: result.source } : {}), ...(result.written ? { written: result.written } : {}) } : { part: 'last' as const };
        // A message keeps its picture whichever part it shows, as a Discord message keeps its attachment.
        const picture = await deps.pictures.shown(client, result.view);
        // The core replaces with a private answer only a message the presser alone sees: it stays theirs.
        const privately = result.kind === 'reply' && result.view.private ? { response_type: 'ephemeral' as const } : {};
        await deps.pictures.send(answerMessage(deps, picture.view, { owner, prefix, ...at }), picture, (message) => respond({ replace_original: true, ...privately, ...message }));
      } else if (result.kind === 'form') {
        const where = { channelId: caller.channelId ?? '', public: false, prefix, ...(body.response_url ? { responseUrl: body.response_url } : {}) };
        await openModal(deps, result.form, { client, triggerId: body.trigger_id, ...where }, respond);
      } else {
        // A notice leaves the message as it is; a command button's answer is a new message.
        const shown = result.kind === 'reply' && result.view.private !== true ? 'in_channel' : 'ephemeral';
        await respond({ response_type: shown, replace_original: false, ...answerMessage(deps, result.view, { owner, prefix }) });
      }
    } catch (error) {
      const view = adapterFailure(deps.logger, error, 'slack: button press failed', { action: action.action_id });
      await respond({ response_type: 'ephemeral', replace_original: false, ...answerMessage(deps, view, { owner }) });
    }
  });
}

/**
 * The values of our buttons on the message a press came from, as Slack sends it with the press.
 * Slack sends no message with a press on an ephemeral one, only that it was ephemeral.
 */
function pressedOn(body: BlockAction): PressedOn {
  if (!body.message) return { kind: 'unseen', presserAlone: body.container?.['is_ephemeral'] === true };
  const blocks: unknown[] = Array.isArray(body.message['blocks']) ? body.message['blocks'] : [];
  return { kind: 'message', carriers: blocks.flatMap(elementsOf).filter(isOurButton).map((button) => button.value) };
}

/** What a block holds that can be a button: an actions block's elements, a section's accessory. */
function elementsOf(block: unknown): unknown[] {
  if (typeof block !== 'object' || block === null) return [];
  const { elements, accessory } = block as { elements?: unknown; accessory?: unknown };
  return [...(Array.isArray(elements) ? elements : []), ...(accessory ? [accessory] : [])];
}

function isOurButton(element: unknown): element is { value: string } {
  const { type, action_id: id, value } = (element ?? {}) as Record<string, unknown>;
  return type === 'button' && typeof id === 'string' && OUR_BUTTONS.test(id) && typeof value === 'string';
}
