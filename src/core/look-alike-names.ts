// Refusals of a new actor name or alias that could pass for another one: a word mixing Latin,
// Greek and Cyrillic letters, or a name whose skeleton (look-alike letters read as Latin) is an
// existing name's. Such a name would make a second actor that looks like the first, and take
// entries away from it.
import { UserError } from './errors.js';
import { skeletonKey } from './look-alike-letters.js';
import { describeMixedWord, latinSpelling, mixedWords, type MixedWord } from './mixed-alphabets.js';
import type { DossierReader } from './ports.js';

/** A stored name a new one looks like, and the actor it is a name of. */
export interface LookAlikeName {
  name: string;
  actor: string;
}

/** “Ahmed al-Sharaa”, the name of Ahmed al-Sharaa / an alias of Syria. */
const heldBy = (held: LookAlikeName) => `“${held.name}”, ${held.name === held.actor ? 'the name' : 'an alias'} of ${held.actor}`;

/** in “Sharаa”, the 5th letter “а” (U+0430) is Cyrillic; the others are Latin — for each mixed word. */
export const describeMixedWords = (words: readonly MixedWord[]) => words.map(describeMixedWord).join('; and ');

function mixedAlphabetsError(name: string, words: readonly MixedWord[], held: LookAlikeName | undefined): UserError {
  const spelled = latinSpelling(name);
  return new UserError('invalid-option', `“${name}” mixes alphabets in one word: ${describeMixedWords(words)}.`, [
    'Each word of a name is written in one alphabet, so that no name can pass for another.',
    held
      ? `It reads as ${heldBy(held)}: to mean that actor, use that name (see /actor ${held.actor}).`
      : spelled
        ? `Type it in Latin letters only: “${spelled}”.`
        : 'Type each word in one alphabet: a keyboard left on another layout, or text pasted from elsewhere, can slip in a letter that only looks right.',
  ]);
}

function looksLikeError(name: string, held: LookAlikeName): UserError {
  return new UserError('conflict', `“${name}” looks the same as ${heldBy(held)}: they differ only in letters that look alike (Latin, Greek or Cyrillic).`, [
    `If it is the same actor, use ${held.actor}, or add this spelling to it: /actors alias name:"${held.actor}" add:"${name}"`,
    'If it is another actor, give it a name that tells the two apart.',
  ]);
}

/**
 * Why `name` cannot be a new name or alias, or undefined when it can. `lookAlike` finds a stored
 * name, of another actor, whose skeleton is the one given.
 */
export function lookAlikeNameError(name: string, lookAlike: (skeleton: string) => LookAlikeName | undefined): UserError | undefined {
  const words = mixedWords(name);
  const held = lookAlike(skeletonKey(name));
  if (words.length > 0) return mixedAlphabetsError(name, words, held);
  return held ? looksLikeError(name, held) : undefined;
}

/** Each reader's names by skeleton, read once: an import's reader, whose store does not change while it plans. */
const skeletonsOf = new WeakMap<DossierReader, Map<string, { actorId: number; name: string }>>();

function storedLookAlike(dossier: DossierReader, skeleton: string): LookAlikeName | undefined {
  let stored = skeletonsOf.get(dossier);
  if (!stored) {
    stored = new Map();
    for (const held of dossier.allActorNames()) if (!stored.has(skeletonKey(held.name))) stored.set(skeletonKey(held.name), held);
    skeletonsOf.set(dossier, stored);
  }
  const held = stored.get(skeleton);
  return held && { name: held.name, actor: dossier.getActorProfile(held.actorId)?.name ?? held.name };
}

/**
 * For the actors an import would create (--create-actors): why the first that cannot be made
 * is refused, in one line, or undefined when all can.
 */
export function lookAlikeRefusal(names: readonly string[], dossier: DossierReader): string | undefined {
  for (const name of names) {
    const error = lookAlikeNameError(name, (skeleton) => storedLookAlike(dossier, skeleton));
    if (error) return [error.message, ...error.hints].join(' ');
  }
  return undefined;
}
