// What an import prints on stdout: each row not written as is (rejected, skipped, taken with a
// note), each correction field by field, each field left as stored for a conflict, the actors and
// topics it starts, the new entries each row became, and the counts. Long runs of rows that ask
// for nothing (new entries, repeats of stored ones, a place's lines) are cut short (report-lists).
import type { Writable } from 'node:stream';
import { writeLine } from './cli-lines.js';
import { humanize } from '../core/vocabulary.js';
import { isPinned, pinnedWhere } from '../core/places/pins.js';
import { foldKey } from '../core/text.js';
import { quoted } from './correction-text.js';
import { rowPlace } from './source-row.js';
import { conflictLines, correctionLine, type ImportPlan, type RowOutcome } from './import-plan.js';
import { listedCount, ROWS_LISTED, shortList } from './report-lists.js';
import { missingLines } from './missing-report.js';
import { olderStatesLine } from './older-states.js';

function printOutcomes(stdout: Writable, kind: string, outcomes: readonly RowOutcome[]): void {
  for (const o of outcomes) writeLine(stdout, `  ${kind} ${rowPlace(o)}: ${o.reason}`);
}

/** A kind of skipped row listed only for its first few, and how the line for the rest names them. */
interface CutShort {
  rows: ReadonlySet<RowOutcome>;
  rest: string;
}

/**
 * Skipped rows: each one that asks for something listed, but of those only repeating a stored
 * entry or an earlier row (every unchanged row of a re-import), and of those giving an earlier
 * state of their entry (an older file imported again), the first few, the rest in one line each.
 */
function printSkipped(stdout: Writable, skipped: readonly RowOutcome[], kinds: readonly CutShort[]): void {
  const rests = kinds.map(({ rows, rest }) => {
    const ofKind = skipped.filter((o) => rows.has(o));
    return { rest, unlisted: ofKind.slice(listedCount(ofKind.length)) };
  });
  const left = new Set(rests.flatMap((r) => r.unlisted));
  printOutcomes(stdout, 'skipped ', left.size === 0 ? skipped : skipped.filter((o) => !left.has(o)));
  for (const { rest, unlisted } of rests) {
    if (unlisted.length > 0) writeLine(stdout, `  skipped  and ${unlisted.length} more ${rest}, ${rowPlace(unlisted[0]!)} to ${rowPlace(unlisted.at(-1)!)}`);
  }
}

/** Rows without a key that share a date and title with an earlier row but differ: new entries each, said once. */
function sameDateTitleLine(plan: ImportPlan, dryRun: boolean): string[] {
  const rows = plan.sameDateTitle;
  if (rows.length === 0) return [];
  const share = rows.length === 1 ? '1 row shares a date and title with an earlier row but differs' : `${rows.length} rows share a date and title with an earlier row but differ`;
  const taken = dryRun ? 'would be imported as separate entries' : 'imported as separate entries';
  return [`${share} (${shortList(rows.map(rowPlace))}): ${taken}; give rows a \`key\` column to tell them apart.`];
}

/** Topics the new rows would start, with their row counts: a typo would start a stray one. */
function newTopicsLine(topics: readonly string[], plan: ImportPlan): string[] {
  const known = new Set(topics);
  const added = new Map<string, number>();
  for (const { input } of plan.accepted) if (!known.has(input.topic)) added.set(input.topic, (added.get(input.topic) ?? 0) + 1);
  if (added.size === 0) return [];
  return [`New topics: ${[...added].map(([topic, n]) => `${topic} (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ')}.`];
}

// A row carries an actor's name, role and at most its kind: what else an exported actor had is not in the file.
const CREATED_ACTORS_NOTE =
  '  note     A row names an actor and its role only: a kind it does not give is unknown, and aliases, titles and affiliations are not in the file. Set them with /actors edit, or move a whole dossier with `npm run export -- --format bundle`, which keeps them.';

/**
 * The pins the import stores (a pinned place of the file the store lacks, at the point and in the
 * area the file gives): `Mount Hermon at 33.416, 35.857 in Quneitra, Syria`, as the written entries spell it.
 */
function pinsStored(plan: ImportPlan): string[] {
  const spelt = new Map<string, string>();
  for (const input of [...plan.accepted.map((row) => row.input), ...plan.corrected.map((c) => c.next)]) {
    for (const name of input.places) if (!spelt.has(foldKey(name))) spelt.set(foldKey(name), name);
  }
  return [...plan.locatedPlaces].flatMap(([key, place]) => (isPinned(place) && spelt.has(key) ? [`${spelt.get(key)!} at ${pinnedWhere(place)}`] : []));
}

/** Every row's outcome but the new entries', then the actors, pins and topics the import starts. */
export function printPlan(stdout: Writable, plan: ImportPlan, topics: readonly string[], dryRun: boolean): void {
  printOutcomes(stdout, 'rejected', plan.rejected);
  printSkipped(stdout, plan.skipped, [
    { rows: plan.repeats, rest: 'duplicates of stored entries or earlier rows' },
    { rows: plan.olderStates, rest: 'rows giving their entry as an earlier revision left it, changed since' },
  ]);
  printOutcomes(stdout, 'noted   ', plan.noted);
  for (const correction of plan.corrected) writeLine(stdout, `  correct  ${correctionLine(correction)}`);
  for (const line of plan.conflicts.flatMap(conflictLines)) writeLine(stdout, `  conflict ${line}`);
  for (const line of missingLines(plan, dryRun)) writeLine(stdout, line);
  if (plan.createdActors.length > 0) {
    const actors = plan.createdActors.map((a) => `${a.name} (${humanize(a.kind)})`).join(', ');
    writeLine(stdout, `${dryRun ? 'Actors it would create' : 'Actors created'}: ${actors}.`);
    for (const [name, near] of plan.closeToKnown) {
      const fix = dryRun ? 'fix the file before importing it' : `fix the file, or fold it into that actor: /actors merge from:"${name}" into:"${near[0]}"`;
      writeLine(stdout, `  warning  ${name} — close to ${near.join(', ')}; if it is the same actor, ${fix}.`);
    }
    if (plan.createdActors.some((a) => a.kind === 'unknown')) writeLine(stdout, CREATED_ACTORS_NOTE);
  }
  for (const note of plan.placeRefNotes) writeLine(stdout, `  warning  place_refs: ${note}`);
  const pins = pinsStored(plan);
  if (pins.length > 0) writeLine(stdout, `${dryRun ? 'Places it would pin as the file pins them' : 'Places pinned as the file pins them'}: ${pins.join('; ')}.`);
  for (const line of newTopicsLine(topics, plan)) writeLine(stdout, line);
  for (const line of sameDateTitleLine(plan, dryRun)) writeLine(stdout, line);
  if (plan.olderStates.size > 0) writeLine(stdout, olderStatesLine(plan.olderStates.size, dryRun));
  if (plan.keptUnlocated.size > 0) {
    const places = [...plan.keptUnlocated].map(([name, lines]) => `${name} (${lines.length === 1 ? 'line' : 'lines'} ${shortList(lines)})`);
    writeLine(stdout, `${dryRun ? 'Places it would keep as not located' : 'Places kept as not located'}: ${places.join(', ')}.`);
  }
}

/** New entries listed one a line; past these, the rest in one line, so a large file's report stays short. */
export const ADDED_LISTED = ROWS_LISTED;

/**
 * Which row became which new entry (`added   line 7: entry #21 “title”`), `ids` the entries as
 * written, in the rows' order; a dry run (no ids) says what it would add.
 */
export function printAdded(stdout: Writable, plan: ImportPlan, ids?: readonly number[]): void {
  const kind = ids ? 'added   ' : 'would add';
  const entry = (i: number) => (ids ? `entry #${ids[i]!} ` : '');
  // One row past the limit is listed as the others: a line for the rest would be no shorter.
  const listed = listedCount(plan.accepted.length, ADDED_LISTED);
  plan.accepted.slice(0, listed).forEach((row, i) => writeLine(stdout, `  ${kind} ${rowPlace(row)}: ${entry(i)}${quoted(row.input.title)}`));
  const rest = plan.accepted.length - listed;
  if (rest === 0) return;
  const [first, last] = [plan.accepted[listed]!, plan.accepted.at(-1)!];
  const entries = ids ? `: entries #${ids[listed]!}–#${ids.at(-1)!}` : '';
  writeLine(stdout, `  ${kind} and ${rest} more, ${rowPlace(first)} to ${rowPlace(last)}${entries}`);
}

export function planCounts(plan: ImportPlan): string {
  const corrected = plan.corrected.length > 0 ? `, ${plan.corrected.length} corrected` : '';
  const conflicts = plan.conflicts.length > 0 ? `, ${plan.conflicts.length} in conflict` : '';
  const removed = plan.removed.length > 0 ? `, ${plan.removed.length} removed` : '';
  return `${plan.accepted.length} accepted, ${plan.skipped.length} skipped, ${plan.rejected.length} rejected${corrected}${conflicts}${removed}`;
}

/** Whether the plan writes anything: new entries, corrections, removals or actors. */
export const plansWrites = (plan: ImportPlan): boolean => plan.accepted.length + plan.corrected.length + plan.removed.length + plan.createdActors.length > 0;
