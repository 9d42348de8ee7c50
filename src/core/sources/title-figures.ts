// The figures a title gives, written one way: outlets write a toll in digits or in words
// ("3 killed", "Three killed"; "kills 30", "kills thirty"), and same-story compares them as one
// word. English number words, and French ones as far as they are not English words too; Arabic
// number words are left as words (`احد`, `اثنين` are also Sunday and Monday), Arabic digits are read.
import { westernDigits } from '../text.js';

const mapOf = (values: Record<string, number>): ReadonlyMap<string, number> => new Map(Object.entries(values));

// Maps, not objects: a title's word like `constructor` must find nothing.
const UNITS: ReadonlyMap<string, number> = mapOf({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  // Not `un`/`une` (also "a"), `seize` (also the English verb) nor `cent` (`per cent`, `40 cents`).
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15,
});
const TENS: ReadonlyMap<string, number> = mapOf({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
});
/** Multiply the figure before them; `hundred` alone is a hundred. Plurals (`hundreds`, `thousands`) say no figure. */
const SCALES: ReadonlyMap<string, number> = mapOf({ hundred: 100, thousand: 1_000, million: 1_000_000, mille: 1_000 });

const DIGITS = /^\d+$/;
const isSmall = (word: string | undefined) => word !== undefined && (UNITS.has(word) || TENS.has(word));

/** Whether a word of a folded title (as figuresWritten leaves it) is a figure. */
export const isFigure = (word: string) => DIGITS.test(word);

/** Whether a folded word is a number word (`three`, `twenty`, `hundred`): not a name, however written. */
export const isNumberWord = (word: string) => UNITS.has(word) || TENS.has(word) || SCALES.has(word);

/**
 * A title's text with its digits written plainly, before it is folded: Arabic-Indic and Persian
 * digits as ASCII ones, thousands not set apart (`1,200` is `1200`, not `1` and `200`).
 */
export function plainDigits(text: string): string {
  return westernDigits(text).replace(/(?<=\d)[,\u066c\u00a0\u202f](?=\d{3}(?!\d))/g, '');
}

/**
 * The figure that starts at `words[at]`, and the index after it: digits (`30`, `2 million`) or
 * number words added and multiplied (`twenty five` 25, `two hundred` 200, `soixante dix sept` 77,
 * `quatre vingts` 80); undefined when no figure starts there.
 */
function figureAt(words: readonly string[], at: number): { value: number; next: number } | undefined {
  let total = 0;
  let group = 0;
  // The last word read: its value, or a scale; undefined before the first.
  let last: { value: number; scale: boolean } | undefined;
  let i = at;
  for (; i < words.length; i++) {
    const word = words[i]!;
    if (last === undefined && DIGITS.test(word)) {
      group = Number(word);
      last = { value: group, scale: false };
      continue;
    }
    const scale = SCALES.get(word);
    if (scale !== undefined) {
      if (last?.scale && scale <= last.value) break;
      if (scale === 100) group = (last === undefined ? 1 : group) * 100;
      else [total, group] = [total + (last === undefined ? 1 : group) * scale, 0];
      last = { value: scale, scale: true };
      continue;
    }
    // `a hundred and fifty`: what follows a scale, joined by `and`.
    if (word === 'and' && last?.scale && isSmall(words[i + 1])) continue;
    const value = UNITS.get(word) ?? TENS.get(word);
    if (value === undefined) break;
    // `no one` is nobody.
    if (word === 'one' && words[i - 1] === 'no') break;
    if (last === undefined || last.scale) group += value;
    // `quatre vingts`: four twenties.
    else if (word.startsWith('vingt') && words[i - 1] === 'quatre') group += 76;
    // A smaller word after a ten adds to it (`twenty five`, `dix sept`, `soixante dix`); digits take none.
    else if (last.value >= 10 && last.value % 10 === 0 && value < last.value && !DIGITS.test(words[i - 1]!)) group += value;
    else break;
    last = { value, scale: false };
  }
  return last === undefined ? undefined : { value: total + group, next: i };
}

/**
 * Folded words (foldKey's, split) with each figure as one word in digits: `three killed` →
 * `3 killed`, `twenty five` → `25`, `2 million` → `2000000`. Other words stay as they are.
 */
export function figuresWritten(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < words.length; ) {
    const figure = figureAt(words, at);
    if (figure) {
      out.push(String(figure.value));
      at = figure.next;
    } else out.push(words[at++]!);
  }
  return out;
}

/**
 * A score or a pair of figures (`1-0`, `3–1`, `2:1`): up to three digits either side of one dash
 * or colon, with no more of them around it (`2023-24`, `18-07-2025`, `10:30:15` are none).
 */
const PAIR = /(?<![\d.,:/\u2013\u2014-])(\d{1,3}) ?[-\u2013\u2014:] ?(\d{1,3})(?![\d.,:/]| ?[-\u2013\u2014:] ?\d)/gu;

/** A piece of a title: a pair of figures as one word (`1-0`, its order kept), or the text between. */
export type TitlePiece = { pair: string } | { text: string };

/**
 * The title's text (its digits written plainly: plainDigits) cut at its pairs of figures, in order:
 * `Cup final 1-0, 3-1 on aggregate` → `Cup final `, `1-0`, `, `, `3-1`, ` on aggregate`. A pair
 * is read as one figure, so `1-0` is not `0-1`, and `1-1` is not `1-0`.
 */
export function piecesWithPairs(text: string): TitlePiece[] {
  const pieces: TitlePiece[] = [];
  let from = 0;
  for (const match of text.matchAll(PAIR)) {
    if (match.index > from) pieces.push({ text: text.slice(from, match.index) });
    pieces.push({ pair: `${match[1]}-${match[2]}` });
    from = match.index + match[0].length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}
