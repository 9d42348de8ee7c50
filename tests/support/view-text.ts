// Plain text of a view, for assertions that read like what a user sees.
import { renderText } from '../../src/core/render-text.js';
import { lineToPlainText, type View } from '../../src/core/view.js';

export const viewText = (view: View): string => renderText(view, { color: false });

/** The lines a view opens with (its intro), as plain text. */
export const introLines = (view: View): string[] => (view.intro ?? []).map(lineToPlainText);

/**
 * The title a refusal opens with, alone on the first line: what a reply that must have gone
 * through is checked against (a refusal is worded, not marked with a sign).
 */
export const REFUSAL_TITLE = /^(Cannot do that|Not allowed|Something went wrong|Try again in a moment|Nothing was saved|Cannot use this button)(\n|$)/;
