// The number of people a feed item says were killed, when its words say it plainly ("Strike kills
// 3", "12 civilians killed", "death toll rises to 40"; in French "fait 12 morts", "a tué trois
// civils", "le bilan s'alourdit à 40"; in Arabic "مقتل 3", "١٢ قتيلا", "مقتل خمسة وعشرين"): a suggestion
// on the review card, which the admin approves or changes like the type. Anything less plain
// proposes none. A figure given as a lower bound ("at least 5", "more than 5", "> 5") is said to be one.
import { holdsArabic } from '../sources/word-match.js';
import { westernDigits } from '../text.js';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};
const FRENCH_NUMBERS: Record<string, number> = {
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20,
};

// A figure: digits (with thousands commas) or a word, not the start of `3-year-old` or `40%`.
const FIGURE = String.raw`(\d{1,3}(?:,\d{3})+|\d+|${Object.keys(WORD_NUMBERS).join('|')})(?![\d%-])`;
const WHO_WORDS = 'people|persons|civilians|soldiers|fighters|militants|children|women|men|troops|policemen|police officers|officers|protesters|workers|members|others|more';
const WHO = String.raw`(?:(?:${WHO_WORDS})\s+)?`;
const HOW = String.raw`(?:(?:were|are|have been|has been|reported|reportedly|later)\s+)*`;

// French: thousands apart by a space or a dot (`1 204`, `1.204`); accented words end where letters
// do (`\b` knows ASCII letters only).
const FIGURE_FR = String.raw`(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+|${Object.keys(FRENCH_NUMBERS).join('|')})(?![\d%-])`;
const WHO_FR = String.raw`(?:(?:personnes|civils|soldats|militaires|combattants|enfants|femmes|hommes|policiers|manifestants|membres|autres)\s+)?`;
const HOW_FR = String.raw`(?:(?:ont été|ont|sont|auraient été)\s+)?`;
const ABOUT_FR = String.raw`(?:au moins\s+|plus de\s+|près de\s+|environ\s+|quelque\s+)?`;
const START = String.raw`(?<![\p{L}\d])`;
const END = String.raw`(?![\p{L}])`;

// Arabic, read once its digits are ASCII and its vowel marks and hamza seats are gone (see
// arabicReadable): figures in digits (`١٢` or `12`, thousands apart by `٬` or `,`) or in words up
// to 999, in either gender: `خمسة`, `خمس`; `ثلاثة عشر` (13); `عشرين` (20); `خمسة وعشرون` (25);
// `مئة` (100, read `مية` once its hamza seat is gone), `مئتين` (200), `ثلاثمئة` or `ثلاث مئة` (300),
// then `و` and the rest: `مئة وخمسة وعشرون` (125); and thousands: `ألف` (1,000), `ألفين` (2,000),
// a number before `آلاف`/`ألف`/`ألفا` (`ثلاثة آلاف`, `12 ألفا`), then `و` and the rest.
const ARABIC_UNITS: Record<string, number> = {
  واحد: 1, احد: 1, احدى: 1, اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, اثنا: 2, اثني: 2, اثنتا: 2, اثنتي: 2,
  ثلاثة: 3, ثلاث: 3, اربعة: 4, اربع: 4, خمسة: 5, خمس: 5, ستة: 6, ست: 6, سبعة: 7, سبع: 7,
  ثمانية: 8, ثماني: 8, ثمان: 8, تسعة: 9, تسع: 9,
};
const ARABIC_TENS: Record<string, number> = {
  عشرة: 10, عشر: 10, عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
};
/** The units that multiply a hundred, as written before it: `ثلاث` in `ثلاثمئة` (300). */
const HUNDREDS_UNITS: Record<string, number> = { ثلاث: 3, اربع: 4, خمس: 5, ست: 6, سبع: 7, ثمان: 8, ثماني: 8, تسع: 9 };
/** A hundred (`مئة`, `مائة`) and two hundred (`مئتان`, `مئتين`), as arabicReadable leaves them. */
const HUNDRED_AR = '(?:مية|ماية)';
const TWO_HUNDRED_AR = '(?:ميتان|ميتين|مايتان|مايتين)';
// Longer words first, so that `خمسة` is not read as `خمس` and a letter.
const alternatives = (words: Record<string, number>) => Object.keys(words).sort((a, b) => b.length - a.length).join('|');
const UNIT_AR = `(?:${alternatives(ARABIC_UNITS)})`;
const TEN_AR = `(?:${alternatives(ARABIC_TENS)})`;
const HUNDREDS_AR = String.raw`(?:(?:${alternatives(HUNDREDS_UNITS)})\s?${HUNDRED_AR}|${TWO_HUNDRED_AR}|${HUNDRED_AR})`;
/** `ثلاثة عشر` (a unit and ten: 13), `خمسة وعشرون` (a unit and tens: 25), `عشرين`, `خمسة`. */
const UNDER_HUNDRED_AR = String.raw`(?:${UNIT_AR}\s+(?:عشرة|عشر)|${UNIT_AR}\s+و\s*${TEN_AR}|${TEN_AR}|${UNIT_AR})`;
/** Hundreds, then `و` and the rest (`مئة وخمسة وعشرون`: 125), or a number under a hundred. */
const UNDER_THOUSAND_AR = String.raw`(?:${HUNDREDS_AR}(?:\s+و\s*${UNDER_HUNDRED_AR})?|${UNDER_HUNDRED_AR})`;
/** Thousands after a number (`ثلاثة الاف`, `12 الفا`), and a thousand or two standing alone. */
const THOUSANDS_AFTER_AR = '(?:الاف|الفا|الف)';
const THOUSAND_OR_TWO_AR = '(?:الفين|الفان|الفي|الف)';
/** A thousand, two thousand, or a number times thousands; `آلاف` alone ("thousands") is no figure. */
const THOUSANDS_AR = String.raw`(?:(?:\d+|${UNDER_THOUSAND_AR})\s+${THOUSANDS_AFTER_AR}|${THOUSAND_OR_TWO_AR})`;
const NUMBER_WORDS_AR = String.raw`(?:${THOUSANDS_AR}(?:\s+و\s*${UNDER_THOUSAND_AR})?|${UNDER_THOUSAND_AR})(?!\p{L})`;
const FIGURE_AR = String.raw`(${NUMBER_WORDS_AR}|\d{1,3}(?:[,\u066c]\d{3})+|\d+)(?![\d%\u066a-])`;

const TWO_HUNDRED_WORD = new RegExp(`^${TWO_HUNDRED_AR}$`);
const HUNDREDS_WORD = new RegExp(`^(.*?)${HUNDRED_AR}$`);

/** The hundreds one word says: `مية` 100, `ميتين` 200, `ثلاثمية` 300; undefined for any other word. */
function hundredsOf(word: string): number | undefined {
  if (TWO_HUNDRED_WORD.test(word)) return 200;
  const unit = HUNDREDS_WORD.exec(word)?.[1];
  if (unit === undefined) return undefined;
  const times = unit === '' ? 1 : HUNDREDS_UNITS[unit];
  return times === undefined ? undefined : times * 100;
}

/**
 * The number Arabic words say: the hundreds, then a unit, a ten, or a unit and its ten or tens
 * added (`مية وخمسة وعشرون`: 100 + 5 + 20). A unit written apart before `مية` multiplies it.
 */
function arabicNumber(words: string): number | undefined {
  let sum = 0;
  let unitBefore: number | undefined;
  for (const [at, word] of words.split(/\s+/).entries()) {
    // What follows the hundreds, and the tens after a unit, are joined by `و` (and), written onto them or apart.
    const part = at > 0 && word.startsWith('و') && word !== 'و' ? word.slice(1) : word;
    if (part === 'و') continue;
    const hundreds = hundredsOf(part);
    if (hundreds === 100 && unitBefore !== undefined) {
      sum += unitBefore * 100 - unitBefore;
      unitBefore = undefined;
      continue;
    }
    const value = hundreds ?? ARABIC_UNITS[part] ?? ARABIC_TENS[part];
    if (value === undefined) return undefined;
    unitBefore = at === 0 && ARABIC_UNITS[part] !== undefined ? value : undefined;
    sum += value;
  }
  return sum;
}

const THOUSANDS_WORDS = new RegExp(String.raw`^(?:(.+?)\s+${THOUSANDS_AFTER_AR}|(${THOUSAND_OR_TWO_AR}))(?:\s+و\s*(.+))?$`);

/** The number Arabic words (or digits before `الف`) say, thousands included: `ثلاثة الاف وخمسمية` 3,500. */
function arabicFigure(text: string): number | undefined {
  const thousands = THOUSANDS_WORDS.exec(text);
  if (!thousands) return arabicNumber(text);
  const [, times, alone, rest] = thousands;
  const multiplier = alone !== undefined ? (alone === 'الف' ? 1 : 2) : /^\d+$/.test(times!) ? Number(times) : arabicNumber(times!);
  const below = rest === undefined ? 0 : arabicNumber(rest);
  return multiplier === undefined || below === undefined ? undefined : multiplier * 1000 + below;
}

const ABOUT_AR = String.raw`(?:(?:اكثر من|ما لا يقل عن|نحو|حوالي)\s+)?`;
/** `و` (and) or `ب` (with) written onto the word: `ومقتل`. */
const JOINED_AR = String.raw`(?:[وفب])?`;

/** In the order tried: "kills 3", "3 civilians were killed", "death toll rises to 40", then the same in French. */
const PATTERNS = [
  new RegExp(String.raw`\bkill(?:s|ed|ing)?\s+(?:at least\s+|more than\s+|nearly\s+|some\s+|about\s+)?${FIGURE}\b`, 'id'),
  new RegExp(String.raw`\b${FIGURE}\s+${WHO}${HOW}(?:killed|dead|die|died)\b`, 'id'),
  // "death toll rises to 40", "death toll in Sweida clashes reaches 40", "death toll of 40".
  new RegExp(String.raw`\bdeath toll\b[^.;:!?\d]{0,40}?\b(?:to|at|of|reaches|hits|passes|tops|exceeds)\s+(?:at least\s+|more than\s+|nearly\s+|about\s+)?${FIGURE}\b`, 'id'),
  // "a tué au moins 12 personnes", "tue trois civils".
  new RegExp(String.raw`${START}tu(?:e|ent|é|és|ée|ées|ant)\s+${ABOUT_FR}${FIGURE_FR}${END}`, 'idu'),
  // "fait 12 morts", "3 civils tués", "cinq personnes ont été tuées".
  new RegExp(String.raw`${START}${FIGURE_FR}\s+${WHO_FR}${HOW_FR}(?:morts?|tués?|tuées?)${END}`, 'idu'),
  // "le bilan s'alourdit à 40", "bilan passe à 1 204".
  new RegExp(String.raw`${START}bilan${END}[^.;:!?\d]{0,40}?${START}(?:à|de)\s+${ABOUT_FR}${FIGURE_FR}${END}`, 'idu'),
];

/** "مقتل 3 مدنيين" (the killing of 3), "12 قتيلا" (12 dead), "ارتفاع (ال)حصيلة (القتلى) إلى 40" (the toll rises to 40). */
const ARABIC_PATTERNS = [
  new RegExp(String.raw`${START}${JOINED_AR}(?:مقتل|استشهاد|قتل|قتلت|يقتل|تقتل)\s+${ABOUT_AR}${FIGURE_AR}`, 'du'),
  new RegExp(String.raw`${START}${FIGURE_AR}\s+(?:قتلى|قتيلا|قتيل|شهداء|شهيدا|شهيد)${END}`, 'du'),
  new RegExp(String.raw`${START}${JOINED_AR}(?:ال)?حصيلة${END}[^.؛،!?\d]{0,40}?${START}(?:الى|ل)\s*${ABOUT_AR}${FIGURE_AR}`, 'du'),
];

/** Arabic text with ASCII digits (Arabic-Indic and Persian ones too), without vowel marks, hamza seats or the stretching `ـ`. */
function arabicReadable(text: string): string {
  return westernDigits(text)
    .normalize('NFD')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '');
}

const figureOf = (text: string): number =>
  WORD_NUMBERS[text.toLowerCase()] ?? FRENCH_NUMBERS[text.toLowerCase()] ?? arabicFigure(text) ?? Number(text.replace(/[,. \u00a0\u202f\u066c]/g, ''));

/** A figure that reads as a year ("the 1974 agreement", "2025 dead") is none. */
const looksLikeYear = (text: string) => /^(?:19|20)\d\d$/.test(text);
/** Past this, a figure is more likely a typo or another number than a death toll: none. */
const MOST_PLAUSIBLE = 1_000_000;

/** A scale word after an English or French figure (`two hundred`, `3 thousand`, `deux mille`): the figure is not the toll. */
const SCALE_AFTER = /^\s+(?:hundreds?|thousands?|millions?|cents?|mille|milliers|milliards?)(?!\p{L})/iu;

/** Groups of the killed, one included (`1 child`). */
const GROUP_WORDS = `${WHO_WORDS}|child|civilian|soldier|fighter|militant|woman|man|person|officer|policeman|protester|worker|member`;
/** Not a group of its own: `two children among them` are of the killed already counted. */
const NOT_AMONG = String.raw`(?!\s+(?:among|of)\s+them)`;
/** After `kills 4 soldiers`: `, 2 civilians` or `and 2 civilians`, each another group of the killed. */
const MORE_KILLED = new RegExp(String.raw`^\s+(?:${WHO_WORDS})\b(?:\s*,\s*|\s+and\s+)${FIGURE}\s+(?:${GROUP_WORDS})\b${NOT_AMONG}`, 'i');
const MORE_GROUP = new RegExp(String.raw`^(?:\s*,\s*|\s+and\s+)${FIGURE}\s+(?:${GROUP_WORDS})\b${NOT_AMONG}`, 'i');

/** The groups a kill's figure goes on to list (`kills 4 soldiers, 2 civilians and 1 child`), added to it. */
function withMoreGroups(figure: number, rest: string): number {
  const first = MORE_KILLED.exec(rest);
  if (!first) return figure;
  let total = figure + figureOf(first[1]!);
  let after = rest.slice(first[0].length);
  for (let next = MORE_GROUP.exec(after); next; next = MORE_GROUP.exec(after)) {
    total += figureOf(next[1]!);
    after = after.slice(next[0].length);
  }
  return total;
}

/**
 * Words just before a figure that make it a lower bound: `at least 5`, `more than 5`, `over 5`,
 * `> 5`; `au moins`, `plus de`; `أكثر من`, `ما لا يقل عن`, `ما يزيد عن` (as arabicReadable leaves them).
 */
const LOWER_BOUND_BEFORE =
  /(?:(?<![\p{L}])(?:at least|more than|over|upwards of|in excess of|no fewer than|no less than|not less than|au moins|plus de|اكثر من|ما لا يقل عن|ما يزيد عن)\s+|(?:>=?|≥)\s*)$/iu;

/** A figure the item gives, and whether it gives it as a lower bound. */
export interface FatalityFigure {
  figure: number;
  atLeast?: true;
}

function figureIn(text: string): FatalityFigure | undefined {
  // Text with Arabic in it is read as Arabic first, then as the other languages (a quoted name).
  const readings: [RegExp[], string][] = holdsArabic(text) ? [[ARABIC_PATTERNS, arabicReadable(text)], [PATTERNS, text]] : [[PATTERNS, text]];
  for (const [patterns, read] of readings) {
    for (const pattern of patterns) {
      const match = pattern.exec(read);
      const found = match?.[1];
      if (found === undefined || looksLikeYear(found)) continue;
      if (patterns === PATTERNS && SCALE_AFTER.test(read.slice(match!.index + match![0].length))) return undefined;
      const one = figureOf(found);
      const figure = pattern === PATTERNS[0] ? withMoreGroups(one, read.slice(match!.index + match![0].length)) : one;
      if (figure > MOST_PLAUSIBLE) return undefined;
      // The words before the figure, inside the match (`kills at least 5`) or before it (`> 5 people died`).
      const before = read.slice(0, match!.indices![1]![0]);
      return LOWER_BOUND_BEFORE.test(before) ? { figure, atLeast: true } : { figure };
    }
  }
  return undefined;
}

/** The killed the title says, else the summary, and whether as a lower bound; undefined when neither says it plainly. */
export function guessFatalityFigure(item: { title: string; summary: string }): FatalityFigure | undefined {
  return figureIn(item.title) ?? figureIn(item.summary);
}

/**
 * Event types that kill no one: a toll an item about talks or an agreement gives is another
 * event's (the clashes the talks are about), which its entry would count twice.
 */
const WITHOUT_TOLL: ReadonlySet<string> = new Set(['talks', 'agreement']);

/** The toll to suggest for an entry of `type`: the item's, unless an entry of that type has none. */
export function tollFor(type: string, item: { title: string; summary: string }): FatalityFigure | undefined {
  return WITHOUT_TOLL.has(type) ? undefined : guessFatalityFigure(item);
}

/** The killed the title says, else the summary; undefined when neither says it plainly. */
export function guessFatalities(item: { title: string; summary: string }): number | undefined {
  return guessFatalityFigure(item)?.figure;
}
