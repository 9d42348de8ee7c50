// Who made a change, as people read it. Changes are stored as `changeAuthor()` writes them
// (`discord:1579270444018565125 (analyst)`), which keeps the platform's id for accountability; a
// screen reader would read that id digit by digit, so replies show the name and the platform.
import { platformNoun } from './platform-names.js';

/** A stored author from a platform caller: `platform:id (name)`. Ids never hold spaces. */
const PLATFORM_AUTHOR = /^([a-z][a-z0-9-]*):(\S+) \((.+)\)$/;

/** Stamps that are not a platform's caller (an import names its file after the colon). */
const NOT_A_PLATFORM = new Set(['import']);

interface StoredAuthor {
  platform: string;
  id: string;
  name: string;
}

function parsed(stored: string): StoredAuthor | undefined {
  const match = PLATFORM_AUTHOR.exec(stored);
  if (!match || NOT_A_PLATFORM.has(match[1]!)) return undefined;
  return { platform: match[1]!, id: match[2]!, name: match[3]! };
}

/**
 * `analyst (Discord)` for `discord:1579… (analyst)`; anything else as stored: an author without
 * a name keeps its id (`slack:U01`), and the console operator, `seed` and `import:FILE` read well.
 */
export function authorLabel(stored: string): string {
  const author = parsed(stored);
  return author ? `${author.name} (${platformNoun(author.platform)})` : stored;
}

/**
 * `analyst (Discord) is Discord user 1579…`: the id behind a label, for an admin telling apart
 * two people who show the same name; undefined when the label is the stored author itself.
 */
export function authorIdentity(stored: string): string | undefined {
  const author = parsed(stored);
  return author ? `${authorLabel(stored)} is ${platformNoun(author.platform)} user ${author.id}` : undefined;
}

/**
 * authorLabel, said to the person who is `reader` (stored as `changeAuthor()` writes it): when
 * another author's label reads as the reader's own (two people sharing a name on one platform),
 * the account is named too, `alice (Slack user U0B)`, so "not yours" does not read as wrong.
 */
export function authorLabelFor(stored: string, reader: string): string {
  const author = parsed(stored);
  if (!author || stored === reader || authorLabel(stored) !== authorLabel(reader)) return authorLabel(stored);
  return `${author.name} (${platformNoun(author.platform)} user ${author.id})`;
}
