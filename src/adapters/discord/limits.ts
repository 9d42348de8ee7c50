// Every Discord limit the adapter respects, in one place (from Discord's docs and its OpenAPI description).
// Lengths are counted in UTF-16 code units, which is never less than what Discord counts.
import type { InteractionRoom } from '../../core/interaction/interactions.js';

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

export const COMPONENT_LIMITS = { customId: 100, buttonLabel: 80, buttonsPerRow: 5, rowsPerMessage: 5 } as const;

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

export const AUTOCOMPLETE_LIMITS = { choices: 25, choiceName: 100, choiceValue: 100 } as const;

/** Discord kills an interaction token that has not been answered within 3 s. */
export const DEFER_AFTER_MS = 2_000;

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
  placeholder: 100,
} as const;

/** What Discord's buttons and modals can carry, as the core's interaction model asks. */
// Discord closes a modal once it is answered: a refused submission offers to reopen it.
export const INTERACTION_ROOM: InteractionRoom = { buttonLength: COMPONENT_LIMITS.customId, carrierLength: MODAL_LIMITS.customId, maxFields: MODAL_LIMITS.inputs, closesOnSubmit: true, textLength: MODAL_LIMITS.textInput };

/** A message's nonce: Discord refuses a longer one. */
export const MAX_NONCE_LENGTH = 25;

/** How long discord.js waits for an answer before it sends a request again (its own default). */
export const REST_TIMEOUT_MS = 15_000;
