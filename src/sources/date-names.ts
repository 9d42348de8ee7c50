// Month and weekday names as feeds write them in dates: English (`Dec`, `December`), and Arabic
// in both series news uses — the Levantine and Iraqi one (`كانون الأول`, `شباط`) and the one
// taken from the Latin names (`ديسمبر`, `فبراير`). Weekdays are only skipped: feeds get them
// wrong often enough that the day of the month is what counts.
import { westernDigits } from '../core/text.js';

/** Arabic letters written several ways, as one: the hamza forms of alif, and `ى`/`ي`, `ة`/`ه`. */
export function foldArabicLetters(text: string): string {
  return text.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

/** Arabic-Indic and Persian digits as ASCII ones, and the Arabic comma as a comma. */
export function asciiDigits(text: string): string {
  return westernDigits(text).replace(/\u060c/g, ',');
}

/** Each month's names (Arabic ones with their letters folded), January first. */
const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'january', 'كانون الثاني', 'يناير'],
  ['feb', 'february', 'شباط', 'فبراير'],
  ['mar', 'march', 'اذار', 'مارس'],
  ['apr', 'april', 'نيسان', 'ابريل'],
  ['may', 'ايار', 'مايو'],
  ['jun', 'june', 'حزيران', 'يونيو', 'يونيه'],
  ['jul', 'july', 'تموز', 'يوليو', 'يوليه'],
  ['aug', 'august', 'اب', 'اغسطس'],
  ['sep', 'sept', 'september', 'ايلول', 'سبتمبر'],
  ['oct', 'october', 'تشرين الاول', 'اكتوبر'],
  ['nov', 'november', 'تشرين الثاني', 'نوفمبر'],
  ['dec', 'december', 'كانون الاول', 'ديسمبر'],
].map((names) => names.map(foldArabicLetters));

const WEEKDAYS = [
  ...'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday'.split(' '),
  // Arabic, folded, with `يوم` (day) that may open them.
  ...'يوم السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه'.split(' '),
];

const escaped = (name: string) => name.replace(/ /g, '\\s+');
/** Not inside a longer word (`\b` knows no Arabic letters); an English abbreviation may end with a dot (`Dec.`). */
const whole = (names: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{M}])(?:${names.map(escaped).join('|')})(?![\\p{L}\\p{M}])\\.?`, 'giu');

/** Longest names first, so `كانون الثاني` is not read as another month's `كانون`. */
const MONTH_NAME = whole(MONTHS.flat().sort((a, b) => b.length - a.length));
const MONTH_INDEX = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const WEEKDAY_NAME = whole(WEEKDAYS.sort((a, b) => b.length - a.length));

/**
 * The text with each month name written as `m1`…`m12` (a word apart) and weekday names left out;
 * Arabic letters folded first.
 */
export function markNames(text: string): string {
  return foldArabicLetters(text)
    .replace(WEEKDAY_NAME, ' ')
    .replace(MONTH_NAME, (name) => ` m${MONTH_INDEX.get(name.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '))} `);
}
