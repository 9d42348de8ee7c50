// Sorts import rows, before anything is written, into new entries (accepted), corrections of
// stored entries, skipped rows (the same as what is stored, repeating an earlier row, or giving an
// entry as an earlier revision left it: see older-states) and rejected ones (invalid); says which
// fields a row and the store both changed since the revision the row shows, or that two rows of
// the file give one entry differently (conflicts), which are left as stored; and finds the stored
// entries of the file's topics that it lacks (see missing-entries).
import type { EntryInput } from '../core/domain.js';
import type { GazetteerPlace } from '../core/places/gazetteer-port.js';
import type { DossierReader } from '../core/ports.js';
import { toIsoPartial } from '../core/partial-date.js';
import type { Db } from '../store/connection.js';
import { changedFields } from '../core/entry-diff.js';
import { readEntryState } from '../store/entry-state.js';
import type { RevisionTaken } from '../store/entry-revision-reads.js';
import { correctedState, describeChanges, fieldChanges, fieldConflicts, type ActorNames, type FieldChange, type FieldConflict } from './corrections.js';
import { memoizeActorLookups } from './memo-dossier.js';
import { lookAlikeRefusal } from '../core/look-alike-names.js';
import { closestNames } from '../core/ranking.js';
import type { ActorKind } from '../core/vocabulary.js';
import { nearSpellings } from './near-spellings.js';
import { unreadCopiesNote } from './acled-copies.js';
import { storedActorFacts } from './actor-facts.js';
import { missingActors, missingActorsReason, PlannedActors, type PlannedActor } from './row-actors.js';
import type { RawRow, SourceRow } from './row-reader.js';
import { placeOf, rowPlace, type RowHistory, type RowPlace } from './source-row.js';
import { rowKey } from './row-key.js';
import { changedSince, mergeRow, rowBase } from './row-base.js';
import { rowRevision, type RowRevision } from './row-revision.js';
import type { PlacesCheck, RowPlaces } from './row-places.js';
import { checkRow, correctionNote, correctionRefusal } from './row-validation.js';
import { anotherEvent, dateTitleKey, entryRowCorrects, storedMatches } from './stored-matches.js';
import { quoted } from './correction-text.js';
import { storedMonthsKept } from './first-day-dates.js';
import { FileHolds, missingFromFile, removalsOf, type MissingEntry, type MissingFromFile } from './missing-entries.js';
import { olderStateReason, olderStates, type OlderCandidate } from './older-states.js';

export interface RowOutcome extends RowPlace {
  reason: string;
}

export interface AcceptedRow extends RowPlace {
  input: EntryInput;
  /** The key the row gives; the new entry gets a key of its own otherwise. */
  key?: string;
  /** The revision of another store whose state the row is (a bundle's entry), recorded on the new entry's. */
  takenFrom?: RevisionTaken;
}

/** A stored entry the row corrects: its state afterwards, and what changes. */
export interface Correction extends RowPlace {
  entryId: number;
  next: EntryInput;
  changedFields: string[];
  changes: FieldChange[];
  /** The revision of another store whose changes the correction takes with no conflict (a bundle's entry), recorded on its revision. */
  takenFrom?: RevisionTaken;
  /** Matched by a source link alone (no key): said, so a row meant as another entry is seen. */
  bySourceLink?: boolean;
}

/**
 * The fields a row and the store both changed, each its own way, since the revision the row shows
 * (`why`: `both changed since revision 27`), or that differ where the row's history and the
 * store's share nothing. With `earlier`: the fields in which that earlier row of the file gives
 * the same entry otherwise (`stored` then its value), neither row written.
 */
export interface Conflict extends RowPlace {
  entryId: number;
  why: string;
  fields: FieldConflict[];
  earlier?: RowPlace;
  /** A conflict of the whole row, said in one line instead of field by field (`fields` empty). */
  whole?: string;
  /** For a row that may be another event: what makes it a new entry instead (see newEntrySteps). */
  asNewEntry?: string;
}

export interface ImportPlan {
  accepted: AcceptedRow[];
  corrected: Correction[];
  /** Not written: a row's fields in conflict with the store's changes (its other changes are corrections). */
  conflicts: Conflict[];
  skipped: RowOutcome[];
  /**
   * Of the skipped rows, those saying again what a stored entry or an earlier row says: nothing to
   * act on, so a long run of them (a weekly re-import) is cut short in the report.
   */
  repeats: Set<RowOutcome>;
  /**
   * Of the skipped rows, those giving their entry as an earlier revision left it, the entry changed
   * since (an older file imported again, see older-states): listed, a long run of them cut short.
   */
  olderStates: Set<RowOutcome>;
  rejected: RowOutcome[];
  /** Accepted and correcting rows taken differently from /entry add or edit (see row-validation), with why. */
  noted: RowOutcome[];
  /** Actors the rows name that the store lacks, created by the import (--create-actors). */
  createdActors: PlannedActor[];
  /** Of those, the ones whose name is close to a stored actor's, with those names: a misspelling, perhaps. */
  closeToKnown: Map<string, string[]>;
  /** Places the gazetteer cannot locate that written rows keep as not located, with their lines. */
  keptUnlocated: Map<string, number[]>;
  /** The records the check located places the store lacks at, by folded name: the write stores them there (see import-write). */
  locatedPlaces: Map<string, GazetteerPlace>;
  /** What is said of the file's place_refs: a record of another name taken, one a stored place leaves unused. */
  placeRefNotes: string[];
  /**
   * Rows without a key added although an earlier row of the file has their date and title, since
   * they differ from it in other fields (two events of one day and place): said once, with their lines.
   */
  sameDateTitle: RowPlace[];
  /** The stored entries of the file's topics that it lacks, when looked for (see missing-entries). */
  missing?: MissingFromFile;
  /** Of those, the ones the import removes (--complete). */
  removed: MissingEntry[];
}

/** An earlier row of the file: the first correcting a stored entry, or one becoming a new entry. */
interface EarlierRow {
  at: RowPlace;
  input: EntryInput;
  row: RawRow;
}

/**
 * Two rows giving one entry differently: which the file means cannot be told, so the entry is left
 * as stored, the first row's correction (and what it noted, the places it kept) withdrawn.
 */
function withdrawCorrections(plan: ImportPlan, rowConflicts: readonly Conflict[], correctionNotes: ReadonlyMap<number, RowOutcome>): void {
  if (rowConflicts.length === 0) return;
  const entries = new Set(rowConflicts.map((c) => c.entryId));
  const withdrawn = plan.corrected.filter((c) => entries.has(c.entryId));
  const lines = new Set(withdrawn.map((c) => c.line));
  const notes = new Set([...entries].map((id) => correctionNotes.get(id)));
  plan.corrected = plan.corrected.filter((c) => !entries.has(c.entryId));
  const by = new Map(rowConflicts.map((c) => [c.entryId, c]));
  const untaken = withdrawn.map((c) => ({ ...placeOf(c), reason: `${rowPlace(by.get(c.entryId)!)} gives entry #${c.entryId} otherwise: neither row is written` }));
  plan.skipped = [...plan.skipped, ...untaken].sort((x, y) => x.line - y.line || (x.item ?? 0) - (y.item ?? 0));
  plan.noted = plan.noted.filter((n) => !notes.has(n));
  for (const [name, kept] of plan.keptUnlocated) {
    const left = kept.filter((line) => !lines.has(line));
    if (left.length > 0) plan.keptUnlocated.set(name, left);
    else plan.keptUnlocated.delete(name);
  }
  plan.conflicts.push(...rowConflicts);
}

export interface PlanOptions {
  /** Create the actors rows name that the store does not have, instead of refusing those rows. */
  createActors?: boolean;
  /** Actors to create whether rows name them or not (those of a bundle merged in). */
  planned?: PlannedActors;
  /**
   * Where rows' places are checked against the gazetteer (see row-places). Without it they are
   * not: a bundle carries how its places were located.
   */
  places?: RowPlaces;
  /**
   * Whether the file is the whole set of the topics its rows hold (--complete): entries imports
   * created that it lacks are removed. Undefined where that cannot be said (a bundle merge, which
   * carries its removals): the entries a file lacks are not looked for then.
   */
  complete?: boolean;
  /** Write rows that give their entry as an earlier revision left it too (--overwrite-newer; see older-states). */
  overwriteNewer?: boolean;
}

interface CheckedRow extends RowPlace {
  row: RawRow;
  input: EntryInput;
  key?: string;
  /** The revision of its entry the row shows (see row-revision). */
  revision?: RowRevision;
  /** A bundle entry's history, as it meets the store's (see bundle-merge). */
  history?: RowHistory;
  note?: string;
  /** Its places kept as not located (see row-places). */
  kept: string[];
}

/** The row's places kept as not located, or the reason it is refused (rows of a bundle are not checked). */
function placesOf(row: RawRow, input: EntryInput, places: RowPlaces | undefined): PlacesCheck {
  if (!places) return { ok: true, kept: [] };
  try {
    return places.check(row, input.places);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

function checkRows(rows: SourceRow[], db: Db, reader: DossierReader, planned: PlannedActors, options: PlanOptions, plan: ImportPlan, holds: FileHolds, onProgress?: (done: number) => void): CheckedRow[] {
  const knownActors = new Set<string>();
  // A row correcting a stored entry is refused naming it, in the file's words (see correctionRefusal).
  const refusalOf = (values: RawRow, key: string | undefined, reason: string): string => {
    const corrects = entryRowCorrects(db, key, values.source_url);
    return corrects !== undefined ? correctionRefusal(reason, corrects) : reason;
  };
  // Each row checked but for its places (`kept` filled below), or why it is refused.
  const firstChecks = rows.map((row, index): CheckedRow | RowOutcome => {
    onProgress?.(index);
    // A row's place is copied only when it is refused: most rows are not.
    if (!row.values) return { ...placeOf(row), reason: row.error ?? 'unreadable row' };
    const missing = missingActors(row.values, reader, knownActors);
    if (missing.length > 0 && !options.createActors) return { ...placeOf(row), reason: missingActorsReason(missing, reader) };
    // An actor to create that could pass for a stored one is refused with its row, not at the write.
    const lookAlike = missing.length > 0 ? lookAlikeRefusal(missing.map((actor) => actor.name), reader) : undefined;
    if (lookAlike) return { ...placeOf(row), reason: lookAlike };
    for (const actor of missing) planned.plan(actor);
    let key: string | undefined;
    let revision: RowRevision | undefined;
    try {
      key = rowKey(row.values);
      revision = rowRevision(row.values);
    } catch (error) {
      return { ...placeOf(row), reason: (error as Error).message };
    }
    const check = checkRow(row.values, reader);
    if (!check.ok) return { ...placeOf(row), reason: refusalOf(row.values, key, check.reason) };
    const one: CheckedRow = { line: row.line, row: row.values, input: check.input, kept: [] };
    if (row.item !== undefined) one.item = row.item;
    if (key) one.key = key;
    if (revision !== undefined) one.revision = revision;
    if (row.history) one.history = row.history;
    if (check.note) one.note = check.note;
    return one;
  });
  const isChecked = (first: CheckedRow | RowOutcome): first is CheckedRow => 'input' in first;
  // Places are checked once the file's are all known: a name several places share may mean the one the file's other places are near.
  options.places?.learn(firstChecks.filter(isChecked).map(({ row, input }) => ({ row, names: input.places })));
  const checked: CheckedRow[] = [];
  firstChecks.forEach((first, index) => {
    if (!isChecked(first)) {
      plan.rejected.push(first);
      // Which entry a rejected row is still counts: its entry is in the file (see missing-entries).
      holds.rejected(rows[index]!);
      return;
    }
    const places = placesOf(first.row, first.input, options.places);
    if (!places.ok) {
      plan.rejected.push({ ...placeOf(first), reason: refusalOf(first.row, first.key, places.reason) });
      holds.rejected(rows[index]!, first.key);
      return;
    }
    first.kept = places.kept;
    holds.checked(first.key, first.input.topic);
    checked.push(first);
  });
  return checked;
}

/**
 * Why a row that changes nothing of its entry is skipped: the same as the entry, or (`since`: the
 * revision it shows, the entry changed since) differing only by what the store changed since.
 */
function unchangedReason(target: { id: number; by: string }, since: number | undefined, differs: () => boolean): { reason: string; repeat: boolean } {
  if (since !== undefined && differs()) return { reason: `entry #${target.id} (${target.by}) has changed since revision ${since}, which the row shows unchanged: its changes are kept`, repeat: false };
  return { reason: `duplicate of entry #${target.id} (${target.by})`, repeat: true };
}

/**
 * The earlier row of the file a row without a key repeats: one with its date and title that gives
 * every other field alike (titles compare folded, as they matched). Rows that share only a date
 * and title are two events (ACLED's data holds several a day in one place), not repeats.
 */
const repeatedRow = (earlier: readonly EarlierRow[], input: EntryInput): EarlierRow | undefined =>
  earlier.find((row) => changedFields(row.input, input).every((field) => field === 'title'));

const titleAndDate = (e: EntryInput) => `${quoted(e.title)}, ${toIsoPartial(e.start)}`;

/** Why a row sharing only a source link with an entry, under another title and date, is neither written nor added. */
function linkOnlyConflict(entryId: number, url: string, stored: EntryInput, row: EntryInput): string {
  return `matched only by its source link (${url}), but the row gives another title and date (${titleAndDate(row)}; the entry has ${titleAndDate(stored)}): nothing is written for it. To correct entry #${entryId}, give the row that entry's key (\`event_id\`, or \`key\` in JSON); to add a new entry, give it another \`source_url\` or leave that blank`;
}

/**
 * What makes a row matched to a stored entry a new entry: no key (a copied row keeps the
 * original's `event_id` and `revision`), and no source link a stored entry cites.
 */
function newEntrySteps(byKey: boolean, sharesLink: boolean): string {
  const steps = [
    ...(byKey ? ['clear its `event_id` and `revision` cells (`key` and `revision` in JSON)'] : []),
    ...(sharesLink ? ['give it another `source_url` or leave that blank'] : []),
  ];
  return steps.join(', and ');
}

/**
 * Why an export's row with an entry's key but another title and another date is neither written
 * nor added: a spreadsheet row duplicated for another event keeps the original's `event_id` and
 * `revision`, and would silently rewrite it. Without `revision`, the row is laid over the entry.
 */
function keyedCopyConflict(entryId: number, stored: EntryInput, row: EntryInput, sharesLink: boolean): string {
  return `the row has this entry's key but gives another title and date (${titleAndDate(row)}; the entry has ${titleAndDate(stored)}), as a row copied for another event does: nothing is written for it. To add it as a new entry, ${newEntrySteps(true, sharesLink)}; to correct entry #${entryId}'s title and date, clear only its \`revision\` cell (the row is then laid over the entry as it stands), or edit it in the bot (/entry edit id:${entryId} title:… date:…)`;
}

/** Names actors by id, for the changes a correction lists: stored ones, and those the import plans. */
function actorNames(db: Db, planned: PlannedActors): ActorNames {
  const stored = db.prepare('SELECT name FROM actors WHERE id = ?').pluck();
  return (id) => (id < 0 ? planned.nameOf(id) : (stored.get(id) as string | undefined)) ?? `actor ${id}`;
}

/**
 * Rows that would correct their entry but give it exactly as an earlier revision left it, the
 * entry changed since: skipped, what the correction noted and the places it kept withdrawn with it.
 */
function skipOlderStates(db: Db, plan: ImportPlan, candidates: readonly (OlderCandidate & { correction: Correction })[]): void {
  if (candidates.length === 0) return;
  const older = olderStates(db, candidates);
  const skipped = new Map<Correction, RowOutcome>();
  candidates.forEach(({ correction }, i) => {
    const state = older[i];
    if (state) skipped.set(correction, { ...placeOf(correction), reason: olderStateReason(correction.entryId, state, correction.changes) });
  });
  if (skipped.size === 0) return;
  const placeKey = (at: RowPlace) => `${at.line}:${at.item ?? ''}`;
  const outcomes = [...skipped.values()];
  const places = new Set(outcomes.map(placeKey));
  plan.corrected = plan.corrected.filter((c) => !skipped.has(c));
  plan.noted = plan.noted.filter((n) => !places.has(placeKey(n)));
  const lines = new Set(outcomes.map((o) => o.line));
  for (const [name, kept] of plan.keptUnlocated) {
    const left = kept.filter((line) => !lines.has(line));
    if (left.length > 0) plan.keptUnlocated.set(name, left);
    else plan.keptUnlocated.delete(name);
  }
  for (const outcome of outcomes) plan.olderStates.add(outcome);
  plan.skipped = [...plan.skipped, ...outcomes].sort((x, y) => x.line - y.line || (x.item ?? 0) - (y.item ?? 0));
}

export function planImport(rows: SourceRow[], db: Db, dossier: DossierReader, onProgress?: (done: number) => void, options: PlanOptions = {}): ImportPlan {
  const plan: ImportPlan = { accepted: [], corrected: [], conflicts: [], skipped: [], repeats: new Set(), olderStates: new Set(), rejected: [], noted: [], createdActors: [], closeToKnown: new Map(), keptUnlocated: new Map(), locatedPlaces: new Map(), placeRefNotes: [], sameDateTitle: [], removed: [] };
  const planned = options.planned ?? new PlannedActors();
  const holds = new FileHolds();
  const checked = checkRows(rows, db, planned.reader(memoizeActorLookups(dossier)), planned, options, plan, holds, onProgress);
  const urlsOf = checked.map(({ input }) => input.sources.map((s) => s.url).filter((u): u is string => Boolean(u)));
  const dateTitles = checked.map(({ input }) => dateTitleKey(toIsoPartial(input.start), input.title));
  const stored = storedMatches(db, checked.map((c) => c.input), checked.map((c) => c.key), urlsOf);
  const names = actorNames(db, planned);
  // Sides the actors of the ACLED-named copies as the CSV export did (actors the import creates belong to nobody).
  const facts = storedActorFacts(db);
  // Earlier rows by what tells them apart; their place (`line 3`) is written out only for a duplicate.
  const seen = { keys: new Map<string, RowPlace>(), urls: new Map<string, RowPlace>(), dateTitles: new Map<string, EarlierRow[]>(), entries: new Map<number, EarlierRow>() };
  // Rows giving a stored entry otherwise than an earlier row for it: that entry is left as stored.
  const rowConflicts: Conflict[] = [];
  const correctionNotes = new Map<number, RowOutcome>();
  // Corrections by rows laid over their entry as it stands, to compare with its past states (see older-states).
  const olderCandidates: (OlderCandidate & { correction: Correction })[] = [];

  // The stored entry a row matches is read once for it (its ACLED-named copies, then the correction).
  let lastRead: { id: number; input: EntryInput | undefined } | undefined;
  const storedInput = (id: number): EntryInput | undefined => (lastRead?.id === id ? lastRead : (lastRead = { id, input: readEntryState(db, id)?.input })).input;
  const skipRepeat = (outcome: RowOutcome) => {
    plan.skipped.push(outcome);
    plan.repeats.add(outcome);
  };
  const keep = (line: number, kept: readonly string[]) => kept.forEach((name) => plan.keptUnlocated.set(name, [...(plan.keptUnlocated.get(name) ?? []), line]));
  checked.forEach((checkedRow, i) => {
    const { line, row, key, revision, history, note, kept } = checkedRow;
    let input = checkedRow.input;
    // A row's place is copied, and written out, only where a reason names it.
    const at = checkedRow;
    const urls = urlsOf[i]!;
    const dateTitle = dateTitles[i]!;
    // A row with a key is its entry, or a new one: never another entry of the same date and title.
    const byDateTitle = () => (key === undefined ? stored.byDateTitle.get(dateTitle) : undefined);
    const storedState = () => {
      const id = (key !== undefined ? stored.byKey.get(key)?.id : undefined) ?? urls.map((u) => stored.byUrl.get(u)).find((found) => found !== undefined) ?? byDateTitle();
      return id === undefined ? undefined : storedInput(id);
    };
    const unread = unreadCopiesNote(row, input, names, storedState, facts);
    if (unread) plan.noted.push({ ...placeOf(at), reason: unread });
    // A key says which entry a row is; rows without one are told apart by a source link, else by all their fields.
    const sameDateTitle = key === undefined ? seen.dateTitles.get(dateTitle) : undefined;
    const earlier = key !== undefined ? seen.keys.get(key) : (urls.map((u) => seen.urls.get(u)).find((l) => l !== undefined) ?? (sameDateTitle && repeatedRow(sameDateTitle, input)?.at));
    if (earlier !== undefined) return void skipRepeat({ ...placeOf(at), reason: `duplicate of ${rowPlace(earlier)} in this file` });

    const byKey = key !== undefined ? stored.byKey.get(key) : undefined;
    if (byKey) holds.entries.add(byKey.id);
    if (byKey?.removed) {
      return void plan.skipped.push({ ...placeOf(at), reason: `entry #${byKey.id}, which has this key, is removed: restore it with /entry undo id:${byKey.id} to correct it` });
    }
    const url = urls.find((u) => stored.byUrl.has(u));
    const target = byKey ? { id: byKey.id, by: 'same key' } : url !== undefined ? { id: stored.byUrl.get(url)!, by: 'same source URL' } : undefined;
    if (target) {
      holds.entries.add(target.id);
      const current = storedInput(target.id)!;
      const firstDays = storedMonthsKept(target.id, current, input);
      input = firstDays.input;
      // Another title and date under a shared link: which the row means cannot be told.
      if (!byKey && anotherEvent(current, input)) {
        return void plan.conflicts.push({ ...placeOf(at), entryId: target.id, why: '', fields: [], whole: linkOnlyConflict(target.id, url!, current, input) });
      }
      const { base, note: baseNote, noteIfChanging } = rowBase(db, target.id, revision, history);
      // An export's row (key and revision) whose title and date the file both changed from that
      // revision, the entry holding neither: a copy keeping the original's cells, not a correction
      // (a title corrected by an earlier import of the file, then its date, is one). A row giving
      // a key alone names its entry on purpose; a bundle's entry is no copy.
      const shown = base.kind === 'revision' ? base.revision.state : current;
      if (byKey && revision !== undefined && !history && anotherEvent(shown, input) && anotherEvent(current, input)) {
        return void plan.conflicts.push({ ...placeOf(at), entryId: target.id, why: '', fields: [], whole: keyedCopyConflict(target.id, current, input, url !== undefined) });
      }
      const earlierRow = seen.entries.get(target.id);
      if (earlierRow !== undefined) {
        const differences = fieldConflicts(correctedState(current, earlierRow.input, earlierRow.row), correctedState(current, input, row), names);
        if (differences.length === 0) return void skipRepeat({ ...placeOf(at), reason: `duplicate of ${rowPlace(earlierRow.at)} in this file (entry #${target.id}, ${target.by})` });
        // A row under another title or date than the entry's may be another event: said how to add it.
        const mayBeAnother = dateTitleKey(toIsoPartial(current.start), current.title) !== dateTitleKey(toIsoPartial(input.start), input.title);
        const asNewEntry = mayBeAnother ? { asNewEntry: newEntrySteps(byKey !== undefined, url !== undefined) } : {};
        return void rowConflicts.push({ ...placeOf(at), entryId: target.id, why: `${rowPlace(earlierRow.at)} gives it otherwise`, fields: differences, earlier: placeOf(earlierRow.at), ...asNewEntry });
      }
      seen.entries.set(target.id, { at, input, row });
      for (const reason of firstDays.notes) plan.noted.push({ ...placeOf(at), reason });
      if (baseNote) plan.noted.push({ ...placeOf(at), reason: baseNote });
      const { next, conflicts, fromFile } = mergeRow(base, current, input, row, names);
      const since = changedSince(base);
      const why = base.kind === 'unrelated' ? base.why : `both changed since revision ${since}`;
      if (conflicts.length > 0) plan.conflicts.push({ ...placeOf(at), entryId: target.id, why, fields: conflicts });
      const changes = fieldChanges(current, next, names);
      if (noteIfChanging && changes.length > 0) plan.noted.push({ ...placeOf(at), reason: noteIfChanging });
      if (changes.length === 0) {
        // A row whose only changes are in conflict is listed with its conflicts.
        if (conflicts.length > 0) return;
        const differs = () => fieldChanges(current, correctedState(current, input, row), names).length > 0;
        const { reason, repeat } = unchangedReason(target, since, differs);
        return void (repeat ? skipRepeat({ ...placeOf(at), reason }) : plan.skipped.push({ ...placeOf(at), reason }));
      }
      // Merged with no conflict, the bundle's entry is where the next merge between the two stores starts.
      const takenFrom = history?.latest && conflicts.length === 0 ? { mark: history.latest, whole: changedFields(next, fromFile).length === 0 } : undefined;
      const correction: Correction = { ...placeOf(at), entryId: target.id, next, changedFields: changedFields(current, next), changes, ...(takenFrom ? { takenFrom } : {}), ...(byKey ? {} : { bySourceLink: true }) };
      plan.corrected.push(correction);
      if (base.kind === 'none' && !history && !options.overwriteNewer) olderCandidates.push({ entryId: target.id, input, row, correction });
      keep(line, kept);
      // Checked on the entry as the correction leaves it: a new date may fall after a publication the row does not give.
      const corrected = correctionNote(current, next, (index) => names(next.claims![index]!.actorId));
      if (corrected) {
        const noted = { ...placeOf(at), reason: corrected };
        plan.noted.push(noted);
        correctionNotes.set(target.id, noted);
      }
      return;
    }
    const storedSameDateTitle = byDateTitle();
    if (storedSameDateTitle !== undefined) {
      holds.entries.add(storedSameDateTitle);
      const current = storedInput(storedSameDateTitle)!;
      // Titles match here as folded: only the other fields can tell the row from the entry.
      const changes = fieldChanges(current, correctedState(current, input, row), names).filter((c) => c.field !== 'title');
      const differs = changes.length > 0 ? `; it differs in ${changes.map((c) => c.label).join(', ')}: give the row that entry's key to correct it` : '';
      return void plan.skipped.push({ ...placeOf(at), reason: `duplicate of entry #${storedSameDateTitle} (same date and title)${differs}` });
    }
    // Later rows are compared with the new entries, as with those stored.
    if (key !== undefined) seen.keys.set(key, at);
    urls.forEach((u) => seen.urls.set(u, at));
    const sharing = seen.dateTitles.get(dateTitle);
    if (sharing) sharing.push({ at, input, row });
    else seen.dateTitles.set(dateTitle, [{ at, input, row }]);
    if (sameDateTitle !== undefined) plan.sameDateTitle.push(placeOf(at));
    const accepted: AcceptedRow = { line, input };
    if (at.item !== undefined) accepted.item = at.item;
    if (key) accepted.key = key;
    if (history?.latest) accepted.takenFrom = { mark: history.latest, whole: true };
    plan.accepted.push(accepted);
    keep(line, kept);
    if (note) plan.noted.push({ ...placeOf(at), reason: note });
  });
  skipOlderStates(db, plan, olderCandidates);
  withdrawCorrections(plan, rowConflicts, correctionNotes);
  if (options.complete !== undefined) {
    plan.missing = missingFromFile(db, holds, options.complete);
    plan.removed = removalsOf(plan.missing);
  }
  // Of the actors rows name, only those a written row names are created.
  const used = new Set([...plan.accepted.map((a) => a.input), ...plan.corrected.map((c) => c.next)].flatMap((e) => [...e.actors, ...(e.claims ?? [])].map((a) => a.actorId)));
  plan.createdActors = options.planned ? planned.list() : planned.list().filter((a) => used.has(a.placeholderId));
  plan.closeToKnown = closeToKnown(plan.createdActors, dossier);
  plan.locatedPlaces = options.places?.located() ?? new Map();
  plan.placeRefNotes = options.places?.refNotes() ?? [];
  onProgress?.(rows.length);
  return plan;
}

/**
 * The actors to create whose name is close to a stored one's (`Isreal`, beside Israel), as an
 * import without --create-actors would suggest them: said, not refused, since two actors may
 * rightly have close names (Iran and Iraq), but a misspelling would otherwise pass unnoticed.
 * Only names near as spellings are (see near-spellings), and of actors that may be one: an actor
 * the row gives another kind than the stored one's (a person beside a state) is not. An actor
 * close to another the same import creates is said too.
 */
function closeToKnown(created: readonly PlannedActor[], dossier: DossierReader): Map<string, string[]> {
  const close = new Map<string, string[]>();
  if (created.length === 0) return close;
  const known = dossier.allActorNames().map(({ name }) => name);
  created.forEach((actor, index) => {
    const near = closestNames(known, actor.name).filter((name) => nearSpellings(actor.name, name) && sameKindMaybe(actor.kind, name, dossier));
    // Two spellings of one actor in the file (Hezbollah, Hezbolah) would otherwise make two actors unremarked.
    const earlier = created.slice(0, index).filter((other) => nearSpellings(actor.name, other.name) && (actor.kind === other.kind || actor.kind === 'unknown' || other.kind === 'unknown'));
    const all = [...near, ...earlier.map((other) => other.name)];
    if (all.length > 0) close.set(actor.name, all);
  });
  return close;
}

/** Whether an actor of this kind may be the stored one of that name: either kind unknown, or both the same. */
function sameKindMaybe(kind: ActorKind, name: string, dossier: DossierReader): boolean {
  if (kind === 'unknown') return true;
  return dossier.actorsNamed(name).some((known) => known.kind === 'unknown' || known.kind === kind);
}

/** "line 3: entry #12: confidence reported → confirmed", for listing corrections. */
export const correctionLine = (c: Correction): string => `${rowPlace(c)}: entry #${c.entryId}${c.bySourceLink ? ' (matched by its source link)' : ''}: ${describeChanges(c.changes)}`;

/**
 * "line 16: entry #12: confidence — both changed since revision 27: …", a line for each field in
 * conflict, saying how to take the file's value anyway; or, for two rows of one entry, which each gives.
 */
export const conflictLines = (c: Conflict): string[] => {
  if (c.whole) return [`${rowPlace(c)}: entry #${c.entryId}: ${c.whole}`];
  const fields = c.fields.map((f) =>
    c.earlier
      ? `${rowPlace(c)}: entry #${c.entryId}: ${f.label} — ${rowPlace(c.earlier)} gives ${f.stored}, ${rowPlace(c)} ${f.file}; the entry is left as stored (keep one row for it in the file)`
      : `${rowPlace(c)}: entry #${c.entryId}: ${f.label} — ${c.why}: the store has ${f.stored}, the file ${f.file}; kept as stored (to take the file's, edit the entry in the bot, or make the change in a fresh export and import that)`,
  );
  return c.asNewEntry ? [...fields, `${rowPlace(c)}: entry #${c.entryId}: if ${rowPlace(c)} is another event, not this entry: to add it as a new entry, ${c.asNewEntry}`] : fields;
};
