// Slack's limits in one place. Block Kit rejects a message that breaks any of them, so the
// renderer and the poster split content against these numbers instead of truncating it.

/** Blocks in one message (modals allow 100; we only send messages). */
export const MAX_BLOCKS_PER_MESSAGE = 50;
/** Characters of `text` in a section block. */
export const MAX_SECTION_TEXT = 3000;
/** Characters of one section field. */
export const MAX_FIELD_TEXT = 2000;
/** Fields in one section block. */
export const MAX_FIELDS_PER_SECTION = 10;
/** Characters of a header block's plain_text. */
export const MAX_HEADER_TEXT = 150;
/** Characters of one context element's text. */
export const MAX_CONTEXT_TEXT = 3000;
/** Characters of a button's label. */
export const MAX_BUTTON_TEXT = 75;
/** Characters of a button's value, echoed back to us when it is pressed. */
export const MAX_BUTTON_VALUE = 2000;
/** Characters of a message's top-level `text`; Slack truncates beyond it. */
export const MAX_MESSAGE_TEXT = 40_000;
/**
 * Our own budget of rendered characters per message. Slack documents no total for blocks, but
 * very large messages are refused (`msg_too_long`) and are unreadable on a phone anyway, so a
 * long result becomes several pages well before that.
 */
export const MAX_RENDERED_CHARS_PER_MESSAGE = 12_000;

/** How long a response_url accepts replies, and so how long paging state is worth keeping. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

/** App manifest limits for a slash command. */
export const MAX_COMMAND_NAME = 32;
export const MAX_COMMAND_DESCRIPTION = 2000;
export const MAX_USAGE_HINT = 1000;
/** App manifest limit for display_information.description. */
export const MAX_APP_DESCRIPTION = 140;
