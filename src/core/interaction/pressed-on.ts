// The message a button was pressed on, as the platform sent it with the press. Whoever sends a
// press writes its custom_id or value, so a press counts only for a button the message really
// has; one that came without its message still runs, but changes no message others see.
import type { PressResult } from './interactions.js';

export const NOT_ON_MESSAGE_TEXT = 'That button is not on this message; nothing was done.';

export type PressedOn =
  /** The message came with the press: the carriers of the buttons it has. */
  | { kind: 'message'; carriers: readonly string[] }
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
 * may see, answers the presser alone instead of changing that message.
 */
export function answeredWhere(result: PressResult, on: PressedOn | undefined): PressResult {
  if (on?.kind !== 'unseen' || on.presserAlone) return result;
  const context = result.context ? { context: result.context } : {};
  if (result.kind === 'show') return { kind: 'reply', view: { ...result.view, private: true }, ...context };
  if (result.kind === 'reply' && result.view.replacesMessage) {
    const { replacesMessage: _inPlace, ...view } = result.view;
    return { kind: 'reply', view, ...context };
  }
  return result;
}
