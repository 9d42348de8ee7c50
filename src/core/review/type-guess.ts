// The event type a feed item most likely reports, from the words of its title (then its summary).
// Only a suggestion on the review card: the admin approving it confirms or changes it.
import { findPhrase, foldPhrase, foldText, type FoldedPhrase, type FoldedText } from '../sources/word-match.js';
import type { EventType } from '../vocabulary.js';

/** Word stems (`*`: any ending) per type, most telling types first: a ceasefire talk is an agreement. */
const SIGNS: readonly [EventType, readonly string[]][] = [
  ['agreement', ['ceasefire*', 'truce*', 'agreement*', 'accord*', 'deal', 'deals', 'pact*', 'signed', 'signs']],
  ['air-strike', ['airstrike*', 'air strike*', 'drone strike*', 'strike*', 'bombed', 'bombing*', 'bombard*']],
  ['shelling', ['shelling*', 'shelled', 'artillery', 'mortar*', 'rocket*']],
  ['armed-clash', ['clash*', 'fighting', 'battle*', 'gunfight*', 'firefight*']],
  ['incursion', ['incursion*', 'troops enter*', 'deploy*', 'advance*', 'raid*']],
  ['violence-against-civilians', ['massacre*', 'killed civilians', 'executions', 'abduct*']],
  ['arrest', ['arrest*', 'detain*', 'detention*']],
  ['protest', ['protest*', 'demonstrat*', 'rally', 'rallies', 'march']],
  ['talks', ['talks', 'negotiat*', 'meet', 'meets', 'met', 'meeting*', 'summit*', 'mediat*', 'envoy*', 'dialogue']],
  ['humanitarian', ['aid', 'humanitarian', 'refugee*', 'displaced', 'famine', 'relief']],
  ['political-change', ['elect*', 'resign*', 'appoint*', 'sworn', 'coup*', 'cabinet']],
  ['statement', ['said', 'says', 'statement*', 'announc*', 'warn*', 'urge*', 'condemn*']],
];

const COMPILED: readonly [EventType, FoldedPhrase[]][] = SIGNS.map(([type, stems]) => [
  type,
  stems.flatMap((stem) => foldPhrase(stem.replace(/\*$/, ''), stem.endsWith('*')) ?? []),
]);

function typeIn(text: FoldedText): EventType | undefined {
  return COMPILED.find(([, phrases]) => phrases.some((phrase) => findPhrase(text, phrase) !== -1))?.[0];
}

/** The title decides when it tells; else the summary; else `other`. */
export function guessEventType(item: { title: string; summary: string }): EventType {
  return typeIn(foldText(item.title)) ?? typeIn(foldText(item.summary)) ?? 'other';
}
