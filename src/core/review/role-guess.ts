// The role each suggested actor most likely has in a feed item's event, read from where the title
// names it beside the words that gave the event type: `Israeli drone strike` (initiator), `strike
// on Syrian army positions` (target), `US-mediated talks` (mediator), `Azerbaijan hosts` (host).
// Only a suggestion on the review card; an actor the title does not place is a participant.
import { SPEECH_VERBS } from '../sources/suggest.js';
import { findPhrase, foldPhrase, foldText, holdsArabic, type FoldedPhrase, type FoldedText } from '../sources/word-match.js';
import type { ActorRole, EventType } from '../vocabulary.js';
import { headlineKicker } from './piece-label.js';
import { signsOf } from './type-guess.js';

/** Types with one side acting on another. Clashes are mutual; talks and statements have their own rules. */
const ACTING: ReadonlySet<EventType> = new Set(['air-strike', 'shelling', 'incursion', 'violence-against-civilians', 'arrest']);

const words = (list: string) => new Set(list.split(' '));
/** Words between an actor and what it does (`Israeli army drones hit`, `Syrian Foreign Ministry says`). */
export const ACTOR_WORDS = words(
  'forces force troops army military soldiers jets warplanes drone drones navy air police militia militants fighters settlers artillery ' +
    'government president presidency prime minister ministry foreign defence defense interior spokesman spokesperson officials official envoy ' +
    'armee troupes soldats aviation gouvernement ministre ministere قوات الجيش جيش',
);
/** Verbs (and an article) before the act's own word (`Hezbollah fires rockets`, `le Hezbollah tire des roquettes`). */
const LEAD_INS = words('fires fired launches launched tire tirent des');
/** A speaker telling of its own act (`Israel says it struck`, `Israël affirme avoir frappé`): the speaker is who acted. */
const SAYS_IT = words('says said claims claimed it its affirme affirment dit disent avoir');
/** Words after a strike's name that say whose it is or what it is (`frappe aérienne israélienne`, `غارة جوية إسرائيلية`). */
const DESCRIBING = words('aerienne aeriennes aerien aeriens de drone جويه جوي');
/** Words before whom an act is aimed at. */
const AIMED = words('on against targeting target targets at sur contre علي ضد');
/** Articles, and Arabic's `ال` as word-match sets it apart (`الإسرائيلية` is `ل اسرائيليه`). */
export const ARTICLES = words('the a an le la les l un une des du de ل');
const BY = words('by par');
/** Words joining two actors who share a role (`Qatar and Egypt mediate`, `strikes on Syria and Lebanon`). */
const AND = words('and et &');
/** Verbs after an act naming whom it killed or wounded (`strike kills three Syrian soldiers`): whose they were is its target. */
const HARMS = words('kills killed kill wounds wounded injures injured tue tuent blesse blessent');
/** Counts between such a verb and whom it names (`kills at least 12`). */
const COUNTS = words('two three four five six seven eight nine ten eleven twelve several dozens dozen scores at least deux trois quatre cinq sept huit neuf dix plusieurs');

const phrases = (list: readonly string[]) => list.flatMap((written) => foldPhrase(written.replace(/\*$/, ''), written.endsWith('*')) ?? []);
const MEDIATED_AFTER = phrases(['mediated', 'brokered', 'sponsored', 'mediation', 'mediate', 'mediates', 'mediating', 'brokers']);
const MEDIATED_BEFORE = phrases(['mediated by', 'brokered by', 'mediation of', 'mediation by', 'mediation de', 'mediation du', 'mediation', 'sous l egide de', 'sous l egide du', 'بوساطة', 'برعاية']);
const HOSTS_AFTER = phrases(['hosts', 'host', 'hosted', 'accueille', 'accueillent']);
const HOSTED_BEFORE = phrases(['hosted by', 'accueilli par', 'accueillis par']);
const SPEECH = phrases([...SPEECH_VERBS]);
const ACTING_SIGNS = phrases([...ACTING].flatMap(signsOf));

/** A place in the folded title: the space before a word, as findPhrase reports it. */
type At = number;

/** The space after the phrase found at `at` (its last word may run on, for a stem). */
function endOf(text: FoldedText, at: At, phrase: FoldedPhrase): At {
  return text.lower.indexOf(' ', at + phrase.words.length);
}

const wordAt = (text: FoldedText, at: At) => text.lower.slice(at + 1, text.lower.indexOf(' ', at + 1));

/** Past up to `max` words of `skipped` from `at`. */
function skip(text: FoldedText, at: At, skipped: ReadonlySet<string>, max: number): At {
  for (let n = 0; n < max && at < text.lower.length - 1 && skipped.has(wordAt(text, at)); n++) at = text.lower.indexOf(' ', at + 1);
  return at;
}

/**
 * Whether one of `list` starts at `at`, or after up to three ACTOR_WORDS, LEAD_INS or SAYS_IT
 * (`drones` in `Turkish drones hit` may open the act too).
 */
function leadsTo(text: FoldedText, at: At, list: readonly FoldedPhrase[]): boolean {
  for (let n = 0; n <= 3 && at < text.lower.length - 1; n++) {
    if (startingAt(text, at, list)) return true;
    const word = wordAt(text, at);
    if (!ACTOR_WORDS.has(word) && !LEAD_INS.has(word) && !SAYS_IT.has(word)) return false;
    at = text.lower.indexOf(' ', at + 1);
  }
  return false;
}

/** Where the words after an act name whom it is aimed at (`on`, `contre le`, `على`), within its next three words. */
function aimedAt(text: FoldedText, after: At): At | undefined {
  let at = after;
  for (let n = 0; n < 3 && at < text.lower.length - 1; n++) {
    if (AIMED.has(wordAt(text, at))) return skip(text, text.lower.indexOf(' ', at + 1), ARTICLES, 1);
    at = text.lower.indexOf(' ', at + 1);
  }
  return undefined;
}

/** Where the words after an act name whom it killed or wounded (`kills at least 3`), if they do. */
function harmedAt(text: FoldedText, after: At): At | undefined {
  if (!HARMS.has(wordAt(text, after))) return undefined;
  let at = text.lower.indexOf(' ', after + 1);
  for (let n = 0; n < 3 && at < text.lower.length - 1 && (COUNTS.has(wordAt(text, at)) || /^\d+$/.test(wordAt(text, at))); n++) at = text.lower.indexOf(' ', at + 1);
  return at;
}

/** The phrase among `list` that starts at `at`, if one does. */
function startingAt(text: FoldedText, at: At, list: readonly FoldedPhrase[]): FoldedPhrase | undefined {
  return list.find((phrase) => findPhrase(text, phrase, at) === at);
}

/** Whether one of `list` (whole words, no stems) ends right before `at`. */
function endingAt(text: FoldedText, at: At, list: readonly FoldedPhrase[]): boolean {
  return list.some((phrase) => {
    const from = at - phrase.words.length - 1;
    return from >= 0 && findPhrase(text, phrase, from) === from;
  });
}

export interface RoleMention {
  id: number;
  /** The form the item names it by (a name, an alias, or its people's name). */
  matched: string;
  /** Named by its people's name (`Israeli`, `israélienne`, `إسرائيلية`). */
  people?: boolean;
}

/** The role of each actor whose mention in the title tells one; the rest are left out. */
export function guessRoles(title: string, type: EventType, actors: readonly RoleMention[]): Map<number, ActorRole> {
  // A kicker (`Syrie :`) says what the story is about, not who acts in it; folded, its colon is
  // gone, and `Syrie : des frappes` would read as Syria striking.
  const text = foldText(title.slice(headlineKicker(title)?.length ?? 0));
  const arabic = holdsArabic(title);
  // Any act's words, not only the type's: `Israeli army arrests 5 in Quneitra raid` is an incursion.
  const signs = ACTING.has(type) ? ACTING_SIGNS : [];
  const found = actors.flatMap((actor) => {
    const phrase = foldPhrase(actor.matched);
    const at = phrase ? findPhrase(text, phrase) : -1;
    return phrase && at !== -1 ? [{ actor, at, end: endOf(text, at, phrase) }] : [];
  });
  // Where each act's words are in the title, and where they end.
  const acts: { at: At; end: At }[] = [];
  for (const sign of signs) {
    for (let at = findPhrase(text, sign); at !== -1; at = findPhrase(text, sign, at + 1)) acts.push({ at, end: endOf(text, at, sign) });
  }
  const roles = new Map<number, ActorRole>();
  for (const { actor, at, end } of found) {
    const role = roleOf(text, arabic, type, { at, end, people: actor.people ?? false }, signs, acts);
    if (role) roles.set(actor.id, role);
  }
  shareAcrossAnd(text, found, roles);
  return roles;
}

/**
 * An actor joined by `and` (or in a list ending with one) to one whose role the title tells
 * shares it: the words that give a role stand beside only one of them (`Qatar and Egypt mediate`,
 * `mediated by Qatar and the US`, `Qatar, Egypt and the US mediate`).
 */
function shareAcrossAnd(text: FoldedText, found: readonly { actor: RoleMention; at: At; end: At }[], roles: Map<number, ActorRole>): void {
  const inOrder = [...found].sort((a, b) => a.at - b.at);
  const link = (first: (typeof inOrder)[number], second: (typeof inOrder)[number]) =>
    AND.has(wordAt(text, first.end)) && skip(text, text.lower.indexOf(' ', first.end + 1), ARTICLES, 1) === second.at ? 'and' : second.at === first.end ? 'next' : undefined;
  const links = inOrder.slice(1).map((second, n) => link(inOrder[n]!, second));
  // Side by side (a list's commas are gone from the folded title) counts only in a list that ends
  // with `and` (`Qatar, Egypt and the US`), not `Israel strikes Syria, Hamas says`.
  const inList = (n: number): boolean => links[n] === 'and' || (links[n] === 'next' && n + 1 < links.length && inList(n + 1));
  const pairs = inOrder.slice(1).flatMap((second, n) => {
    const first = inOrder[n]!;
    return inList(n) && first.actor.id !== second.actor.id ? [[first.actor.id, second.actor.id] as const] : [];
  });
  // Both ways, and along a chain (`Qatar, Egypt and Turkey`): backwards, then forwards.
  for (const [first, second] of [...pairs].reverse()) if (!roles.has(first) && roles.has(second)) roles.set(first, roles.get(second)!);
  for (const [first, second] of pairs) if (!roles.has(second) && roles.has(first)) roles.set(second, roles.get(first)!);
}

function roleOf(text: FoldedText, arabic: boolean, type: EventType, mention: { at: At; end: At; people: boolean }, signs: readonly FoldedPhrase[], acts: readonly { at: At; end: At }[]): ActorRole | undefined {
  const { at, end, people } = mention;
  if (startingAt(text, end, MEDIATED_AFTER) || endingAt(text, at, MEDIATED_BEFORE)) return 'mediator';
  if (startingAt(text, end, HOSTS_AFTER) || endingAt(text, at, HOSTED_BEFORE)) return 'host';
  // `Syrian Foreign Ministry says`; Arabic puts the verb first: `قالت سوريا`.
  if (type === 'statement') return leadsTo(text, end, SPEECH) || (arabic && endingAt(text, at, SPEECH)) ? 'initiator' : undefined;
  if (signs.length === 0) return undefined;
  // `Israeli drone strike`, `Israel strikes`, `Turkish drones hit`, `Israël frappe`.
  if (!arabic && leadsTo(text, end, signs)) return 'initiator';
  // A people's name after the act, in lower case as French writes it, or in Arabic: whose act it is
  // (`des frappes israéliennes`, `غارة إسرائيلية`, `قصف إسرائيل`).
  const after = arabic || (people && /^\p{Ll}/u.test(text.cased.slice(at + 1, at + 2)));
  for (const act of acts) {
    const next = skip(text, act.end, DESCRIBING, 2);
    // `strike by Israeli forces`, `frappe par Israël`.
    if (BY.has(wordAt(text, next)) && skip(text, text.lower.indexOf(' ', next + 1), ARTICLES, 1) === at) return 'initiator';
    // Right after the act: `Israel strikes Syria`, `Israël frappe la Syrie`; whose act, for a people's name after it.
    if (skip(text, next, ARTICLES, 1) === at) return after ? 'initiator' : 'target';
    // `strike on Syrian army positions`, `frappes israéliennes contre le Hezbollah`, `غارة إسرائيلية على سوريا`.
    if (aimedAt(text, next) === at) return 'target';
    // `Israeli strike kills three Syrian soldiers`: whose the killed were.
    if (harmedAt(text, next) === at) return 'target';
  }
  return undefined;
}
