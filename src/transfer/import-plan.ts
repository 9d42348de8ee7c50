// Sorts import rows into accepted, skipped (duplicates) and rejected (invalid), before anything
// is written.
import type { EntryInput } from '../core/domain.js';
import type { DossierReader } from '../core/ports.js';
import { toIsoPartial } from '../core/partial-date.js';
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
}

/** Finds duplicates already in the store: same source URL, or same date and title. */
function storeDuplicates(db: Db) {
  const byUrl = db
    .prepare('SELECT s.entry_id FROM sources s JOIN entries e ON e.id = s.entry_id WHERE s.url = ? AND e.deleted_at IS NULL LIMIT 1')
    .pluck();
  const byDateTitle = db
    .prepare('SELECT id FROM entries WHERE occurred_on = ? AND title = ? COLLATE NOCASE AND deleted_at IS NULL LIMIT 1')
    .pluck();
  return (input: EntryInput): string | undefined => {
    for (const url of input.sources.map((s) => s.url).filter((u): u is string => Boolean(u))) {
      const id = byUrl.get(url) as number | undefined;
      if (id !== undefined) return `duplicate of entry #${id} (same source URL)`;
    }
    const id = byDateTitle.get(toIsoPartial(input.start), input.title) as number | undefined;
    return id === undefined ? undefined : `duplicate of entry #${id} (same date and title)`;
  };
}

export function planImport(rows: SourceRow[], db: Db, dossier: DossierReader, onProgress?: (done: number) => void): ImportPlan {
  const plan: ImportPlan = { accepted: [], skipped: [], rejected: [] };
  const reader = memoizeActorLookups(dossier);
  const inStore = storeDuplicates(db);
  const seenUrls = new Map<string, number>();
  const seenDateTitles = new Map<string, number>();
  rows.forEach((row, index) => {
    if (index % 1000 === 0) onProgress?.(index);
    if (!row.values) {
      plan.rejected.push({ line: row.line, reason: row.error ?? 'unreadable row' });
      return;
    }
    const check = checkRow(row.values, reader);
    if (!check.ok) {
      plan.rejected.push({ line: row.line, reason: check.reason });
      return;
    }
    const { input } = check;
    const urls = input.sources.map((s) => s.url).filter((u): u is string => Boolean(u));
    const dateTitle = `${toIsoPartial(input.start)}\u0000${foldKey(input.title)}`;
    const earlier = urls.map((u) => seenUrls.get(u)).find((l) => l !== undefined) ?? seenDateTitles.get(dateTitle);
    const duplicate = earlier !== undefined ? `duplicate of line ${earlier} in this file` : inStore(input);
    if (duplicate) {
      plan.skipped.push({ line: row.line, reason: duplicate });
      return;
    }
    urls.forEach((u) => seenUrls.set(u, row.line));
    seenDateTitles.set(dateTitle, row.line);
    plan.accepted.push({ line: row.line, input });
  });
  onProgress?.(rows.length);
  return plan;
}
