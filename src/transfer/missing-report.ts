// What an import says of the stored entries its file lacks (see missing-entries): with --complete,
// each entry it removes (would remove, on a dry run), those it keeps because no import created
// them, or why it removes none; without it, how many such entries a keyed file lacks, and the
// option that removes them.
import { plural } from '../core/text.js';
import { quoted } from './correction-text.js';
import type { ImportPlan } from './import-plan.js';
import type { MissingEntry } from './missing-entries.js';
import { listedCount, shortList } from './report-lists.js';
import { rowPlace } from './source-row.js';

/** The option that says the file is the whole set of its topics. */
export const COMPLETE = '--complete';

const createdBy = (author: string) => (author.startsWith('import:') ? `import of ${author.slice('import:'.length)}` : author);

/** `3 entries of syria-israel (#21, #22, #25)`. */
function entriesOf(entries: readonly MissingEntry[]): string {
  const topics = [...new Set(entries.map((e) => e.topic))].join(', ');
  return `${plural(entries.length, 'entry', 'entries')} of ${topics} (${shortList(entries.map((e) => `#${e.id}`))})`;
}

function removalLines(removed: readonly MissingEntry[], dryRun: boolean): string[] {
  const kind = dryRun ? 'would remove' : 'remove  ';
  const listed = listedCount(removed.length);
  const lines = removed
    .slice(0, listed)
    .map((e) => `  ${kind} entry #${e.id} ${quoted(e.title)} (${e.date}, ${e.topic}): created by ${createdBy(e.createdBy)}, not in the file`);
  const rest = removed.slice(listed);
  if (rest.length > 0) lines.push(`  ${kind} and ${rest.length} more: entries #${rest[0]!.id} to #${rest.at(-1)!.id}`);
  return lines;
}

export function missingLines(plan: ImportPlan, dryRun: boolean): string[] {
  const missing = plan.missing;
  if (!missing) return [];
  if (!missing.complete) {
    if (missing.imported.length === 0) return [];
    const again = dryRun ? 'import it' : 'import it again';
    return [`This file lacks ${entriesOf(missing.imported)} that imports created. If it is the whole set of its topics, ${again} with ${COMPLETE} to remove them.`];
  }
  const lines: string[] = [];
  if (missing.untold.length > 0 && missing.imported.length > 0) {
    const rows = missing.untold.map(rowPlace);
    const which = rows.length === 1 ? `${rows[0]} was rejected before its key could be read, so which entry it is` : `${shortList(rows)} were rejected before their keys could be read, so which entries they are`;
    const fix = dryRun ? 'Fix the file before importing it' : 'Fix the file and import it again';
    lines.push(`Nothing is removed as not in the complete set: ${which} cannot be told. ${fix} to remove the ${entriesOf(missing.imported)} that imports created and it lacks.`);
  } else lines.push(...removalLines(plan.removed, dryRun));
  if (missing.others.length > 0) {
    lines.push(`Kept, though not in the file: ${entriesOf(missing.others)} that no import created (added in the bot or by the seed); ${COMPLETE} removes only entries imports created.`);
  }
  return lines;
}
