// A bundle imported into a store that already holds a dossier is merged: each of its actors is the
// stored actor answering to its name or one of its aliases (given the names it lacks, see
// bundle-actor-names; a differing title, kind or affiliation is said, not merged), or is created
// with its kind, title, aliases and affiliation; each entry live on both sides (see bundle-removed)
// becomes an import row naming actors and places by name, so it is matched by its key like any
// row (new, a correction, or unchanged). An entry whose
// history the bundle and the store share in part (copies of one store, or stores that merged each
// other's bundles) is compared from the last revision both hold: what the store changed since is
// kept, unless the bundle changed it too (a conflict); one whose history shares nothing with the
// store's has each field that differs in conflict. Its history stays behind: a merged entry's
// history starts with the import, which remembers the bundle's revision it merged with no conflict.
import { fatalitiesText } from '../core/fatalities.js';
import type { ActorMatch } from '../core/domain.js';
import { humanize, type ActorKind } from '../core/vocabulary.js';
import type { DossierReader } from '../core/ports.js';
import type { BundleClaim, BundleName, EntryLinks } from '../store/bundle-format.js';
import type { BundleRecord } from '../store/bundle-load.js';
import type { BundleRevision, RevisionMark, RevisionTaken } from '../store/entry-revision-reads.js';
import { toFatalities } from '../store/entry-rows.js';
import type { RowOutcome } from './import-plan.js';
import { storedKey } from '../store/entry-keys.js';
import type { MatchedActor } from './bundle-actor-names.js';
import { removedReason } from './bundle-removed.js';
import type { KeyedEntry } from './bundle-stored-entries.js';
import { PlannedActors } from './row-actors.js';
import type { SourceRow } from './source-row.js';

export interface BundleMerge {
  rows: SourceRow[];
  planned: PlannedActors;
  /** Entries removed in the bundle or here: not merged (see bundle-removed). */
  skipped: RowOutcome[];
  /** Bundle actors taken for a stored actor of another name, title, kind or affiliation, said so the operator can check them. */
  matched: string[];
  /** Every bundle actor taken for a stored one, with its names: those the stored actor lacks are added (see bundle-actor-names). */
  taken: MatchedActor[];
}

type Fields = Record<string, unknown>;

/** The store's number for the latest of these revisions (of one bundle entry) that it holds too, if any. */
export type SharedRevision = (revisions: readonly BundleRevision[]) => number | undefined;

/** The revision of another store a revision record says its merge took (taken_from_*, see 0037): whole, unless it says not. */
function takenFrom(fields: Fields): RevisionTaken | undefined {
  const { taken_from_id: id, taken_from_by: by, taken_from_at: at, taken_whole: whole } = fields;
  return typeof id === 'number' && typeof by === 'string' && typeof at === 'string' ? { mark: { id, changedBy: by, changedAt: at }, whole: whole !== 0 } : undefined;
}

/**
 * Each bundle entry's revisions, oldest first, by the entry's id in the bundle: their marks only,
 * not the snapshots that make most of a bundle's size.
 */
function entryRevisions(records: readonly BundleRecord[]): Map<number, BundleRevision[]> {
  const byEntry = new Map<number, BundleRevision[]>();
  for (const record of records) {
    if (record.kind !== 'revision') continue;
    // Read from the file each time it is asked for (see bundle-file): asked once.
    const fields = record.fields;
    if (fields.entity !== 'entry') continue;
    const taken = takenFrom(fields);
    const revision = { id: fields.id as number, changedBy: fields.changed_by as string, changedAt: fields.changed_at as string, ...(taken ? { takenFrom: taken } : {}) };
    const entryId = fields.entity_id as number;
    const revisions = byEntry.get(entryId);
    if (revisions) revisions.push(revision);
    else byEntry.set(entryId, [revision]);
  }
  for (const revisions of byEntry.values()) revisions.sort((a, b) => a.id - b.id);
  return byEntry;
}

/**
 * The revision whose state the entry shows (its latest), as its store numbered it; or, when that
 * revision took a third store's whole, the third store's: a merge taking it then holds that store's
 * revision too, and is found from either store's later bundles (whose own records name it).
 */
const latestMark = (revisions: readonly BundleRevision[]): RevisionMark | undefined => {
  const last = revisions.at(-1);
  if (last?.takenFrom?.whole) return last.takenFrom.mark;
  return last && { id: last.id, changedBy: last.changedBy, changedAt: last.changedAt };
};

/**
 * The name by which a stored actor answers to one of the bundle actor's names, if one does: its
 * primary name first, since an alias (listed before it when it sorts first) may be another
 * stored actor's.
 */
function storedName(names: readonly BundleName[], dossier: DossierReader): string | undefined {
  const primaryFirst = [...names.filter((n) => n.primary), ...names.filter((n) => !n.primary)];
  return primaryFirst.map((n) => n.name).find((name) => dossier.actorsNamed(name).length === 1);
}

/** The stored actor a bundle actor is taken for, if one answers to its names. */
function storedActor(actor: Fields, dossier: DossierReader): ActorMatch | undefined {
  const name = storedName(actor.names as BundleName[], dossier);
  return name !== undefined ? dossier.actorsNamed(name)[0] : undefined;
}

/**
 * What of a bundle actor taken for a stored one is not merged: its title, kind and affiliation
 * where they differ (the stored actor's stay). Its names are (see bundle-actor-names).
 */
function notMerged(actor: Fields, known: ActorMatch, byId: ReadonlyMap<number, Fields>, dossier: DossierReader): string[] {
  const kept: string[] = [];
  if (typeof actor.title === 'string' && actor.title !== (known.title ?? undefined)) {
    kept.push(`its title "${actor.title}" is not merged (the stored one's stays: ${known.title ? `"${known.title}"` : 'none'})`);
  }
  if (actor.kind !== known.kind) kept.push(`its kind ${humanize(String(actor.kind))} is not merged (the stored one's stays: ${humanize(known.kind)})`);
  const parent = byId.get(actor.affiliation_id as number);
  const storedParent = dossier.getActorProfile(known.id)?.affiliation;
  // A parent merged away in the bundle has no names left to find it by: not compared.
  const comparable = !parent || (parent.names as BundleName[]).length > 0;
  const sameParent = parent ? storedActor(parent, dossier)?.id === storedParent?.id : storedParent === undefined;
  if (comparable && !sameParent) kept.push(`its affiliation ${parent ? String(parent.name) : 'none'} is not merged (the stored one's stays: ${storedParent?.name ?? 'none'})`);
  return kept;
}

/** `Actor "Thomas J. Barrack" of the bundle is the stored Tom Barrack …`, when the two differ in name, title, kind or affiliation. */
function matchLine(actor: Fields, known: ActorMatch, stored: string, byId: ReadonlyMap<number, Fields>, dossier: DossierReader): string | undefined {
  const kept = notMerged(actor, known, byId, dossier).join('; ');
  if (known.name === actor.name && kept === '') return undefined;
  if (known.name === actor.name) return `Actor "${known.name}" of the bundle: ${kept}.`;
  return `Actor "${String(actor.name)}" of the bundle is the stored ${known.name} (who answers to "${stored}")${kept ? `; ${kept}` : ''}.`;
}

/** Plans the bundle actors no stored actor answers to, an actor after the one it belongs to; says how the others were matched. */
function mapActors(actors: readonly Fields[], dossier: DossierReader, planned: PlannedActors, matched: string[], taken: MatchedActor[]): Map<number, string> {
  const byId = new Map(actors.map((a) => [a.id as number, a]));
  const nameOf = new Map<number, string>();
  const placeholders = new Map<number, number>();
  const visit = (actor: Fields): void => {
    const id = actor.id as number;
    if (nameOf.has(id)) return;
    const names = actor.names as BundleName[];
    const stored = storedName(names, dossier);
    nameOf.set(id, stored ?? (actor.name as string));
    const known = stored !== undefined ? dossier.actorsNamed(stored)[0] : undefined;
    if (known) {
      const line = matchLine(actor, known, stored!, byId, dossier);
      if (line) matched.push(line);
      taken.push({ storedId: known.id, bundleName: String(actor.name), names: names.map((n) => n.name) });
      return;
    }
    const parent = byId.get(actor.affiliation_id as number);
    if (parent && parent.merged_into_id === null) visit(parent);
    const parentName = parent ? nameOf.get(parent.id as number) : undefined;
    const parentId = parent ? (placeholders.get(parent.id as number) ?? (parentName !== undefined ? dossier.actorsNamed(parentName)[0]?.id : undefined)) : undefined;
    // An alias another stored actor answers to would be refused when the actor is created.
    const aliases = names.filter((n) => !n.primary && dossier.actorsNamed(n.name).length === 0).map((n) => n.name);
    const plannedActor = planned.plan({
      name: actor.name as string,
      kind: actor.kind as ActorKind,
      aliases,
      ...(typeof actor.title === 'string' ? { title: actor.title } : {}),
      ...(parentId !== undefined ? { affiliationId: parentId } : {}),
    });
    placeholders.set(id, plannedActor.placeholderId);
  };
  // A merged actor's names and links are with the actor it went into.
  for (const actor of actors) if (actor.merged_into_id === null) visit(actor);
  return nameOf;
}

/** A claim as an import row gives it (see row-claims). */
const claimRow = (claim: BundleClaim, actorName: (id: number) => string | undefined): Fields => ({
  actor: actorName(claim.actor_id),
  stance: claim.stance,
  date: claim.claimed_on,
  outlet: claim.outlet,
  url: claim.url,
  attribution: claim.attribution,
  grade: claim.grade,
  note: claim.note,
});

/** An entry record as an import row: what /entry add would be given (also how a whole load checks it, see bundle-check). */
export function entryRow(entry: Fields, places: ReadonlyMap<number, string>, actorName: (id: number) => string | undefined): Fields {
  const links = entry as unknown as EntryLinks;
  const { fatalities, claims = [] } = links;
  return {
    key: entry.key,
    title: entry.title,
    summary: entry.summary,
    date: entry.occurred_on,
    end: entry.ends_on,
    type: entry.event_type,
    topic: entry.topic,
    places: links.places.map((p) => places.get(p.place_id)),
    actors: links.actors.map((a) => ({ name: actorName(a.actor_id), role: a.role })),
    sources: links.sources.map((s) => ({ outlet: s.outlet, url: s.url, attribution: s.attribution, published: s.published_on, grade: s.grade ?? null })),
    confidence: entry.confidence,
    tags: links.tags,
    // A version 1 bundle says nothing of fatalities or claims: the stored ones are kept.
    ...(fatalities !== undefined ? { fatalities: fatalities && fatalitiesText(toFatalities(fatalities)), fatalities_source: fatalities?.source ?? null } : {}),
    ...('claims' in links ? { claims: claims.map((c) => claimRow(c, actorName)) } : {}),
  };
}

/**
 * `shared` finds where an entry's history in the bundle and in the store part (without it, none is
 * shared); `keyed` holds the stored entries the bundle's keys name (see bundle-stored-entries).
 */
export function mergeBundle(records: readonly BundleRecord[], dossier: DossierReader, shared: SharedRevision = () => undefined, keyed: ReadonlyMap<string, KeyedEntry> = new Map()): BundleMerge {
  const of = (kind: BundleRecord['kind']) => records.filter((r) => r.kind === kind);
  const planned = new PlannedActors();
  const actorRecords = of('actor').map((r) => r.fields);
  const matched: string[] = [];
  const taken: MatchedActor[] = [];
  const actors = mapActors(actorRecords, dossier, planned, matched, taken);
  // Claims keep the actor of their time: one merged since is named as the actor it went into.
  const byId = new Map(actorRecords.map((a) => [a.id as number, a]));
  const actorName = (id: number): string | undefined => {
    let actor = byId.get(id);
    for (let hop = 0; hop < 64 && actor && actor.merged_into_id !== null; hop++) actor = byId.get(actor.merged_into_id as number);
    return actor && actors.get(actor.id as number);
  };
  const places = new Map(of('place').map(({ fields }) => [fields.id as number, fields.name as string]));
  const revisions = entryRevisions(records);
  const rows: SourceRow[] = [];
  const skipped: RowOutcome[] = [];
  for (const { line, fields } of of('entry')) {
    const history = revisions.get(fields.id as number) ?? [];
    const base = shared(history);
    const here = typeof fields.key === 'string' ? keyed.get(storedKey(fields.key)) : undefined;
    const removed = removedReason({
      key: String(fields.key),
      bundleId: fields.id as number,
      ...(fields.deleted_at !== null ? { removedThere: { by: String(fields.deleted_by), at: String(fields.deleted_at), reason: (fields.delete_reason as string | null) ?? null } } : {}),
      ...(here ? { here } : {}),
      ...(base !== undefined ? { shared: base } : {}),
      // Asked only of an entry removed on one side: the store holds the bundle's latest revision of it.
      latestHeld: () => history.length > 0 && shared(history.slice(-1)) !== undefined,
    });
    if (removed !== undefined) {
      skipped.push({ line, reason: removed });
      continue;
    }
    const latest = latestMark(history);
    rows.push({ line, values: entryRow(fields, places, actorName), history: { ...(latest ? { latest } : {}), ...(base !== undefined ? { shared: base } : {}) } });
  }
  return { rows, planned, skipped, matched, taken };
}
