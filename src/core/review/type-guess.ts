// The event type a feed item most likely reports, from the words of its title (then its summary).
// Only a suggestion on the review card: the admin approving it confirms or changes it.
import { findPhrase, foldPhrase, foldText, type FoldedPhrase, type FoldedText } from '../sources/word-match.js';
import type { EventType } from '../vocabulary.js';

/**
 * Word stems (`*`: any ending) per type, most telling types first: a ceasefire announced is an
 * agreement. English, then French (folded: `trêve` is `treve`), then Arabic (matched with the
 * clitics Arabic writes onto a word: `بوقف إطلاق النار` holds `وقف إطلاق النار`), as feeds of the
 * region write. Arabic words with a second everyday sense are left out (`مسيرة` is a drone and a
 * march, `وقع` signed and happened).
 */
const SIGNS: readonly [EventType, readonly string[]][] = [
  ['agreement', ['ceasefire*', 'truce*', 'agreement*', 'accord*', 'deal', 'deals', 'pact*', 'memorandum*', 'signed', 'signs', 'cessez-le-feu', 'treve*', 'وقف إطلاق النار', 'هدنة', 'اتفاق*', 'توقيع']],
  ['air-strike', ['airstrike*', 'air strike*', 'air raid*', 'drone strike*', 'drone attack*', 'drones hit', 'drone hits', 'drones target*', 'drone target*', 'strike*', 'struck', 'warplane', 'warplanes', 'bombed', 'bombing*', 'bombard*', 'frappe*', 'raid aerien*', 'raids aeriens', 'غارة', 'غارات', 'قصف جوي', 'ضربة جوية', 'ضربات جوية', 'طيران حربي', 'الطيران الحربي', 'طائرة حربية', 'طائرات حربية', 'الطائرات الحربية', 'طائرة مسيرة', 'طائرات مسيرة']],
  ['shelling', ['shelling*', 'shelled', 'shells', 'artillery', 'mortar*', 'rocket*', 'missile*', 'obus', 'artillerie', 'roquette*', 'pilonn*', 'قصف مدفعي', 'قذائف', 'صواريخ', 'هاون', 'قصف', 'يقصف', 'تقصف']],
  ['armed-clash', ['clash*', 'fighting', 'battle*', 'gunfight*', 'firefight*', 'repel*', 'affrontement*', 'combats', 'accrochage*', 'اشتباك*', 'معارك', 'مواجهات']],
  ['incursion', ['incursion*', 'troops enter*', 'forces enter*', 'army enter*', 'units enter*', 'soldiers enter*', 'tanks enter*', 'deploy*', 'redeploy*', 'advance*', 'raid*',
    'troops withdraw*', 'forces withdraw*', 'fighters withdraw*', 'tribes withdraw*', 'troops pull out', 'forces pull out', 'deploi*', 'توغل*', 'يتوغل*', 'تتوغل*']],
  ['violence-against-civilians', ['massacre*', 'killed civilians', 'executions', 'abduct*', 'gunmen kill*', 'gunmen open*', 'gunmen shoot*', 'gunmen shot', 'gunmen attack*', 'settlers attack*', 'shot dead', 'mass grave*', 'مجزرة', 'مجازر', 'إعدامات', 'مقبرة جماعية']],
  ['arrest', ['arrest*', 'detain*', 'detention*', 'interpell*', 'اعتقال*', 'اعتقل*', 'يعتقل*', 'تعتقل*', 'احتجاز*']],
  ['protest', ['protest*', 'demonstrat*', 'rally', 'rallies', 'march', 'manifestation*', 'manifestant*', 'rassemblement*', 'مظاهرة', 'مظاهرات', 'تظاهر*', 'احتجاج*']],
  ['talks', ['talks', 'negotiat*', 'meet', 'meets', 'met', 'meeting*', 'summit*', 'mediat*', 'envoy*', 'dialogue', 'pourparlers', 'negociation*', 'rencontre*', 'sommet*', 'entretien*', 'محادثات', 'مباحثات', 'مفاوض*', 'اجتماع*', 'لقاء', 'قمة', 'وساطة', 'مبعوث*']],
  ['humanitarian', ['aid', 'humanitarian', 'refugee*', 'displaced', 'famine', 'relief', 'humanitaire*', 'refugie*', 'deplaces', 'مساعدات', 'إنساني*', 'لاجئ*', 'نازح*', 'مجاعة']],
  ['political-change', ['elect*', 'resign*', 'appoint*', 'sworn', 'coup*', 'cabinet', 'new government', 'demission*', 'nomme', 'nomment', 'nomination*', 'nouveau gouvernement', 'حكومة جديدة', 'انتخاب*', 'استقال*', 'تعيين', 'انقلاب']],
  ['statement', ['said', 'says', 'statement*', 'announc*', 'warn*', 'urge*', 'condemn*', 'declar*', 'calls for', 'called for', 'annonc*', 'condamn*', 'denonce*', 'appelle', 'appellent', 'dement', 'dementent', 'dementi', 'بيان', 'أعلن*', 'يعلن', 'تعلن', 'حذر*', 'أدان*', 'قال']],
];

/** The words that tell `type`, as SIGNS writes them. */
export const signsOf = (type: EventType): readonly string[] => SIGNS.find(([signed]) => signed === type)?.[1] ?? [];

const compile = (stems: readonly string[]) => stems.flatMap((stem) => foldPhrase(stem.replace(/\*$/, ''), stem.endsWith('*')) ?? []);
const COMPILED: readonly [EventType, FoldedPhrase[]][] = SIGNS.map(([type, stems]) => [type, compile(stems)]);

/** Words saying an agreement was made, not only discussed. */
const MADE = compile([
  'agree*', 'signed', 'signs', 'sign', 'reach*', 'seal*', 'announc*', 'accept*', 'takes effect', 'took effect', 'comes into force', 'came into force',
  'conclu', 'annonc*', 'signe', 'signent', 'entre en vigueur', 'اتفق*', 'تتفق*', 'يتفق*', 'توصل*', 'أعلن*', 'دخل حيز التنفيذ',
]);
/**
 * Words saying an agreement did not hold, was turned down or is only proposed: a title opening
 * with the agreement (`Ceasefire violated in Sweida`, `Truce collapses`) does not report one made.
 */
const UNMADE = compile([
  'violat*', 'breach*', 'breaks', 'breakdown', 'broke*', 'collaps*', 'fray*', 'fail*', 'falter*', 'crumbl*', 'shatter*', 'ends', 'ended',
  'threat*', 'jeopard*', 'suspend*', 'reject*', 'refus*', 'propos*', 'plan', 'plans', 'draft*', 'hopes', 'push*', 'bid', 'call*',
  'viol*', 'rompu*', 'rupture*', 'effondr*', 'menace*', 'rejet*', 'projet*', 'suspendu*',
  'خرق*', 'خروقات', 'انتهاك*', 'انهيار', 'انهار*', 'ينهار', 'تنهار', 'رفض*', 'ترفض', 'يرفض', 'مقترح*', 'اقتراح*', 'مشروع', 'خطة', 'تعليق',
]);
const AGREEMENT = COMPILED.find(([type]) => type === 'agreement')![1];
const TALKS = COMPILED.find(([type]) => type === 'talks')![1];
const AFTER_AGREEMENT = COMPILED.filter(([type]) => type !== 'agreement');

const holds = (text: FoldedText, phrases: readonly FoldedPhrase[]) => phrases.some((phrase) => findPhrase(text, phrase) !== -1);

/**
 * An agreement still to be made (folded text): `near a deal`, `close to a truce`, `a deal could be
 * signed`, `proche d'un accord`, `اتفاق وشيك`. What is reported then is the talks.
 */
const NOT_YET = new RegExp(
  [
    String.raw` (?:near|nears|nearing|close to|closer to|edge closer to|edges closer to) (?:an? )?(?:\S+ )?(?:deal|agreement|accord|truce|ceasefire)`,
    String.raw` (?:could|may|might|would|expected to|set to|poised to|likely to) (?:be )?(?:sign|signed|agree|agreed|reach|reached|seal|sealed) `,
    String.raw` proches? d (?:un )?(?:accord|cessez le feu)`,
    // `وشيك` (imminent) as word-match sets its first letter apart.
    String.raw` (?:اتفاق|هدنه) (?:و شيك|قريب)`,
  ].join('|'),
);

/**
 * The text opens with the agreement, as a headline's subject, with nothing saying it did not
 * hold: `اتفاق على وقف إطلاق النار` (agreement on a ceasefire), `Cessez-le-feu à Gaza` report
 * one agreed, as headlines leave the verb out. (A FoldedText starts with a space: its first word is at 0.)
 */
const opensWithAgreement = (text: FoldedText) => AGREEMENT.some((phrase) => findPhrase(text, phrase) === 0) && !holds(text, UNMADE);

function typeIn(text: FoldedText): EventType | undefined {
  const type = COMPILED.find(([, phrases]) => holds(text, phrases))?.[0];
  if (type === 'agreement' && NOT_YET.test(text.lower)) return AFTER_AGREEMENT.find(([, phrases]) => holds(text, phrases))?.[0] ?? 'talks';
  if (type !== 'agreement' || holds(text, MADE)) return type;
  // An agreement named with nothing saying it was made is what the title is about, not its event:
  // "Talks on the Sweida ceasefire" report talks, "Strikes as the ceasefire frays" strikes.
  const other = AFTER_AGREEMENT.find(([, phrases]) => holds(text, phrases))?.[0];
  return other ?? (opensWithAgreement(text) ? 'agreement' : undefined);
}

/**
 * Words after which a title says what its event is about or came after, not what it is:
 * `Protesters rally against Israeli strikes` is a protest, `Strikes continue despite ceasefire`
 * strikes, `Clashes amid truce talks` a clash, `Hezbollah fires rockets after strike on Beirut`
 * shelling, `Israel strikes near Damascus as Sweida ceasefire frays` an air strike. Arabic: `ضد` against, `رغم` despite, `وسط` amid, `بعد` after.
 */
const ABOUT = /\s(?:against|over|amid|amidst|despite|after|following|as|contre|malgré|malgre|sur fond de|après|apres|suite à|ضد|رغم|وسط|بعد)\s/iu;

/**
 * Words after which a title tells what someone fears, asks for, threatens or denies, not what
 * happened: `Washington warns of new clashes in Sweida`, `UN urges restraint`, `Qatar calls for a
 * ceasefire`, `Katz threatens to strike Damascus`, `يهدد بقصف`, `Hezbollah denies involvement in
 * rocket fire`. With no event before them, the event is the statement.
 */
const ASKED_FOR =
  /\s(?:warns?|warned|warning)\s+(?:of|about|against)\s|\s(?:urges?|urged|calls?\s+for|called\s+for|met en garde contre|appelle à|appellent à)\s|\s(?:threatens?|threatened|vows?|vowed|pledges?|pledged)\s+to\s|\s(?:menace|menacent|promet|promettent)\s+d|\s(?:يهدد|تهدد|هدد|هددت|يتوعد|تتوعد|توعد|توعدت)\s|\s(?:denies|denied|deny|d[ée]ment|d[ée]mentent|ينفي|تنفي|نفى|نفت)\s/iu;

/** What the words before ABOUT tell, else what the whole text tells. */
function typeOf(text: string): EventType | undefined {
  const asked = ASKED_FOR.exec(text);
  if (asked) {
    // Before the verb is who speaks: `UN envoy urges restraint` is a statement, not talks.
    const before = typeIn(foldText(text.slice(0, asked.index)));
    return before === undefined || before === 'talks' ? 'statement' : before;
  }
  const about = ABOUT.exec(text);
  return (about ? typeIn(foldText(text.slice(0, about.index))) : undefined) ?? typeIn(foldText(text));
}

/** The title decides when it tells; else the summary; else `other`. */
export function guessEventType(item: { title: string; summary: string }): EventType {
  return typeOf(item.title) ?? typeOf(item.summary) ?? 'other';
}

/**
 * The type of what a party says it did (`deed`: the title's words after `says it`, `claims`…;
 * claim-guess.ts): the act those words name, else the summary's, else `other` — a party's
 * account of its own act reports the act, not a statement.
 */
export function guessClaimedType(deed: string, summary: string): EventType {
  const told = (text: string) => {
    const type = typeOf(text);
    return type === 'statement' ? undefined : type;
  };
  return told(deed) ?? told(summary) ?? 'other';
}
