// Reads a date given to a program's flag (`--since 2025-07`) as the chat commands read `since:`,
// and refuses one it cannot read with the hint they give (`13/07/2025`: the year goes first).
import type { OptionSpec } from '../core/command-spec.js';
import { isUserError } from '../core/errors.js';
import { convertOption } from '../core/option-values.js';
import { parsePartialDate, toIsoPartial, type PartialDate } from '../core/partial-date.js';

/** `2025/07`, `2025.07.13`: the year first, but with slashes or dots, as a spreadsheet or a locale writes it. */
const YEAR_FIRST_OTHER_MARKS = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/;

/** The ISO date of `2025/07` (or 2025.07.13), if it names one. */
function yearFirstHint(text: string): string | undefined {
  const parts = YEAR_FIRST_OTHER_MARKS.exec(text);
  const date = parts && parsePartialDate([parts[1], parts[2]!.padStart(2, '0'), ...(parts[3] ? [parts[3].padStart(2, '0')] : [])].join('-'));
  return date ? `Dates are written with dashes: did you mean ${toIsoPartial(date)}?` : undefined;
}

/** The hints the chat commands give for the date, but those written in chat's `since:` form. */
function chatHints(flag: string, text: string): string[] {
  const option: OptionSpec = { name: flag, description: flag, type: 'date' };
  try {
    convertOption(option, text, flag);
    return [];
  } catch (error) {
    if (!isUserError(error)) throw error;
    return error.hints.filter((hint) => !hint.includes(`${flag}:`));
  }
}

/** The date `--flag` gives, or a refusal saying what to write, in sentences. */
export function flagDate(flag: string, text: string): PartialDate | { problem: string } {
  const date = parsePartialDate(text);
  if (date) return date;
  const trimmed = text.trim();
  const hints = [...chatHints(flag, trimmed), ...[yearFirstHint(trimmed)].filter((hint) => hint !== undefined)];
  return { problem: [`--${flag} must be a date like 2025, 2025-07 or 2025-07-12 — got "${text}".`, ...hints].join(' ') };
}
