// Actors as cards, /timeline and /entry show print them: `Israel (initiator)`. Copied back into an
// `actors` option, the bracket is the role, as `Israel:initiator` writes it.

/** A name with a last bracketed word or words: `Israel (initiator)`, `Popular Mobilization Forces (PMF)`. */
const BRACKET_AT_END = /^(.*?\S)\s*\(\s*([^()]*?)\s*\)$/u;

/** `Name (role)` as its name and the bracketed text, as typed; undefined when the item ends in no bracket. */
export function bracketedRole(item: string): { name: string; role: string } | undefined {
  const [, name, role] = BRACKET_AT_END.exec(item.trim()) ?? [];
  return name === undefined || role === undefined || role === '' ? undefined : { name, role };
}

/** How roles are written in a list, for refusals. */
export const ROLE_NOTATION = 'A role goes after its actor: `Name:role`, or as Sitrep shows it, `Name (role)`.';
