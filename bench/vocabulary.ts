// Word lists for the synthetic store: real news vocabulary at the head of the distribution,
// made-up words in the long tail, and generated names for actors and places.
import type { Random } from './random.js';

/**
 * Function words: the head of any real word distribution. Without them the most common
 * content words would appear in most entries, which no news corpus does.
 */
export const FUNCTION_WORDS = `the of and to in a on for with after at by from over as near its his their
into about against amid between during under before while since than who which that this said
were was has have had are be been will would not no new two three`
  .split(/\s+/)
  .filter(Boolean);

/** Common words of conflict and diplomacy reporting, most frequent first (roughly). */
export const NEWS_WORDS = `forces talks border ceasefire officials government security military attack said
minister agreement village strike killed reported troops negotiations statement president civilians
area meeting envoy delegation withdrawal buffer zone residents sources ministry foreign army shelling
drone airstrike convoy checkpoint humanitarian aid refugees displaced camp crossing prisoners exchange
release detained arrested protest demonstrators clashes militants fighters group armed rebels
opposition regime council resolution sanctions embassy ambassador mediation mediator round summit
framework proposal draft accord truce violations monitors observers peacekeepers mission patrol
deployment incursion raid operation offensive retreat frontline positions artillery rockets missiles
interception defence air naval coast port airport highway road bridge hospital school mosque church
market district province region capital city town valley heights plateau river dam water electricity
fuel supplies shortage famine evacuation corridor reconstruction elections parliament cabinet decree
constitution amnesty reform transition interim authority militia tribal leaders clan elders community
minority religious sectarian violence victims casualties wounded injured bodies mass grave
investigation inquiry report evidence documents testimony witnesses journalists media broadcast
announcement spokesman spokeswoman briefing press conference visit trip arrival departure
condemnation warning threat ultimatum demand guarantee assurances commitment pledge funding donors
conference coalition alliance partners neighbours regional international western eastern northern
southern occupied annexed disputed contested territory sovereignty recognition normalisation
diplomatic relations channel backchannel secret direct indirect mediated hosted brokered signed
ratified suspended resumed collapsed stalled breakthrough progress setback escalation
de-escalation tensions calm quiet restraint retaliation response reprisal warning sirens shelter
curfew lockdown siege blockade smuggling weapons cache tunnel explosives landmine unexploded ordnance
demining reconnaissance surveillance intelligence assessment estimates figures toll`
  .split(/\s+/)
  .filter(Boolean);

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'j', 'k', 'kh', 'l', 'm', 'n', 'q', 'r', 's', 'sh', 't', 'v', 'w', 'z', 'dh', 'gh', 'th'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'aa', 'ei', 'ou', 'ia'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 's', 'd', 'k', 'b', 'h'];

function syllable(random: Random): string {
  return random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
}

/** A pronounceable made-up word of 2–4 syllables. */
export function pseudoWord(random: Random, minSyllables = 2, maxSyllables = 4): string {
  const count = random.between(minSyllables, maxSyllables);
  let word = '';
  for (let i = 0; i < count; i++) word += syllable(random);
  return word;
}

export const capitalize = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** `count` distinct items made by `make`, skipping any whose key was already taken. */
export function distinct(count: number, taken: Set<string>, make: () => string, key = (s: string) => s.toLowerCase()): string[] {
  const items: string[] = [];
  let attempts = 0;
  while (items.length < count) {
    if (++attempts > count * 100) throw new Error(`Could not make ${count} distinct names`);
    const item = make();
    const k = key(item);
    if (taken.has(k)) continue;
    taken.add(k);
    items.push(item);
  }
  return items;
}

export const PLACE_PATTERNS: readonly (readonly [(base: string, random: Random) => string, number])[] = [
  [(b) => b, 10],
  [(b) => `Tel ${b}`, 1],
  [(b) => `Khirbet ${b}`, 1],
  [(b) => `${b} Heights`, 0.5],
  [(b) => `${b} Valley`, 0.5],
  [(b) => `Deir ${b}`, 1],
  [(b) => `Beit ${b}`, 1],
  [(b) => `${b} crossing`, 0.5],
  [(b) => `Jabal ${b}`, 0.5],
];

export const ACTOR_KIND_WEIGHTS = [
  ['person', 55],
  ['government-body', 12],
  ['armed-group', 12],
  ['armed-force', 5],
  ['community', 5],
  ['state', 3],
  ['international-organisation', 4],
  ['other', 4],
] as const;

export const PERSON_TITLES = [
  'Foreign Minister', 'Defence Minister', 'Prime Minister', 'President', 'special envoy', 'spokesman',
  'army chief of staff', 'governor', 'mayor', 'commander', 'ambassador', 'mediator', 'tribal leader',
];

export const GROUP_FORMS = ['Brigade', 'Battalion', 'Front', 'Movement', 'Council', 'Committee', 'Forces', 'Army', 'Union', 'Party'];
export const BODY_FORMS = ['Ministry of Foreign Affairs', 'Ministry of Defence', 'Interior Ministry', 'General Staff', 'Intelligence Directorate', 'National Assembly', 'Supreme Court', 'Election Commission'];
export const OUTLETS = [
  'Reuters', 'Associated Press', 'AFP', 'Al Jazeera', 'BBC News', 'The Times of Israel', 'Haaretz',
  'SANA', 'Enab Baladi', 'Syrian Observatory for Human Rights', 'Al-Monitor', 'The National',
  'Asharq Al-Awsat', 'L\'Orient-Le Jour', 'UN OCHA', 'ACLED', 'Axios', 'The New York Times',
];
