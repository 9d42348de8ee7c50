// When a search finds nothing: words that name an actor by a name the entries never hold (a
// state's name in another language, `Syrie`, `إسرائيل`, a name with its article written
// otherwise, `el-Sharaa`) stand for the actor's own name, as every
// actor option reads them. Unlike "did you mean", this is no guess, so the results are shown.
import { actorNameKey } from './actor-name-key.js';
import { actorsNamedInAnySpelling } from './actor-resolution.js';
import type { DossierReader } from './ports.js';
import type { SearchTerm } from './search-terms.js';
import { escapeRegExp } from './text.js';

export interface NamedQuery {
  /** The query with each such name replaced by the actor's. */
  query: string;
  /** What was read as whom, in the order typed: `Syrie` → Syria. */
  read: { typed: string; name: string }[];
}

/** The one actor `typed` names by another name than its own, if exactly one. */
function actorNamedOtherwise(dossier: DossierReader, typed: string): string | undefined {
  const named = actorsNamedInAnySpelling(dossier, typed);
  if (named.length !== 1) return undefined;
  const actor = named[0]!;
  return actorNameKey(actor.name) === actorNameKey(typed) ? undefined : actor.name;
}

/** The query with the whole of it, else each word, read as the actor it names; undefined when none does. */
export function namedQuery(dossier: DossierReader, query: string, terms: readonly SearchTerm[]): NamedQuery | undefined {
  const whole = query.trim();
  const name = actorNamedOtherwise(dossier, whole);
  if (name !== undefined) return { query: name, read: [{ typed: whole, name }] };
  let replaced = query;
  const read: NamedQuery['read'] = [];
  for (const term of terms) {
    if (term.prefix) continue;
    const typed = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escapeRegExp(term.word)}(?![\\p{L}\\p{N}\\p{M}])`, 'iu').exec(replaced)?.[0];
    const actor = typed === undefined ? undefined : actorNamedOtherwise(dossier, typed);
    if (typed === undefined || actor === undefined) continue;
    replaced = replaced.replace(typed, actor);
    read.push({ typed, name: actor });
  }
  return read.length > 0 ? { query: replaced, read } : undefined;
}
