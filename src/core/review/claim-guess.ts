// A headline giving a party's own account of what it did: `Israel says it killed a Hezbollah
// commander`, `Hezbollah claims attack on Israeli base`, `L'armée israélienne affirme avoir tué…`,
// `حزب الله يتبنى استهداف…`. The event is the deed (not a statement), the entry's confidence is
// `claimed`, and the party is recorded as claiming it. Only a suggestion on the review card.
import { findPhrase, foldPhrase, foldText, type FoldedText } from '../sources/word-match.js';
import { ACTOR_WORDS, ARTICLES } from './role-guess.js';

export interface OwnClaim {
  /** The title's words that make it a claim, folded (`says it killed`, `claims attack`). */
  said: string;
  /** The title's words after them, folded: what the party says it did. */
  deed: string;
  /** The suggested actor whose claim it is; absent when the title names no known party (`Military says it struck…`). */
  actorId?: number;
  /** A party the dossier does not know, as the title writes its name (`Hezbollah`, `Islamic State`). */
  unknown?: string;
}

const words = (list: string) => new Set(list.split(' '));
/** Verbs by which a party tells of its own act, followed by `it`/`they` and the act (`says it struck`). */
const SAYS = words('says say said claims claim claimed announces announce announced');
/** Who acted, in the speaker's words. */
const ITSELF = words('it they we');
const ITS = words('its their our');
/** `has`: `says it has killed`. */
const HAS = words('has have had');
/** Past forms not ending in -ed. */
const IRREGULAR = words('struck hit shot took seized sank blew caught brought fought won beat overran overrun stole drove slew');
/** After such a verb, a passive headline (`its soldier killed in Gaza`): someone else's act on the party. */
const PASSIVE_AFTER = words('in by during near while at');
/** `claims` with the act right after it (`claims attack`, `claims responsibility for`). */
const CLAIMS = words('claims claimed claim revendique revendiquent revendiquee');
const CLAIMED_ACTS = words(
  'responsibility credit attack attacks strike strikes killing killings assassination downing capture shooting bombing ambush operation operations raid raids ' +
    'drone drones rocket rockets missile missiles responsabilite attaque attaques attentat attentats tir tirs frappe frappes assassinat embuscade',
);
/** French: `affirme avoir tué`, `dit avoir frappé`, `revendique avoir abattu`. */
const FRENCH_SAYS = words('affirme affirment dit disent assure assurent annonce annoncent revendique revendiquent');
/** Arabic, as word-match folds it: `يعلن`/`أعلن` (announces) followed by the act, `يتبنى` (claims responsibility for). */
const ARABIC_ANNOUNCES = words('يعلن تعلن اعلن اعلنت');
const ARABIC_ADOPTS = words('يتبني تتبني تبني تبنت');
/** `يقول إنه استهدف` (says it targeted), `قال الجيش الإسرائيلي إنه قصف`: a verb of saying (`يؤكد` folded to `يوكد`), then `إنه`/`إنها`/`إنهم` and the act. */
const ARABIC_SAYS = words('يقول تقول قال قالت يوكد توكد اكد اكدت');
const ARABIC_THAT_IT = words('انه انها انهم');
/** Acts an announcement names as the speaker's own (not `مقتل`, a death it may have suffered). */
const ARABIC_ACTS = words('اغتيال استهداف اسقاط تدمير اعتقال قصف ضرب السيطره سيطره تحرير');

/** Any word that may open a claim: most titles hold none, and are passed over at once. */
const OPENERS = new RegExp(` (?:${[...SAYS, ...CLAIMS, ...FRENCH_SAYS, ...ARABIC_SAYS, ...ARABIC_ANNOUNCES, ...ARABIC_ADOPTS].join('|')}) `);

/**
 * An Arabic word that may be a verb in the past (`استهدف`, `قصف`): not one in the present or
 * future (`يستهدف`, `سيضرب`: a prefix `ي`/`ت`/`ن`/`س`) nor a negation (`لن`, `لم`, `لا`).
 */
const arabicPast = (word: string) => !/^[يتنس]/u.test(word) && !['لن', 'لم', 'لا', 'ما'].includes(word);

const pastVerb = (word: string | undefined) => word !== undefined && (/^\p{L}{2,}ed$/u.test(word) || IRREGULAR.has(word));

/**
 * Where the claim's act starts, as the index of its first word, when the words at `verb` make one
 * (Arabic: the act may come after its speaker, `أعلن الجيش الإسرائيلي استهداف`); -1 if not.
 */
function actAfter(tokens: readonly string[], verb: number): number {
  const word = tokens[verb]!;
  const next = (n: number) => tokens[verb + n];
  if (CLAIMS.has(word)) {
    const at = ARTICLES.has(next(1) ?? '') ? verb + 2 : verb + 1;
    if (CLAIMED_ACTS.has(tokens[at] ?? '')) return at;
  }
  if (SAYS.has(word)) {
    if (ITSELF.has(next(1) ?? '')) {
      const at = HAS.has(next(2) ?? '') ? verb + 3 : verb + 2;
      if (pastVerb(tokens[at]) && !PASSIVE_AFTER.has(tokens[at + 1] ?? '')) return at;
    }
    // `says its forces killed`, `says its jets struck`.
    if (ITS.has(next(1) ?? '') && ACTOR_WORDS.has(next(2) ?? '')) {
      const actor = ACTOR_WORDS.has(next(3) ?? '') ? verb + 4 : verb + 3;
      const at = HAS.has(tokens[actor] ?? '') ? actor + 1 : actor;
      if (pastVerb(tokens[at]) && !PASSIVE_AFTER.has(tokens[at + 1] ?? '')) return at;
    }
  }
  if (FRENCH_SAYS.has(word) && next(1) === 'avoir' && next(2) !== undefined) return verb + 2;
  if (ARABIC_ADOPTS.has(word) && next(1) !== undefined) return verb + 1;
  if (ARABIC_SAYS.has(word)) {
    for (let at = verb + 1; at <= verb + 6 && at + 1 < tokens.length; at++) if (ARABIC_THAT_IT.has(tokens[at]!)) return arabicPast(tokens[at + 1]!) ? at + 1 : -1;
  }
  if (ARABIC_ANNOUNCES.has(word)) {
    for (let at = verb + 1; at <= verb + 6 && at < tokens.length; at++) if (ARABIC_ACTS.has(tokens[at]!)) return at;
  }
  return -1;
}

/** The index of the word after each known actor's mention, by actor (first mention of each). */
function mentionEnds(text: FoldedText, actors: readonly { id: number; matched: string }[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const actor of actors) {
    const phrase = foldPhrase(actor.matched);
    const at = phrase ? findPhrase(text, phrase) : -1;
    if (!phrase || at === -1) continue;
    // Words before the mention, and the mention's own.
    const before = at === 0 ? 0 : text.lower.slice(1, at).split(' ').length;
    ends.set(actor.id, before + phrase.words.split(' ').length);
  }
  return ends;
}

/** Capitalised words before `says` that name who reports, not a party telling of its own act. */
const REPORTERS = words('report reports study poll survey monitor observatory watchdog source sources witness witnesses media');

/**
 * The actor who speaks at `verb`: named right before it, or before the words naming its forces
 * or office (`Israeli army says`, `l'armée israélienne affirme`); in Arabic also right after it
 * (`أعلن الجيش الإسرائيلي`). `null` for a speaker the dossier does not know: named only by such
 * words (`Military says`), or by a capitalised name (`Hezbollah claims`, in a dossier without
 * it); undefined where no speaker stands there.
 */
function speakerAt(tokens: readonly string[], cased: readonly string[], verb: number, act: number, ends: ReadonlyMap<number, number>): number | null | undefined {
  const endingAt = (at: number) => [...ends].find(([, end]) => end === at)?.[0];
  let at = verb;
  let office = false;
  for (let n = 0; n <= 3 && at > 0; n++) {
    const actor = endingAt(at);
    if (actor !== undefined) return actor;
    const word = tokens[at - 1]!;
    if (n === 0 && /^\p{Lu}/u.test(cased[at - 1]!) && !REPORTERS.has(word) && !ACTOR_WORDS.has(word)) return null;
    if (!ACTOR_WORDS.has(word) && !ARTICLES.has(word)) break;
    office ||= ACTOR_WORDS.has(word);
    at -= 1;
  }
  // Verb first: a mention ending between the verb and the act.
  for (let end = verb + 2; end <= act; end++) {
    const actor = endingAt(end);
    if (actor !== undefined) return actor;
  }
  if (office) return null;
  return act > verb + 1 && tokens.slice(verb + 1, act).some((word) => ACTOR_WORDS.has(word)) ? null : undefined;
}

/** Lower-case particles inside names, alone or joined (`ibn Taymiyya`, `Hayat Tahrir al-Sham`). */
const NAME_PARTICLES = /^(?:al|el|ad|as|ash|at|ar|az|an|bin|ibn|bani|de|du|des)(?:-\p{Lu}|$)/u;

/**
 * The capitalised name the title writes right before the word `verb` (as folded, case kept), at
 * most four words: `Hezbollah`, `Hayat Tahrir al-Sham`; undefined if none stands there.
 */
function nameBefore(title: string, verb: string): string | undefined {
  const written = title.split(/\s+/);
  const at = written.findIndex((word, n) => n > 0 && word.replace(/[^\p{L}]/gu, '').toLowerCase() === verb.toLowerCase());
  if (at === -1) return undefined;
  const name: string[] = [];
  for (let n = at - 1; n >= 0 && name.length < 4; n--) {
    const word = written[n]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (!/^\p{Lu}/u.test(word) && !NAME_PARTICLES.test(word)) break;
    name.unshift(word);
  }
  // `Military says`: an office, no name.
  const office = name.length > 0 && ACTOR_WORDS.has(name[name.length - 1]!.toLowerCase());
  return name.length > 0 && !office && /^\p{Lu}/u.test(name[0]!) ? name.join(' ') : undefined;
}

/** The own claim the title makes, if it makes one; `actors` as suggested (their mentions as matched). */
export function ownClaimIn(title: string, actors: readonly { id: number; matched: string }[]): OwnClaim | undefined {
  const text = foldText(title);
  if (!OPENERS.test(text.lower)) return undefined;
  const lower = text.lower.trim();
  const tokens = lower.split(' ');
  // The same words with their case, where lower-casing kept the length (see foldText).
  const cased = text.cased.trim().split(' ');
  const ends = mentionEnds(text, actors);
  for (let verb = 0; verb < tokens.length; verb++) {
    const act = actAfter(tokens, verb);
    if (act === -1) continue;
    const speaker = speakerAt(tokens, cased, verb, act, ends);
    if (speaker === undefined) continue;
    // Arabic may name the speaker between the verb and the act: the two words alone, then.
    // `claims attack on`, `claims responsibility for`: the act's noun with the word after it.
    const said = CLAIMS.has(tokens[verb]!) ? tokens.slice(verb, act + 2) : act - verb <= 4 ? tokens.slice(verb, act + 1) : [tokens[verb], tokens[act]];
    const unknown = speaker === null ? nameBefore(title, cased[verb]!) : undefined;
    return { said: said.join(' '), deed: tokens.slice(act).join(' '), ...(speaker === null ? {} : { actorId: speaker }), ...(unknown ? { unknown } : {}) };
  }
  return undefined;
}
