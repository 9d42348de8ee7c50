// Sorts import rows into accepted, skipped (duplicates) and rejected (invalid), before anything
// is written.
import type { EntryInput } from '../core/domain.js';
import type { DossierReader } from '../core/ports.js';
import { firstDay, toIsoPartial } from '../core/partial-date.js';
import { foldKey } from '../core/text.js';
import type { Db } from '../store/connection.js';
import { memoizeActorLookups } from './memo-dossier.js';
import type { SourceRow } from './row-reader.js';
import { checkRow } from './row-validation.js';

export interface RowOutcome {
  line: number;
  reason: string;
}

export interface ImportPlan {
  accepted: { line: number; input: EntryInput }[];
  skipped: RowOutcome[];
  rejected: RowOutcome[];
  /** Accepted rows taken differently from /entry add (see row-validation), with why. */
  noted: RowOutcome[];
}

/** Same date and title: titles compare folded (case, accents and punctuation ignored). */
const dateTitleKey = (date: string, title: string) => `${date}\u0000${foldKey(title)}`;

/**
 * Finds which checked rows duplicate a live entry already stored: same source URL, or same date
 * and title by dateTitleKey, as rows within the file are compared. Two set-based lookups for the
 * whole file (one query per row cost more than checking the row itself); the second reads the
 * stored entries starting on the file's days, through the by-date index, and folds their titles.
 */
function storeDuplicates(db: Db, inputs: readonly EntryInput[], keys: readonly string[], urls: readonly string[][]): (string | undefined)[] {
  const byUrl = new Map(
    db
      .prepare(
        `SELECT j.value, min(s.entry_id) FROM json_each(?) j JOIN sources s ON s.url = j.value
         JOIN entries e ON e.id = s.entry_id AND e.deleted_at IS NULL GROUP BY j.value`,
      )
      .raw()
      .all(JSON.stringify([...new Set(urls.flat())])) as [string, number][],
  );
  const byDateTitle = new Map<string, number>();
  const stored = db
    .prepare('SELECT e.occurred_on, e.title, e.id FROM json_each(?) j JOIN entries e ON e.day_from = j.value AND e.deleted_at IS NULL ORDER BY e.id DESC')
    .raw()
    .iterate(JSON.stringify([...new Set(inputs.map((input) => firstDay(input.start)))])) as IterableIterator<[string, string, number]>;
  // Newest first, so the oldest entry with a key is the one named.
  for (const [date, title, id] of stored) byDateTitle.set(dateTitleKey(date, title), id);
  return inputs.map((_, i) => {
    const url = urls[i]!.find((u) => byUrl.has(u));
    if (url !== undefined) return `duplicate of entry #${byUrl.get(url)} (same source URL)`;
    const id = byDateTitle.get(keys[i]!);
    return id === undefined ? undefined : `duplicate of entry #${id} (same date and title)`;
  });
}

export function planImport(rows: SourceRow[], db: Db, dossier: DossierReader, onProgress?: (done: number) => void): ImportPlan {
  const plan: ImportPlan = { accepted: [], skipped: [], rejected: [], noted: [] };
  const reader = memoizeActorLookups(dossier);
  const checked: { line: number; input: EntryInput; note?: string }[] = [];
  rows.forEach((row, index) => {
    if (index % 1000 === 0) onProgress?.(index);
    if (!row.values) {
      plan.rejected.push({ line: row.line, reason: row.error ?? 'unreadable row' });
      return;
    }
    const check = checkRow(row.values, reader);
    if (check.ok) checked.push({ line: row.line, input: check.input, ...(check.note ? { note: check.note } : {}) });
    else plan.rejected.push({ line: row.line, reason: check.reason });
  });
  const urlsOf = checked.map(({ input }) => input.sources.map((s) => s.url).filter((u): u is string => Boolean(u)));
  const keys = checked.map(({ input }) => dateTitleKey(toIsoPartial(input.start), input.title));
  const inStore = storeDuplicates(db, checked.map((c) => c.input), keys, urlsOf);
  const seenUrls = new Map<string, number>();
  const seenDateTitles = new Map<string, number>();
  checked.forEach(({ line, input, note }, i) => {
    const urls = urlsOf[i]!;
    const dateTitle = keys[i]!;
    const earlier = urls.map((u) => seenUrls.get(u)).find((l) => l !== undefined) ?? seenDateTitles.get(dateTitle);
    const duplicate = earlier !== undefined ? `duplicate of line ${earlier} in this file` : inStore[i];
    if (duplicate) {
      plan.skipped.push({ line, reason: duplicate });
      return;
    }
    urls.forEach((u) => seenUrls.set(u, line));
    seenDateTitles.set(dateTitle, line);
    plan.accepted.push({ line, input });
    if (note) plan.noted.push({ line, reason: note });
  });
  onProgress?.(rows.length);
  return plan;
}
