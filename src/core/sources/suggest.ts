// What a review card proposes for a feed item: the known actors and places it mentions, the
// entry's date and its source. Only a proposal: a person confirms or edits it before it is
// an entry.
import type { SourceRecord } from '../domain.js';
import type { ActorKind } from '../vocabulary.js';
import { parsePartialDate, toIsoPartial, type PartialDate } from '../partial-date.js';
import { eventDaySaid } from './event-day.js';
import type { FeedDocument, FeedItem } from './feed-port.js';
import { arabicWords, findPhrase, foldPhrase, foldText, holdsArabic, type FoldedPhrase, type FoldedText } from './word-match.js';

/** An actor or place the dossier knows, by its name and aliases. */
export type KnownName =
  | {
      kind: 'actor';
      id: number;
      name: string;
      aliases?: readonly string[];
      actorKind?: ActorKind;
      /** What a state's people are called (`Israeli`, `سوري`): found as its aliases are, but not as part of a longer name. */
      peoples?: readonly string[];
    }
  /** `country`: the ISO code of the country a located place lies in; `ref`: its gazetteer record. */
  | { kind: 'place'; name: string; aliases?: readonly string[]; country?: string; ref?: string };

/** One way of writing a known name, folded; `order` is its place in the list the names came in. */
interface NameForm {
  order: number;
  known: KnownName;
  written: string;
  phrase: FoldedPhrase;
  /** One of a state's people's names (KnownName.peoples). */
  people: boolean;
}

/**
 * Known names folded once, to be matched against many items, each form filed under its first
 * two folded words (its only word, for a one-word name): an item tries only the forms whose
 * opening words it holds side by side, not the dossier's every name.
 */
export interface CompiledNames {
  byOpening: ReadonlyMap<string, readonly NameForm[]>;
  /** The countries the dossier's located places lie in: where a new place is likeliest. */
  countries: ReadonlySet<string>;
  /** The dossier's located places by gazetteer record: a place found under another spelling keeps the dossier's. */
  placeNames: ReadonlyMap<string, string>;
}

/** Whether a folded phrase (foldKey) is one of the known names' forms. */
export function knowsName(names: CompiledNames, folded: string): boolean {
  // As the forms were filed: Arabic words with their clitics apart.
  const words = arabicWords(folded);
  return (names.byOpening.get(words.split(' ', 2).join(' ')) ?? []).some((form) => form.phrase.words === words);
}

export interface Suggestion {
  /** Actors mentioned, in the order the item first mentions them; `matched` is the name found. */
  /** `people`: found by what its people are called (`Israeli`), not by a name of its own. */
  actors: { id: number; name: string; matched: string; people?: true }[];
  places: string[];
  /** The event's day: the publication day (UTC, or the feed's own), unless the item's words say another (`dateSaid`). */
  start?: PartialDate;
  /** The item's words that date its event from the publication (`on Sunday`, `yesterday`): event-day.ts. */
  dateSaid?: string;
  source: SourceRecord & { attribution: string };
}

/**
 * The kinds of region news leaves out of their names, or writes after them. Not `republic` or
 * `state`: `Czech` and `Dominican` alone name no place.
 */
export const REGION_KINDS: ReadonlySet<string> = new Set(['province', 'governorate', 'oblast', 'region', 'district', 'krai', 'kray', 'muhafazah']);
const REGION_KIND = new RegExp(`\\s+(?:${[...REGION_KINDS].join('|')})$`, 'i');

/**
 * Verbs news puts after a capital standing for its government (`Damascus denies…`, `Washington
 * urges…`): a place followed by one is who spoke, not where it happened, and is not suggested.
 * Not `protests`, which is as often the noun (`Paris protests turn violent`).
 */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  ('says said say urges urged warns warned denies denied condemns condemned accuses accused rejects rejected welcomes welcomed ' +
    'demands demanded insists insisted vows vowed threatens threatened announces announced blames blamed hails hailed slams slammed ' +
    'dismisses dismissed tells told pledges pledged protested summons summoned recalls recalled expels expelled ' +
    // Arabic, as word-match folds it (`تندد` condemns, `تنفي` denies, `ترحب` welcomes, `قالت` said…).
    'تقول قالت يقول قال تندد ندد تدين يدين ادانت تنفي نفت ينفي ترفض رفضت يرفض تحذر حذرت يحذر تطالب طالبت يطالب ترحب رحبت يرحب تتهم اتهمت يتهم تعلن اعلنت يعلن تتوعد توعدت')
    .split(' '),
);

/** Words before a place that make it where something is (`officials in Paris said`), not who speaks. */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(
  // Arabic too, folded and with `ب` (in) and `ل` (to) set apart from the word (`بدمشق`, `لدمشق`).
  'in at near from to of into inside outside around across toward towards over on ب ل في من الي علي قرب نحو داخل'.split(' '),
);

/** The word after a mention ending at `end` (a space in the padded text). */
function wordAfter(text: FoldedText, end: number): string {
  const next = text.lower.indexOf(' ', end + 1);
  return text.lower.slice(end + 1, next === -1 ? undefined : next);
}

/** The word before a mention starting at `start` (after a space in the padded text). */
function wordBefore(text: FoldedText, start: number): string {
  return text.lower.slice(text.lower.lastIndexOf(' ', start - 2) + 1, start - 1);
}

/** `و` (and) or `ف` (so) written onto the verb, set apart by word-match: `دمشق وتندد` is `دمشق و تندد`. */
const ARABIC_JOINING = new Set(['و', 'ف']);

/** The word after a mention, past an Arabic conjunction written onto it. */
function verbAfter(text: FoldedText, end: number): string {
  const after = wordAfter(text, end);
  return ARABIC_JOINING.has(after) ? wordAfter(text, end + 1 + after.length) : after;
}

/** Words right before a place that make it who acts, not where: `requested by France`, `condamné par Damas`. */
const AGENT_BEFORE: ReadonlySet<string> = new Set(['by', 'par']);

/**
 * A place mention that is a government speaking or acting: a verb of speech after it and no
 * preposition before, an Arabic verb of speech before it, as Arabic puts the verb first (`أعلنت
 * دمشق`), or `by` before it (`the session was requested by France`).
 */
function speaks(text: FoldedText, start: number, end: number): boolean {
  const before = wordBefore(text, start);
  return (SPEECH_VERBS.has(verbAfter(text, end)) && !PLACE_PREPOSITIONS.has(before)) || (holdsArabic(before) && SPEECH_VERBS.has(before)) || AGENT_BEFORE.has(before);
}

/** A region stored with its kind (`Sweida province`) is also named without it (`Sweida`), as news names it. */
function shortRegionName(known: KnownName): string[] {
  if (known.kind !== 'place') return [];
  const short = known.name.replace(REGION_KIND, '');
  return short !== known.name && short.trim() !== '' ? [short] : [];
}

/** Folds known names a part at a time (a long list need not be folded in one go), in list order. */
export class NameCompiler {
  private readonly byOpening = new Map<string, NameForm[]>();
  private readonly countries = new Set<string>();
  private readonly placeNames = new Map<string, string>();
  private order = 0;

  add(names: readonly KnownName[]): void {
    for (const known of names) {
      if (known.kind === 'place' && known.country) this.countries.add(known.country);
      if (known.kind === 'place' && known.ref && !this.placeNames.has(known.ref)) this.placeNames.set(known.ref, known.name);
      const names = [known.name, ...(known.aliases ?? []), ...shortRegionName(known)];
      const peoples = known.kind === 'actor' ? (known.peoples ?? []) : [];
      for (const [index, written] of [...names, ...peoples].entries()) {
        const phrase = foldPhrase(written);
        if (!phrase) continue;
        const opening = phrase.words.split(' ', 2).join(' ');
        const forms = this.byOpening.get(opening);
        const form = { order: this.order++, known, written, phrase, people: index >= names.length };
        if (forms) forms.push(form);
        else this.byOpening.set(opening, [form]);
      }
    }
  }

  get compiled(): CompiledNames {
    return { byOpening: this.byOpening, countries: this.countries, placeNames: this.placeNames };
  }
}

export function compileNames(names: readonly KnownName[]): CompiledNames {
  const compiler = new NameCompiler();
  compiler.add(names);
  return compiler.compiled;
}

/**
 * The forms whose opening words the text holds, in the order the names were listed. findPhrase
 * matches whole words one space apart (names have no `*`), so a form it can find opens with a
 * word of the text, or with two words side by side in it.
 */
function formsIn(text: FoldedText, names: CompiledNames): NameForm[] {
  const words = text.lower.split(' ');
  const openings = new Set(words);
  for (let at = 1; at < words.length; at++) openings.add(`${words[at - 1]} ${words[at]}`);
  const forms: NameForm[] = [];
  for (const opening of openings) forms.push(...(names.byOpening.get(opening) ?? []));
  return forms.sort((a, b) => a.order - b.order);
}

interface Mention {
  known: KnownName;
  written: string;
  at: number;
  end: number;
  people: boolean;
}

/** Every place a phrase occurs in the text, as [start, end) of its words. */
function spans(text: FoldedText, phrase: FoldedPhrase): [number, number][] {
  const found: [number, number][] = [];
  for (let at = findPhrase(text, phrase); at !== -1; at = findPhrase(text, phrase, at + 1)) found.push([at + 1, at + 1 + phrase.words.length]);
  return found;
}

/**
 * The known names mentioned, first mention first. A mention inside a longer one ("Israel" in
 * "Israel Defense Forces") is the longer name's, when both are known.
 */
function mentions(text: FoldedText, names: CompiledNames): Mention[] {
  const candidates: Mention[] = [];
  for (const { known, written, phrase, people } of formsIn(text, names)) {
    for (const [at, end] of spans(text, phrase)) candidates.push({ known, written, at, end, people });
  }
  candidates.sort((a, b) => b.end - b.at - (a.end - a.at) || a.at - b.at);
  const kept: Mention[] = [];
  for (const mention of candidates) {
    if (!kept.some((k) => k.at <= mention.at && mention.end <= k.end && k.known !== mention.known)) kept.push(mention);
  }
  return kept.sort((a, b) => a.at - b.at);
}

function hostOf(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return new URL(link).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The same site: one host, or one inside the other (`www.reuters.com`, `reuters.com`, `news.reuters.com`). */
const sameSite = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && (a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`));

/**
 * The name a feed goes by after `via`: the last part of a title an aggregator gives its search or
 * topic feeds (`"Syria Israel" - Google News`, `World - Google News`), else its title, else its host.
 */
function viaName(feed: Pick<FeedDocument, 'title' | 'link'>, item: FeedItem): string {
  const title = feed.title?.trim() ?? '';
  const parts = title.split(/\s[-–—|]\s/);
  return parts.at(-1)?.trim() || hostOf(feed.link) || hostOf(item.link) || 'an unnamed feed';
}

/**
 * The outlet an item is cited by. An item naming an outlet of its own (RSS `<source>`, as
 * aggregators write them) cites it and the feed it came through: `Reuters (via Google News)`;
 * one naming its own feed, the feed. Otherwise the feed's title, else the host of the item's
 * link, else of the feed's link.
 */
export function outletOf(item: FeedItem, feed: Pick<FeedDocument, 'title' | 'link'>): { outlet: string; attributed: string } {
  const own = feed.title?.trim() || hostOf(item.link) || hostOf(feed.link) || 'an unnamed feed';
  const named = item.outlet;
  if (!named) return { outlet: own, attributed: own };
  const itself = named.name.toLowerCase() === own.toLowerCase() || sameSite(hostOf(named.url), hostOf(feed.link));
  return itself ? { outlet: own, attributed: own } : { outlet: `${named.name} (via ${viaName(feed, item)})`, attributed: named.name };
}

const dayOf = (instant: Date): PartialDate => ({ year: instant.getUTCFullYear(), month: instant.getUTCMonth() + 1, day: instant.getUTCDate() });

/** Capitalised words after a people's name that still say the state (`Israeli Prime Minister`, `Syrian Army`). */
const STATE_WORDS: ReadonlySet<string> = new Set(
  'president presidency prime minister ministry foreign defence defense interior army air navy government military police security state'.split(' '),
);

/**
 * Whether the word after a mention ending at `end` is capitalised, as the next word of a name is,
 * and is not one of the state's own organs or offices.
 */
function opensName(text: FoldedText, end: number): boolean {
  return /\p{Lu}/u.test(text.cased.slice(end + 1, end + 2)) && !STATE_WORDS.has(wordAfter(text, end));
}

/**
 * Words that make a people's name another people's (`Latin American`, `South Sudanese`): a
 * people's name after one is not the state's.
 */
const PEOPLE_PREFIXES: ReadonlySet<string> = new Set('latin south north central east west african asian native anglo pan'.split(' '));

/** A title in title case (`Israeli Strike Kills Two`): most of its longer words capitalised. */
function titleCase(title: string): boolean {
  const words = title.split(/\s+/).filter((word) => /^\p{L}{4,}/u.test(word));
  return words.length >= 3 && words.filter((word) => /^\p{Lu}/u.test(word)).length >= words.length * 0.75;
}

/** The proposal for one item of `feed`; its outlet as outletOf names it, its report attributed to the outlet the item names. */
export function suggest(item: FeedItem, knownNames: readonly KnownName[] | CompiledNames, feed: Pick<FeedDocument, 'title' | 'link'> = {}): Suggestion {
  const names = 'byOpening' in knownNames ? knownNames : compileNames(knownNames);
  const actors: Suggestion['actors'] = [];
  const places: string[] = [];
  const text = foldText(`${item.title}\n${item.summary}`);
  const titleEnd = foldText(item.title).lower.length - 1;
  const styledTitle = titleCase(item.title);
  for (const { known, written, at, end, people } of mentions(text, names)) {
    // `Syrian Democratic Forces`, `the Syrian Observatory for Human Rights`: a people's name
    // opening another name is not the state (unless every word of the title is capitalised).
    if (people && opensName(text, end) && !(styledTitle && at < titleEnd)) continue;
    if (people && PEOPLE_PREFIXES.has(wordBefore(text, at))) continue;
    if (known.kind === 'actor' && !actors.some((a) => a.id === known.id)) actors.push({ id: known.id, name: known.name, matched: written, ...(people ? { people } : {}) });
    if (known.kind === 'place' && !places.includes(known.name) && !speaks(text, at, end)) places.push(known.name);
  }
  const { outlet, attributed } = outletOf(item, feed);
  const source: Suggestion['source'] = { outlet, attribution: `according to ${attributed}` };
  if (item.link) source.url = item.link;
  const suggestion: Suggestion = { actors, places, source };
  if (item.published && !Number.isNaN(item.published.getTime())) {
    // The day where the outlet wrote the time: a strike at 01:30 in Damascus is on that day there.
    suggestion.start = (item.publishedDay && parsePartialDate(item.publishedDay)) || dayOf(item.published);
    source.published = toIsoPartial(suggestion.start);
    const said = eventDaySaid(item.title, item.summary, suggestion.start);
    if (said) {
      suggestion.start = said.day;
      suggestion.dateSaid = said.said;
    }
  }
  return suggestion;
}
