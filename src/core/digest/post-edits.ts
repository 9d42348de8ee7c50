// Redraws a message Sitrep posted once an entry it showed has been corrected or removed: the
// entry's section keeps what the message said of it besides its fields (a digest's "Changed: …")
// and shows its current fields under a mark saying what changed since the message showed it (in
// the words of the digest's corrections section) and when, and a digest's header counts its
// items again as they now stand, so it never contradicts the sections below it; the rest of the
// message stays as it was. An entry that stands as shown again after corrections is drawn as it
// was under a mark saying they were withdrawn; one whose removal alone was undone is drawn as it
// was. A corrected section may be drawn shorter, so the message still fits where it was posted
// (post-edits-fit.ts).
import { withoutPicture, type PictureOutcome } from '../charts/picture.js';
import type { EntryInput } from '../domain.js';
import { actorIdsNamed } from '../entry-diff.js';
import type { Logger } from '../logger.js';
import { clipAtWord } from '../text-cut.js';
import { span, type HeaderCounts, type Line, type Section, type View } from '../view.js';
import { diffFields, matchesFilters, type DigestFilters, type EntryChangeKind } from './changes.js';
import { countsLine, kindsText, LEFT_FILTERS, type CountedItem, type SinceCounts } from './compose.js';
import { describeChanges, describeChangesBriefly, entryMetaLines } from './entry-lines.js';
import type { DueEdit, EntryNow, EntryPlace, PostEditStore, RememberedFilters, RememberedView, ShownEntry, ShownPost } from './post-edits-port.js';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** `3 Dec`, in the post's zone. */
function dayText(at: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: zone });
    dayFormats.set(zone, format);
  }
  return format.format(at);
}

/**
 * How a corrected entry's section is drawn: whole; `brief`, its mark naming the fields changed
 * without the text they held (a removal's reason cut); `compact`, besides, its title cut and only
 * the first line of its fields. A shortened section says where the entry and its correction are
 * shown in full.
 */
export type SectionForm = 'full' | 'brief' | 'compact';

/** A removal's reason in a shortened section, and a title in a compact one, at most this long. */
const BRIEF_REASON_CHARS = 120;
const COMPACT_TITLE_CHARS = 80;

/** A mark under an entry's section: the kind its heading names, and the line. */
interface Mark {
  kind: string;
  line: Line;
}

/**
 * When the entry's `fields` came to be as they are now: the oldest of its latest revisions that
 * all hold them, so a later edit of other fields, or one undone, leaves the day as it was.
 */
function fieldsChangedAt(now: EntryNow, fields: readonly string[]): Date {
  let since = now.changedAt;
  for (const revision of now.history ?? []) {
    if (diffFields(revision.state, now.state).some((field) => fields.includes(field))) break;
    since = revision.at;
  }
  return since;
}

/** The mark saying how the entry changed since the post showed it, or undefined if it did not. */
function correctionMark(was: ShownEntry, now: EntryNow, names: ReadonlyMap<number, string>, zone: string, form: SectionForm): Mark | undefined {
  if (now.removed) {
    const reason = now.reason ?? 'no reason given';
    const shown = form === 'full' ? reason : clipAtWord(reason, BRIEF_REASON_CHARS);
    return was.removed ? undefined : { kind: 'removed', line: [span.italic(`Removed ${dayText(now.changedAt, zone)}: `), span.plain(shown)] };
  }
  const changedFields = diffFields(was.shown, now.state);
  if (!was.removed && changedFields.length === 0) return withdrawnMark(was, now, zone);
  // A correction is dated by the last change of the fields it shows, not by a removal undone or
  // another field edited (or an edit undone) after it.
  const day = dayText(was.removed ? now.changedAt : fieldsChangedAt(now, changedFields), zone);
  const change = { before: was.shown, after: now.state, changedFields };
  const changes = form === 'full' ? describeChanges(change, names) : describeChangesBriefly(change, names);
  const kind = was.removed ? 'restored' : 'corrected';
  const label = `✏️ ${was.removed ? 'Restored' : 'Corrected'} ${day}`;
  return { kind, line: changes ? [span.italic(`${label}: `), span.plain(changes)] : [span.italic(label)] };
}

/**
 * For an entry that stands as the post showed it again after the post was edited to show a
 * correction: the mark saying the corrections since were withdrawn, and when, as someone who read
 * or quoted one must be told. Undefined when the post never showed one, or only a removal since
 * undone (drawn as posted).
 */
function withdrawnMark(was: ShownEntry, now: EntryNow, zone: string): Mark | undefined {
  if (was.removed || !was.correctionDrawn || was.revisionId === undefined || !now.history) return undefined;
  const corrections = now.history.filter((r) => r.revisionId > was.revisionId! && !r.removed && diffFields(was.shown, r.state).length > 0);
  const first = corrections.at(-1);
  const last = corrections[0];
  if (!first || !last) return undefined;
  let withdrawnAt = now.changedAt;
  for (const revision of now.history) {
    if (diffFields(was.shown, revision.state).length > 0) break;
    withdrawnAt = revision.at;
  }
  const [from, to] = [dayText(first.at, zone), dayText(last.at, zone)];
  const which = corrections.length === 1 ? `Correction of ${from}` : from === to ? `Corrections of ${from}` : `Corrections of ${from}–${to}`;
  return { kind: corrections.length === 1 ? 'correction withdrawn' : 'corrections withdrawn', line: [span.italic(`✏️ ${which} withdrawn (${dayText(withdrawnAt, zone)})`)] };
}

/** Where a shortened section's entry and correction are shown whole. */
function inFullLine(entryId: number): Line {
  return [span.italic('Shortened to fit this message; in full: '), span.command('entry show', `id:${entryId}`), span.plain(', '), span.command('entry history', `id:${entryId}`)];
}

/**
 * Whether the remembered filters cover the entry in this state: its actor filter is met by any
 * actor that is now the filter's actor (actorIdsNow), as a merge moved the entry's links there.
 */
function covers(filters: RememberedFilters, state: EntryInput): boolean {
  const { actorId, actorIdsNow, ...others } = filters;
  if (!matchesFilters(state, others)) return false;
  if (actorId === undefined) return true;
  const same = actorIdsNow ?? [actorId];
  return state.actors.some((a) => same.includes(a.actorId));
}

/**
 * A live entry outside the digest's filters: the digest's next ones leave it out, and its section
 * says so as theirs would.
 */
function outsideFilters(now: EntryNow, filters: RememberedFilters | undefined): boolean {
  return filters !== undefined && !now.removed && !covers(filters, now.state);
}

/** An entry the post showed under its filters that a correction since took out of them. */
function leftFilters(was: ShownEntry, now: EntryNow, filters: RememberedFilters | undefined): boolean {
  return outsideFilters(now, filters) && covers(filters!, was.shown);
}

/** The actors a redraw of these posts resolves: each digest part's actor filter. */
export function filterActors(posts: readonly Pick<DueEdit, 'view'>[]): number[] {
  return posts.flatMap((post) => (post.view.digestFilters?.actorId === undefined ? [] : [post.view.digestFilters.actorId]));
}

/**
 * The post with its actor filter met, for a redraw, by every actor `live` (each actor's live
 * actor now) finds is the filter's actor now: the actor itself, the one a merge since folded it
 * into, and the actors the entries name that went the same way. Only an entry naming none of
 * them left the filter.
 */
export function withFilterActorsNow<P extends Pick<DueEdit, 'view'>>(post: P, live: ReadonlyMap<number, number>): P {
  const filters = post.view.digestFilters;
  if (filters?.actorId === undefined) return post;
  const liveNow = live.get(filters.actorId) ?? filters.actorId;
  const same = new Set([filters.actorId, liveNow]);
  for (const [actorId, liveActor] of live) if (liveActor === liveNow) same.add(actorId);
  return { ...post, view: { ...post.view, digestFilters: { ...filters, actorIdsNow: [...same] } } };
}

/** A line's text, to tell one line of Sitrep's wording from another. */
const lineText = (line: Line): string => line.map((s) => s.text).join('');

/**
 * What the post's section of the entry said besides its fields (a digest's "Changed: …", a
 * removal's reason, that it left the filters): the lines after its field lines, kept when the
 * section is redrawn, as what the digest announced then.
 */
function announcedLines(was: ShownEntry, post: RedrawnFrom, names: ReadonlyMap<number, string>): Line[] {
  const section = was.section === undefined ? undefined : post.view.sections[was.section];
  if (section?.entryId !== was.entryId) return [];
  return section.lines.slice(entryMetaLines(was.shown, names).length);
}

function correctedSection(was: ShownEntry, now: EntryNow, names: ReadonlyMap<number, string>, post: RedrawnFrom, form: SectionForm): Section | undefined {
  const mark = correctionMark(was, now, names, post.zone, form);
  if (!mark) return undefined;
  const title = form === 'compact' ? clipAtWord(now.state.title, COMPACT_TITLE_CHARS) : now.state.title;
  const heading: Line = [span.bold(`#${was.entryId}`), span.plain(' '), span.bold(title), span.italic(` — ${mark.kind}`)];
  const meta = entryMetaLines(now.state, names);
  const announced = announcedLines(was, post, names);
  const saidLeft = announced.some((line) => lineText(line) === LEFT_FILTERS);
  const left: Line[] = outsideFilters(now, post.view.digestFilters) && !saidLeft ? [[span.italic(LEFT_FILTERS)]] : [];
  const marks = [...announced, mark.line, ...left];
  const lines = form === 'full' ? [...marks, ...meta] : [...marks, ...(form === 'compact' ? meta.slice(0, 1) : meta), inFullLine(was.entryId)];
  return { heading, lines, entryId: was.entryId };
}

/** What a redraw reads of a remembered post. */
type RedrawnFrom = Pick<DueEdit, 'view' | 'zone' | 'entries'>;

/** A post redrawn, and the sections of the entries drawn with their correction. */
export interface RedrawnPost {
  view: View;
  corrected: Section[];
}

/** The post's view with each entry corrected since it was posted redrawn in its section (or added at the end), and its counts counted again. */
export function redrawPost(post: RedrawnFrom, current: ReadonlyMap<number, EntryNow>, names: ReadonlyMap<number, string>): View {
  return redrawPostIn(post, current, names).view;
}

/** redrawPost, with the corrected entries named in `forms` drawn in those forms (the others whole). */
export function redrawPostIn(
  post: RedrawnFrom,
  current: ReadonlyMap<number, EntryNow>,
  names: ReadonlyMap<number, string>,
  forms: ReadonlyMap<number, SectionForm> = new Map(),
): RedrawnPost {
  const sections = [...post.view.sections];
  const added: Section[] = [];
  const corrected: Section[] = [];
  // A digest part also follows the entries its counts cover in other parts: those have no section
  // here, and are not drawn at its end.
  const counting = post.view.headerCounts !== undefined || sections.some((s) => s.counted);
  const recount = counting ? recounter(post.entries, current, post.view.digestFilters) : undefined;
  for (const entry of post.entries) {
    if (entry.section === undefined && counting) continue;
    const now = current.get(entry.entryId);
    const section = now && correctedSection(entry, now, names, post, forms.get(entry.entryId) ?? 'full');
    if (!section) continue;
    corrected.push(section);
    if (entry.section !== undefined && entry.section < sections.length) sections[entry.section] = section;
    else added.push(section);
  }
  sections.forEach((section, index) => {
    if (!section.counted || !recount) return;
    const { items, since } = recount(section.counted);
    sections[index] = { ...section, lines: [[span.plain(kindsText(items, since))]] };
  });
  const view = { ...post.view, sections: [...sections, ...added] };
  const counts = post.view.headerCounts;
  return { view: counts && recount ? { ...view, intro: recountedIntro(post.view, counts, recount) } : view, corrected };
}

interface Recounted {
  /** The items still counted, as they stand now. */
  items: CountedItem[];
  /** Those removed or restored since, or taken out of the digest's filters, counted apart. */
  since: SinceCounts;
  /** The items as the post showed them. */
  posted: CountedItem[];
}

/**
 * Counts items as they stand now: an item's type and figures as corrected; one removed since (or
 * posted as a removal and restored since), or taken out of the digest's filters since, leaves its
 * kind's count and the sums, and is counted apart, as its section says.
 */
function recounter(entries: readonly ShownEntry[], current: ReadonlyMap<number, EntryNow>, filters: RememberedFilters | undefined): (items: readonly [number, EntryChangeKind][]) => Recounted {
  const shown = new Map(entries.map((e) => [e.entryId, e]));
  return (items) => {
    const posted: CountedItem[] = [];
    const now: CountedItem[] = [];
    const since = { removedSince: 0, restoredSince: 0, leftSince: 0 };
    for (const [entryId, kind] of items) {
      const was = shown.get(entryId);
      const is = current.get(entryId);
      if (was) posted.push({ kind, after: was.shown });
      if (!is) {
        if (was) now.push({ kind, after: was.shown });
      } else if (kind !== 'removed' && is.removed) since.removedSince += 1;
      else if (kind === 'removed' && !is.removed) since.restoredSince += 1;
      else if (was && leftFilters(was, is, filters)) since.leftSince += 1;
      else now.push({ kind, after: is.state });
    }
    return { items: now, since, posted };
  };
}

/** `type → count` of the new items among these, as the card pictures them. */
function newByType(items: readonly CountedItem[]): string {
  const types = new Map<string, number>();
  for (const item of items) if (item.kind === 'new') types.set(item.after.eventType, (types.get(item.after.eventType) ?? 0) + 1);
  return JSON.stringify([...types].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A digest's header with its counts line drawn from the items as they stand now. The card is not
 * redrawn (the platform keeps the picture posted): when the new entries it pictured changed, a
 * line under the counts says it shows them as first posted.
 */
function recountedIntro(view: View, counts: HeaderCounts, recount: ReturnType<typeof recounter>): Line[] | undefined {
  const intro = [...(view.intro ?? [])];
  const line = intro[counts.line];
  if (!line) return view.intro;
  if (!counts.items) {
    // Too many items to follow: the counts stay as posted, and say so.
    intro[counts.line] = [...line, span.italic(' (as first posted)')];
    return intro;
  }
  const { items, since, posted } = recount(counts.items);
  intro[counts.line] = countsLine(items, { newActors: counts.newActors, merges: counts.merges, unmerges: counts.unmerges, ...since });
  if (view.postedPicture && newByType(items) !== newByType(posted)) {
    intro.splice(counts.line + 1, 0, [span.italic('The picture counts the new entries as first posted.')]);
  }
  return intro;
}

/** Every actor a redraw of these posts may name or compare: those of the entries and of their claims. */
export function actorsNamed(posts: readonly Pick<DueEdit, 'entries'>[], current: ReadonlyMap<number, EntryNow>): number[] {
  const ids = new Set<number>();
  const add = (state: EntryNow['state']) => actorIdsNamed(state).forEach((id) => ids.add(id));
  for (const post of posts) for (const entry of post.entries) add(entry.shown);
  for (const now of current.values()) for (const revision of now.history ?? [{ state: now.state }]) add(revision.state);
  return [...ids];
}

/**
 * The state with its actors and claims' authors as the live actors `live` maps them to: merges
 * move links without writing entry revisions, so a snapshot may name an actor merged away since.
 * An actor merged into one the entry already names in that role is named once.
 */
function withLiveActors(state: EntryInput, live: ReadonlyMap<number, number>): EntryInput {
  const liveId = (id: number) => live.get(id) ?? id;
  const named = [...state.actors, ...(state.claims ?? [])];
  if (named.every((a) => liveId(a.actorId) === a.actorId)) return state;
  const seen = new Set<string>();
  const actors = state.actors.flatMap((a) => {
    const link = { ...a, actorId: liveId(a.actorId) };
    const key = `${link.actorId}|${link.role}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [link];
  });
  return { ...state, actors, ...(state.claims ? { claims: state.claims.map((c) => ({ ...c, actorId: liveId(c.actorId) })) } : {}) };
}

/**
 * The posts and entries a redraw draws, every state in them naming the actors as they stand now
 * (both ends alike, so a merge is no correction): a redrawn section names an actor as the next
 * digest does.
 */
export function withActorsNow<P extends Pick<DueEdit, 'entries'>>(
  posts: readonly P[],
  current: ReadonlyMap<number, EntryNow>,
  live: ReadonlyMap<number, number>,
): { posts: P[]; current: Map<number, EntryNow> } {
  const follow = (state: EntryInput) => withLiveActors(state, live);
  const followed = new Map<EntryInput, EntryInput>();
  const once = (state: EntryInput) => {
    let result = followed.get(state);
    if (!result) followed.set(state, (result = follow(state)));
    return result;
  };
  return {
    posts: posts.map((post) => ({ ...post, entries: post.entries.map((entry) => ({ ...entry, shown: once(entry.shown) })) })),
    current: new Map(
      [...current].map(([entryId, now]) => [
        entryId,
        { ...now, state: once(now.state), ...(now.history ? { history: now.history.map((revision) => ({ ...revision, state: once(revision.state) })) } : {}) },
      ]),
    ),
  };
}

/** The entries a view's sections show (a digest part's items), then those only its header counts. */
export function entriesShown(view: View): EntryPlace[] {
  const shown = view.sections.flatMap((section, index) => (section.entryId === undefined ? [] : [{ entryId: section.entryId, section: index }]));
  const drawn = new Set(shown.map((e) => e.entryId));
  const counted = new Set<number>();
  for (const [entryId] of [...(view.headerCounts?.items ?? []), ...view.sections.flatMap((s) => s.counted ?? [])]) if (!drawn.has(entryId)) counted.add(entryId);
  return [...shown, ...[...counted].map((entryId) => ({ entryId }))];
}

/**
 * The filters a redraw tests entries against, or undefined when there are none. The actor is
 * kept by id; a redraw asks the store which live actor it is by then (withFilterActorsNow).
 */
function keptFilters({ topic, eventType, actorId }: DigestFilters): RememberedFilters | undefined {
  if (topic === undefined && eventType === undefined && actorId === undefined) return undefined;
  return { ...(topic !== undefined ? { topic } : {}), ...(eventType !== undefined ? { eventType } : {}), ...(actorId !== undefined ? { actorId } : {}) };
}

/**
 * The view as its messages show it, to redraw, by what the poster reported of its picture: one
 * posted is kept by name (an edit shows the one the message holds); one left out (not drawn, or
 * not taken by the platform) was posted as its alt text, and the messages hold none for an edit
 * to show. Unreported (an earlier attempt sent the first message): taken as posted.
 */
function postedView(view: View, picture: PictureOutcome = 'posted'): View {
  const { image, ...shown } = view;
  if (!image) return shown;
  return picture === 'posted' ? { ...shown, postedPicture: { filename: image.filename, alt: image.alt } } : withoutPicture(view, picture);
}

/**
 * Remembers a post so corrections of its entries can redraw it (`entries`: those its sections
 * show, by default; `picture`: what the poster reported of the view's picture). It has been
 * posted already: a failure here is logged, never thrown, so the post is not taken for failed
 * and sent again.
 */
export function rememberPost(
  edits: Pick<PostEditStore, 'remember'>,
  post: ShownPost,
  logger: Logger,
  options: { entries?: readonly EntryPlace[]; asOf?: number; filters?: DigestFilters; picture?: PictureOutcome } = {},
): void {
  const pictured = postedView(post.view, options.picture);
  const filters = options.filters && keptFilters(options.filters);
  const view: RememberedView = filters ? { ...pictured, digestFilters: filters } : pictured;
  const entries = options.entries ?? entriesShown(view);
  if (entries.length === 0) return;
  try {
    edits.remember({ ...post, view }, entries, options.asOf);
  } catch (error) {
    logger.warn({ err: error, platform: post.platform, channel: post.channelId }, 'could not remember a post for later corrections');
  }
}
