// Which live entries cite these addresses as one of their sources: the oldest of each, by address
// (an import's rows matched to stored entries, a feed item already in the dossier).
import type { Statement } from 'better-sqlite3';
import { articleAddressForms, citedArticleKey, commonAddressForms } from '../core/sources/article-key.js';

const CITING = `SELECT j.value, min(s.entry_id) FROM json_each(?) j JOIN sources s ON s.url = j.value
  JOIN entries e ON e.id = s.entry_id AND e.deleted_at IS NULL GROUP BY j.value`;

// Each form as it is, or followed by a query (`?`, up to `@`) or a fragment (`#`, up to `$`):
// three seeks in the index of source addresses, never a scan of the site's every link.
const CITING_FORMS = `SELECT s.url, min(s.entry_id) FROM json_each(?) j
  JOIN sources s ON s.url = j.value OR (s.url >= j.value || '?' AND s.url < j.value || '@') OR (s.url >= j.value || '#' AND s.url < j.value || '$')
  JOIN entries e ON e.id = s.entry_id AND e.deleted_at IS NULL GROUP BY s.url`;

/** `prepare`: the caller's way to a statement (a StatementCache's, or the connection's own). */
export function citingEntries(prepare: (sql: string) => Statement, urls: readonly string[]): Map<string, number> {
  if (urls.length === 0) return new Map();
  return new Map(prepare(CITING).raw().all(JSON.stringify([...new Set(urls)])) as [string, number][]);
}

/**
 * The live entries (the oldest of each) citing the article each link leads to, under any link of
 * it (citedArticleKey: another scheme, host form, AMP copy or tracking parameter), by link.
 */
export function entriesCitingArticles(prepare: (sql: string) => Statement, links: readonly string[]): Map<string, number> {
  const linksByKey = new Map<string, string[]>();
  for (const link of new Set(links)) {
    const key = citedArticleKey(link);
    if (key !== undefined) linksByKey.set(key, [...(linksByKey.get(key) ?? []), link]);
  }
  const forms = new Set([...linksByKey.values()].flatMap((same) => articleAddressForms(same[0]!)));
  const citing = new Map<string, number>();
  if (forms.size === 0) return citing;
  for (const [url, entryId] of prepare(CITING_FORMS).raw().all(JSON.stringify([...forms])) as [string, number][]) {
    const key = citedArticleKey(url);
    for (const link of (key === undefined ? undefined : linksByKey.get(key)) ?? []) citing.set(link, Math.min(entryId, citing.get(link) ?? entryId));
  }
  return citing;
}

/**
 * The live entries (the oldest of each) citing each link's article under one of its common forms
 * (commonAddressForms: exact seeks only, for a feed check's many items), by link.
 */
export function entriesCitingCommonForms(prepare: (sql: string) => Statement, links: readonly string[]): Map<string, number> {
  const linksByForm = new Map<string, string[]>();
  for (const link of new Set(links)) for (const form of commonAddressForms(link)) linksByForm.set(form, [...(linksByForm.get(form) ?? []), link]);
  const citing = new Map<string, number>();
  for (const [form, entryId] of citingEntries(prepare, [...linksByForm.keys()])) {
    for (const link of linksByForm.get(form) ?? []) citing.set(link, Math.min(entryId, citing.get(link) ?? entryId));
  }
  return citing;
}
