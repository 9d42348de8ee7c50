// Reads rendered Discord markdown back as the text a user sees, for "nothing was lost" checks.

/** Drops escapes, zero-width spaces and the markers Sitrep adds, keeping the visible text. */
export function visibleText(markdown: string): string {
  return markdown
    .replace(/\u200b/g, '')
    .replace(/\\([^A-Za-z0-9\s])|(\*\*|__|\*|`)/g, (_all, escaped: string | undefined) => escaped ?? '');
}

/** Collapses whitespace so text split across lines, fields or pages compares equal. */
export const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every markdown character that is not escaped (for text rendered from plain spans). */
export function unescapedMarkup(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!\\)(?:\\\\)*([*_~`|<>[\]])/g)].map((m) => m[1]!);
}
