// The message a button was pressed on, as the platform sent it with the press. Whoever sends a
// press writes its custom_id or value, so a press counts only for a button the message really
// has; one that came without its message still runs, but changes no message others see. An
// answer for the presser alone takes the place only of a message that was theirs alone too.
import type { View } from '../view.js';
import type { PressResult } from './interactions.js';

export const NOT_ON_MESSAGE_TEXT = 'That button is not on this message; nothing was done.';

export type PressedOn =
  /**
   * The message came with the press: the carriers of the buttons it has. `presserAlone`: the
   * platform marks it as shown to the presser alone (a Discord ephemeral message).
   */
  | { kind: 'message'; carriers: readonly string[]; presserAlone?: boolean }
  /**
   * The press came without its message. `presserAlone`: the platform says only the presser sees
   * that message (Slack sends an ephemeral message's press without it), so changing it in place
   * shows nothing to anyone else.
   */
  | { kind: 'unseen'; presserAlone: boolean };

/** Whether `carrier` may be pressed where it was: unknown when the platform did not say. */
export function isOffered(carrier: string, on: PressedOn | undefined): boolean {
  return on?.kind !== 'message' || on.carriers.includes(carrier);
}

/**
 * The result as the platform may draw it: a press that came without its message, from one others
 * may see, answers the presser alone instead of changing that message; an answer that may not take
 * the message's place (see mayReplace) comes under it instead.
 */
export function answeredWhere(result: PressResult, on: PressedOn | undefined): PressResult {
  const context = result.context ? { context: result.context } : {};
  if (result.kind === 'show' && on?.kind === 'unseen' && !on.presserAlone) return { kind: 'reply', view: { ...result.view, private: true }, ...context };
  if (result.kind === 'reply' && result.view.replacesMessage && !mayReplace(result.view, on)) {
    const { replacesMessage: _inPlace, ...view } = result.view;
    return { kind: 'reply', view, ...context };
  }
  return result;
}

/**
 * Whether `view` may take the place of the message pressed. One the presser alone sees, any
 * answer may (the platform keeps it theirs: a private question answered where it was asked).
 * One others may see, only a public answer, and only when the press came with it: a private
 * answer there would take the message from the others (a review card in the channel).
 */
function mayReplace(view: View, on: PressedOn | undefined): boolean {
  if (on?.presserAlone) return true;
  return view.private !== true && on?.kind !== 'unseen';
}
