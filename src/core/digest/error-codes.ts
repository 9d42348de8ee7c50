// A platform's error codes (`not_in_channel`, `missing_scope`) in the replies that quote a refusal:
// shown in code, they read and copy as the platform wrote them, where Slack's mrkdwn would show
// their underscores as look-alikes.
import { span, type Span } from '../view.js';

/** A word joined by underscores: how Slack's error codes (and API names) are spelt. */
const ERROR_CODE = /([A-Za-z0-9]+(?:_[A-Za-z0-9]+)+)/;

/** The text as spans, its error codes in code. */
export function errorSpans(text: string): Span[] {
  return text
    .split(ERROR_CODE)
    .map((part, i) => (i % 2 === 1 ? span.code(part) : span.plain(part)))
    .filter((s) => s.text !== '');
}

/** The text with its error codes between backticks, for a refusal (which shows those in code). */
export function markErrorCodes(text: string): string {
  return text.replace(new RegExp(ERROR_CODE.source, 'g'), '`$1`');
}
