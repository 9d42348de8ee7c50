// The day an item's own words put its event on, where they date it from the day it was published:
// a wire published on Monday reports a strike "on Sunday" or "yesterday", and the entry is dated
// by the strike, not by the report. Read in the title, else the summary's first sentence; only a
// day or two back (news reports what just happened), and not where the words speak of what is to
// come ("talks will resume on Saturday").
import { shiftDay } from '../as-of-day.js';
import { parsePartialDate, toIsoPartial, type PartialDate } from '../partial-date.js';

/** The day the words say, and the words that say it, as written. */
export interface SaidDay {
  day: PartialDate;
  said: string;
}

/** How many days back a weekday may lie from the publication: news of the day before yesterday at most. */
const MOST_DAYS_BACK = 2;
/** The summary's opening, where news dates its event. */
const READ_CHARACTERS = 300;

const ENGLISH_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const FRENCH_DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
// Arabic weekdays with and without hamza, as feeds write them (`الأحد`, `الاحد`).
const ARABIC_DAYS = [['الأحد', 'الاحد'], ['الاثنين', 'الإثنين'], ['الثلاثاء'], ['الأربعاء', 'الاربعاء'], ['الخميس'], ['الجمعة'], ['السبت']];

const alternation = (words: readonly string[]) => words.join('|');
const ARABIC_ALL = ARABIC_DAYS.flat();

/**
 * A weekday as news dates an event by it: `on Sunday`, `late Sunday`, `Sunday night`; French
 * `dimanche` (a weekday's name is no other word); Arabic `يوم الأحد`, `صباح الأحد`, `مساء الأحد`,
 * `فجر الأحد` (not `ليلة الأحد`, the night before it).
 */
const WEEKDAY = new RegExp(
  [
    `\\b(?:on|late|early)\\s+(${alternation(ENGLISH_DAYS)})\\b`,
    `\\b(${alternation(ENGLISH_DAYS)})\\s+(?:night|morning|afternoon|evening)\\b`,
    `\\b(${alternation(FRENCH_DAYS)})\\b`,
    `(?:^|[\\s(])(?:يوم|صباح|مساء|فجر|ظهر)\\s+(${alternation(ARABIC_ALL)})(?=$|[\\s.,،:)])`,
  ].join('|'),
  'iu',
);
/** `yesterday`, `hier`, `أمس` (with `و`, `ب` or the article written onto it: `بالأمس`). */
const YESTERDAY = /\byesterday\b|\bhier\b|(?:^|[\s(])(?:و|ب|ال|بال|وبال|)(?:أمس|امس)(?=$|[\s.,،:)])/iu;
/** Words saying what is to come: a weekday near them is a day ahead, not the event's. */
const AHEAD =
  /\b(?:will|would|to be|to resume|to meet|to hold|scheduled|expected|planned|plans?|set to|due to|next|upcoming|ahead of)\b|\b(?:prochain|prochaine|doit|doivent|devrait|devraient|sera|seront|aura lieu|prévu|prévue)\b|(?:^|\s)(?:سوف|المقبل|القادم|المقرر|المرتقب)(?=$|\s)/iu;

/** The sentence of `text` holding the character at `at`. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('.', at), text.lastIndexOf('\n', at)) + 1;
  const ends = [text.indexOf('.', at), text.indexOf('\n', at)].filter((end) => end !== -1);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : undefined);
}

/** The day `days` before `day` (`YYYY-MM-DD`). */
const daysBefore = (day: string, days: number): PartialDate => parsePartialDate(shiftDay(day, -days))!;

/** The weekday's number (0 Sunday) of a name the pattern matched, in any of its languages. */
function weekdayNumber(name: string): number {
  const folded = name.toLowerCase();
  const found = [ENGLISH_DAYS.indexOf(folded), FRENCH_DAYS.indexOf(folded), ARABIC_DAYS.findIndex((forms) => forms.includes(name))].find((index) => index !== -1);
  return found ?? -1;
}

/** The day `text` says its event was, from `published` (`YYYY-MM-DD`); undefined when it says none, or the publication day. */
function saidIn(text: string, published: string): SaidDay | undefined {
  const weekday = WEEKDAY.exec(text);
  const yesterday = YESTERDAY.exec(text);
  // The first of the two the text gives.
  const first = [weekday, yesterday].filter((match) => match !== null).sort((a, b) => a.index - b.index)[0];
  if (!first || AHEAD.test(sentenceAround(text, first.index))) return undefined;
  const said = first[0].trim();
  if (first === yesterday) return { day: daysBefore(published, 1), said };
  const name = first.slice(1).find((group) => group !== undefined)!;
  const back = (new Date(`${published}T00:00:00Z`).getUTCDay() - weekdayNumber(name) + 7) % 7;
  return back === 0 || back > MOST_DAYS_BACK ? undefined : { day: daysBefore(published, back), said };
}

/**
 * The day an item's words say its event was, from the day it was published: its title's word,
 * else its summary's first sentence's. Undefined when they say none, say the publication day, or
 * a weekday further back than news of the day reaches.
 */
export function eventDaySaid(title: string, summary: string, published: PartialDate): SaidDay | undefined {
  if (published.day === undefined) return undefined;
  const day = toIsoPartial(published);
  const opening = summary.slice(0, READ_CHARACTERS);
  return saidIn(title, day) ?? saidIn(sentenceAround(opening, 0), day);
}
