// Turns a typed actor name into one actor, or a clear error with the closest known names.
import type { ActorMatch, ActorSummary } from './domain.js';
import { UserError } from './errors.js';
import type { DossierReader } from './ports.js';
import { skeletonKey } from './look-alike-letters.js';
import { describeMixedWords } from './look-alike-names.js';
import { mixedWords } from './mixed-alphabets.js';
import { articleSpellings } from './places/arabic-article.js';
import { closestNames } from './ranking.js';
import { spelledAs } from './same-spelling.js';
import { keysWithShortWordsJoined } from './short-words-joined.js';
import { foldKey } from './text.js';
import { humanize } from './vocabulary.js';

/** All actors matching equally well: one means found, several mean the name is ambiguous. */
export function bestActorMatches(dossier: DossierReader, typed: string): ActorMatch[] {
  // Names match by their letters and digits: text with none (`?`, `👍`) would match every name.
  if (foldKey(typed) === '') return [];
  // An exact name is the best rank there is, so when one exists the wider search cannot change
  // the answer; skipping it keeps lookups by full name cheap.
  const exact = actorsNamedInAnySpelling(dossier, typed);
  if (exact.length > 0) return exact;
  let matches = dossier.findActors(typed, 10);
  for (const spelling of matches.length === 0 ? articleSpellings(foldKey(typed)).slice(0, PARTLY_MATCHED_SPELLINGS) : []) {
    matches = dossier.findActors(spelling, 10);
    if (matches.length > 0) break;
  }
  const bestRank = matches[0]?.rank;
  return matches.filter((m) => m.rank === bestRank);
}

/** How many other spellings of a name are looked for inside names: each is a scan of name trigrams. */
const PARTLY_MATCHED_SPELLINGS = 4;

/**
 * The actors named so, or else named so with the article written otherwise or left out
 * (`el-Sharaa` for `al-Sharaa`, `Ahmed ash-Sharaa`, `دروز` for `الدروز`), as place names are read,
 * or with a space typed for the apostrophe after a short word (`M hamed` for `M'hamed`, `de l
 * interieur` for `de l'Intérieur`): each is the name itself, so it is as exact a match.
 */
export function actorsNamedInAnySpelling(dossier: DossierReader, typed: string): ActorMatch[] {
  const named = dossier.actorsNamed(typed);
  if (named.length > 0) return spelledAsTypedFirst(named, typed);
  const key = foldKey(typed);
  for (const spelling of [...articleSpellings(key), ...keysWithShortWordsJoined(key)]) {
    const respelled = dossier.actorsNamed(spelling);
    if (respelled.length > 0) return respelled;
  }
  return [];
}

/**
 * Of several actors whose names fold alike, those with a name written exactly as typed, if any:
 * `Ja'far Saad` and `Jafar Saad` stay two people, each found by the name typed letter for letter;
 * only a spelling none of them has (`Ja’far Saad`) is ambiguous.
 */
function spelledAsTypedFirst(matches: ActorMatch[], typed: string): ActorMatch[] {
  if (matches.length < 2) return matches;
  const exact = matches.filter((match) => spelledAs(match.matchedName, typed));
  return exact.length > 0 ? exact : matches;
}

/** What /actor and every actor option ask when a name matches several actors. */
export const AMBIGUOUS_ACTOR_QUESTION = 'Ask again with one of these names:';

/**
 * The candidates of an ambiguous name, one per line, with what tells them apart (kind, title):
 * /actor and every actor option list them alike.
 */
export function actorCandidates(matches: readonly ActorSummary[]): string[] {
  return matches.map((m) => `${m.name} (${humanize(m.kind)})${m.title ? ` — ${m.title}` : ''}`);
}

/** As many closest names as closestNames offers by default. */
const CLOSEST_NAMES = 3;

/** A name holding `;` is most likely two actors separated by a semicolon, as some files write lists. */
export const LIST_SEPARATOR_HINT = 'Actors are separated by commas, each as name:role: actors:"Syria:participant, Israel:participant".';

/**
 * The refusal of a name no actor has, with the closest known names: first those it looks the
 * same as (`Bаshar al-Assad` with a Cyrillic `а` reads as Bashar al-Assad, though a typo or two
 * away from many). A name mixing alphabets in a word is an invalid value, not a missing actor:
 * none can be made with it, so no one is told to create it.
 */
export function notFoundError(dossier: DossierReader, typed: string, option: string): UserError {
  const names = dossier.allActorNames().map(({ name }) => name);
  const skeleton = skeletonKey(typed);
  const lookAlikes = names.filter((name) => skeletonKey(name) === skeleton);
  const closest = [...new Set([...lookAlikes, ...closestNames(names, typed)])].slice(0, CLOSEST_NAMES);
  const mixed = mixedWords(typed);
  const why = mixed.length > 0 ? `: ${describeMixedWords(mixed)}` : '';
  return new UserError(mixed.length > 0 ? 'invalid-option' : 'not-found', `No actor is called \`${typed}\` (option \`${option}\`)${why}.`, [
    ...(typed.includes(';') ? [LIST_SEPARATOR_HINT] : []),
    closest.length > 0 ? `Closest known names: ${closest.join(', ')}.` : 'No known name is close; see /actors list.',
  ], option);
}

/** Resolves to exactly one actor, or throws a UserError naming the option. */
export function resolveActor(dossier: DossierReader, typed: string, option = 'actor'): ActorMatch {
  const best = bestActorMatches(dossier, typed);
  if (best.length === 0) throw notFoundError(dossier, typed, option);
  if (best.length > 1) {
    throw new UserError('invalid-option', `\`${typed}\` matches several actors (option \`${option}\`).`, [AMBIGUOUS_ACTOR_QUESTION, ...actorCandidates(best)], option);
  }
  return best[0]!;
}

/**
 * For changes that must not guess (a merge): the text must be an actor's full name or alias.
 * A near match is offered back, to be typed in full.
 */
export function resolveActorExactly(dossier: DossierReader, typed: string, option: string): ActorMatch {
  const exact = actorsNamedInAnySpelling(dossier, typed);
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) return resolveActor(dossier, typed, option);
  const near = bestActorMatches(dossier, typed);
  if (near.length === 0) throw notFoundError(dossier, typed, option);
  throw new UserError('invalid-option', `\`${typed}\` is not the full name or an alias of an actor (option \`${option}\`).`, [
    `Type it in full: ${near.map((m) => `\`${m.name}\``).join(', ')}.`,
  ], option);
}
