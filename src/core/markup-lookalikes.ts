// Slack's mrkdwn has no escape for its formatting characters: where stored text would switch
// formatting on, Slack replies show a look-alike instead (src/adapters/slack/mrkdwn.ts). A reader
// who copies such a reply into a command means the character it stands for, so option values
// read each look-alike as that character.

/** Each mrkdwn formatting character and the look-alike Slack replies show for it. */
export const MARKUP_LOOKALIKES: Readonly<Record<string, string>> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02CD', // ˍ modifier letter low macron
  '~': '\u223C', // ∼ tilde operator
  '`': '\u02CB', // ˋ modifier letter grave accent
};

const TYPED_FOR: ReadonlyMap<string, string> = new Map(Object.entries(MARKUP_LOOKALIKES).map(([typed, lookalike]) => [lookalike, typed]));
const ANY_LOOKALIKE = new RegExp(`[${[...TYPED_FOR.keys()].join('')}]`, 'gu');

/** `text` with every look-alike a Slack reply shows read as the character it stands for (`alˍQusayr` → `al_Qusayr`). */
export function withMarkupTyped(text: string): string {
  return text.replace(ANY_LOOKALIKE, (lookalike) => TYPED_FOR.get(lookalike)!);
}
