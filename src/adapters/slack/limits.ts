// Slack's limits in one place. Block Kit rejects a message that breaks any of them, so the
// renderer and the poster split content against these numbers instead of truncating it.

/** Blocks in one message. */
export const MAX_BLOCKS_PER_MESSAGE = 50;
/** Blocks in one modal view. */
export const MAX_BLOCKS_PER_MODAL = 100;
/** Characters of a modal's title, submit and close labels. */
export const MAX_MODAL_TITLE = 24;
/** Characters of a modal's private_metadata, which Slack hands back on submission. */
export const MAX_PRIVATE_METADATA = 3000;
/** Characters of an input block's label and hint. */
export const MAX_INPUT_LABEL = 2000;
export const MAX_INPUT_HINT = 2000;
/** Characters of an element's placeholder. */
export const MAX_PLACEHOLDER = 150;
/** The largest max_length a plain_text_input accepts; longer text goes through the command. */
export const MAX_TEXT_INPUT = 3000;
/** Options in a static_select, and characters of one option's label. */
export const MAX_SELECT_OPTIONS = 100;
export const MAX_OPTION_TEXT = 75;
/**
 * Characters of an error shown under a modal input (`response_action: errors`). Slack documents
 * no limit; a short message is what fits under a field anyway.
 */
export const MAX_INPUT_ERROR = 1000;
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
/**
 * Our own budget for the read-only preview above a modal's fields. Slack documents no total for
 * a view either; this holds a long entry whole (a 4,000-character summary and 25 sources) while
 * keeping a pathological one from making views.open fail.
 */
export const MAX_RENDERED_CHARS_PER_MODAL_PREVIEW = 40_000;

/** How long a response_url accepts replies, and so how long paging state is worth keeping. */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

/** App manifest limits for a slash command. */
export const MAX_COMMAND_NAME = 32;
export const MAX_COMMAND_DESCRIPTION = 2000;
export const MAX_USAGE_HINT = 1000;
/** App manifest limit for display_information.description. */
export const MAX_APP_DESCRIPTION = 140;
