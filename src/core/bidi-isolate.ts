// Right-to-left values (Arabic, Hebrew…) inside Sitrep's left-to-right lines. The Unicode bidi
// algorithm lays out what sits between two right-to-left runs as part of them: `٢٣ → ٢٧` reads
// `٢٧ → ٢٣`, a count moves away from its word. A stored value wrapped in a first-strong isolate
// (FSI … PDI) is laid out on its own, as one neutral piece of the line, so the line keeps its order.
import { controlSymbol, DIRECTION_CONTROLS } from './text.js';

export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

/** A letter of a script written right to left (not Arabic-Indic digits, which are weak). */
const RIGHT_TO_LEFT_LETTER =
  /(?=\p{L})[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;

const DIRECTION_CONTROL = new RegExp(`[${DIRECTION_CONTROLS}]`, 'g');

/** Whether the text holds a right-to-left letter. */
export const hasRightToLeftLetter = (text: string): boolean => RIGHT_TO_LEFT_LETTER.test(text);

/**
 * A stored value as a view joins it with other text: wrapped in FSI … PDI when it holds a
 * right-to-left letter, byte for byte as it is otherwise. Direction controls inside it (stored
 * before typed text refused them) are shown as code points, so every isolate Sitrep writes is
 * closed where it should be and nothing inside it reorders the rest of the line.
 * Only for what is shown: invocations and form values carry the bare value.
 */
export function isolated(value: string): string {
  if (!hasRightToLeftLetter(value)) return value;
  return `${FIRST_STRONG_ISOLATE}${value.replace(DIRECTION_CONTROL, controlSymbol)}${POP_DIRECTIONAL_ISOLATE}`;
}

/** How many isolates opened in `text` are not closed by its end (a cut inside a value). */
export function openIsolates(text: string): number {
  if (!text.includes(FIRST_STRONG_ISOLATE)) return 0;
  let open = 0;
  for (const char of text) {
    if (char === FIRST_STRONG_ISOLATE) open++;
    else if (char === POP_DIRECTIONAL_ISOLATE && open > 0) open--;
  }
  return open;
}

/** The PDIs that close what `text` leaves open: a piece of a cut line stays balanced. */
export const closingIsolates = (text: string): string => POP_DIRECTIONAL_ISOLATE.repeat(openIsolates(text));
