// Month and weekday names as feeds write them in dates: English (`Dec`, `December`), French
// (`déc.`, `décembre`), German (`Dez`, `Dezember`, Austrian `Jänner`), and Arabic in both series
// news uses — the Levantine and Iraqi one (`كانون الأول`, `شباط`) and the one taken from the
// Latin names (`ديسمبر`, `فبراير`). Latin accents are folded (`déc`, `dec` and `DÉC.` are one
// name). Weekdays are only skipped: feeds get them wrong often enough that the day of the month
// is what counts.
import { westernDigits } from '../core/text.js';

/** Arabic letters written several ways, as one: the hamza forms of alif, and `ى`/`ي`, `ة`/`ه`. */
export function foldArabicLetters(text: string): string {
  return text.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
}

/** Arabic-Indic and Persian digits as ASCII ones, and the Arabic comma as a comma. */
export function asciiDigits(text: string): string {
  return westernDigits(text).replace(/\u060c/g, ',');
}

/** Latin letters without their accents (`décembre` as `decembre`, `März` as `Marz`); other scripts as they are. */
export function foldLatinAccents(text: string): string {
  // Most dates are ASCII: they are not normalized (a feed may hold thousands).
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

/** Each month's names (Arabic ones with their letters folded, French and German ones without accents), January first. */
const MONTHS: readonly (readonly string[])[] = [
  ['jan', 'january', 'janv', 'janvier', 'januar', 'janner', 'كانون الثاني', 'يناير'],
  ['feb', 'february', 'fev', 'fevr', 'fevrier', 'februar', 'feber', 'شباط', 'فبراير'],
  ['mar', 'march', 'mars', 'marz', 'mrz', 'اذار', 'مارس'],
  ['apr', 'april', 'avr', 'avril', 'نيسان', 'ابريل'],
  ['may', 'mai', 'ايار', 'مايو'],
  ['jun', 'june', 'juin', 'juni', 'حزيران', 'يونيو', 'يونيه'],
  ['jul', 'july', 'juil', 'juillet', 'juli', 'تموز', 'يوليو', 'يوليه'],
  ['aug', 'august', 'aou', 'aout', 'اب', 'اغسطس'],
  ['sep', 'sept', 'september', 'septembre', 'ايلول', 'سبتمبر'],
  ['oct', 'october', 'octobre', 'okt', 'oktober', 'تشرين الاول', 'اكتوبر'],
  ['nov', 'november', 'novembre', 'تشرين الثاني', 'نوفمبر'],
  ['dec', 'december', 'decembre', 'dez', 'dezember', 'كانون الاول', 'ديسمبر'],
].map((names) => names.map(foldArabicLetters));

const WEEKDAYS = [
  ...'mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday'.split(' '),
  // French (`mar`, mardi, is also March: it is skipped only where it opens the date, below).
  ...'lun lundi mardi mer mercredi jeu jeudi ven vendredi sam samedi dim dimanche'.split(' '),
  // German.
  ...'mo montag di dienstag mi mittwoch do donnerstag fr freitag sa samstag sonnabend so sonntag'.split(' '),
  // Arabic, folded, with `يوم` (day) that may open them.
  ...'يوم السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه'.split(' '),
];
/** French `mar.` (mardi) opening a date, before its day and month name (`mar., 01 déc. 2026`); `Mar 5, 2026` is March. */
const OPENING_TUESDAY = /^\s*mar\.?,?\s+(?=\d{1,2}\.?\s+\p{L})/iu;

const escaped = (name: string) => name.replace(/ /g, '\\s+');
/** Not inside a longer word (`\b` knows no Arabic letters); an abbreviation may end with a dot (`Dec.`, `déc.`). */
const whole = (names: readonly string[]) => new RegExp(`(?<![\\p{L}\\p{M}])(?:${names.map(escaped).join('|')})(?![\\p{L}\\p{M}])\\.?`, 'giu');

/** Longest names first, so `كانون الثاني` is not read as another month's `كانون`. */
const MONTH_NAME = whole(MONTHS.flat().sort((a, b) => b.length - a.length));
const MONTH_INDEX = new Map(MONTHS.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));
const WEEKDAY_NAME = whole(WEEKDAYS.sort((a, b) => b.length - a.length));

/**
 * The text with each month name written as `m1`…`m12` (a word apart) and weekday names left out;
 * Arabic letters and Latin accents folded first.
 */
export function markNames(text: string): string {
  return foldLatinAccents(foldArabicLetters(text))
    .replace(OPENING_TUESDAY, ' ')
    .replace(WEEKDAY_NAME, ' ')
    .replace(MONTH_NAME, (name) => ` m${MONTH_INDEX.get(name.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '))} `);
}
