// A figure is written in Western (23), Arabic-Indic (٢٣) or Persian (۲۳) digits, and the index
// holds each as written: a searched word with digits is searched in all three, so `23` finds
// `٢٣ قتيلاً` and `٣ ساعات` finds `3 ساعات`. Read on the typed query only: no fold of the index,
// and three forms of a word with digits (most have none).
import { westernDigits } from './text.js';

/** The digits of each script, 0 to 9: Western, Arabic-Indic (U+0660–0669), Persian (U+06F0–06F9). */
const DIGIT_SCRIPTS = ['0123456789', '\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669', '\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9'];
const HAS_DIGIT = /[0-9\u0660-\u0669\u06f0-\u06f9]/u;

/** The word as typed first, then with its digits in each script (just the word, when it has none). */
export function digitScriptForms(word: string): string[] {
  if (!HAS_DIGIT.test(word)) return [word];
  const western = westernDigits(word);
  return [...new Set([word, ...DIGIT_SCRIPTS.map((digits) => western.replace(/[0-9]/g, (digit) => digits[Number(digit)]!))])];
}
