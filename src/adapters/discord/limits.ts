// Every Discord limit the adapter respects, in one place (from Discord's docs and its OpenAPI description).
// Lengths are counted in UTF-16 code units, which is never less than what Discord counts.

export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values and footer of all embeds in one message. */
  total: 6000,
  embedsPerMessage: 10,
} as const;

export const COMPONENT_LIMITS = {
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
} as const;

export const COMMAND_LIMITS = {
  name: 32,
  description: 100,
  options: 25,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  /** Discord's maximum for a string option's max_length. */
  stringLength: 6000,
} as const;

export const AUTOCOMPLETE_LIMITS = {
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Discord kills an interaction token that has not been answered within 3 s. */
export const DEFER_AFTER_MS = 2_000;

/** How long Previous/Next buttons kept in memory (a query too long to name in a custom_id) keep working after their last use. */
export const PAGE_SESSION_TTL_MS = 15 * 60 * 1000;

/** At most this many live paging sessions are kept; the oldest go first. */
export const MAX_PAGE_SESSIONS = 2_000;

/** Longer rate-limit waits are not slept through by the REST queue but reported to the caller. */
export const MAX_RATE_LIMIT_WAIT_MS = 10_000;

/** Slack of characters kept free in each embed so the page label always fits in the footer. */
export const PAGE_LABEL_RESERVE = 64;

/** Modals (callback type 9): Discord's limits for the form and its text inputs. */
export const MODAL_LIMITS = {
  title: 45,
  customId: 100,
  /** Inputs per modal, as Discord documents for text inputs. */
  inputs: 5,
  label: 45,
  labelDescription: 100,
  /** A text input's max_length and pre-filled value. */
  textInput: 4000,
} as const;

/** How long a form (modal) keeps the slash command's options after its last use. */
export const FORM_SESSION_TTL_MS = 15 * 60 * 1000;

/** At most this many open forms are kept; the oldest go first. */
export const MAX_FORM_SESSIONS = 2_000;
