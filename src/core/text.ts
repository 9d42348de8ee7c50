// Text helpers shared by matching and rendering.

/**
 * Folds a name for matching: no diacritics, lower case, punctuation as spaces.
 * `Al-Sharaa`, `al sharaa` and `AL‑ŠHARAA` all become `al sharaa`.
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
