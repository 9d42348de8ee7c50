// An option given twice with different values (`--topic a --topic b`): node's parseArgs keeps the
// last, so the first would be dropped without a word. The program refuses instead, naming both.
import type { parseArgs } from 'node:util';

type Tokens = NonNullable<ReturnType<typeof parseArgs>['tokens']>;

export interface RepeatedFlag {
  name: string;
  first: string;
  second: string;
}

/** The first of `names` given twice with different values, in the order typed. */
export function repeatedFlag(tokens: Tokens, names: readonly string[]): RepeatedFlag | undefined {
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !names.includes(token.name) || token.value === undefined) continue;
    const first = seen.get(token.name);
    if (first !== undefined && first !== token.value) return { name: token.name, first, second: token.value };
    seen.set(token.name, token.value);
  }
  return undefined;
}
