// Whether text shows anything: a title of zero-width spaces, lone accents or a blank Braille cell
// looks empty wherever it is shown, and folds to nothing, so it would match every other such title.

/** Characters that draw nothing: spaces, marks, format characters, controls and the blank look-alike letters. */
const INVISIBLE = /[\s\p{M}\p{Cf}\p{Cc}\u2800\u3164\u115f\u1160\uffa0\u180e]/gu;

export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}
