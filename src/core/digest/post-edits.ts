// Redraws a message Sitrep posted once an entry it showed has been corrected or removed: the
// entry's section shows its current fields under a mark saying what changed since the message
// showed it (in the words of the digest's corrections section) and when; the rest of the
// message stays as it was. An entry that stands as shown again (a correction undone) is drawn
// as it was.
import { actorIdsNamed } from '../entry-diff.js';
import type { Logger } from '../logger.js';
import { span, type Line, type Section, type View } from '../view.js';
import { diffFields } from './changes.js';
import { describeChanges, entryMetaLines } from './entry-lines.js';
import type { DueEdit, EntryNow, EntryPlace, PostEditStore, ShownEntry, ShownPost } from './post-edits-port.js';

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

/** The mark saying how the entry changed since the post showed it, or undefined if it did not. */
function correctionMark(was: ShownEntry, now: EntryNow, names: ReadonlyMap<number, string>, zone: string): { kind: string; line: Line } | undefined {
  const day = dayText(now.changedAt, zone);
  if (now.removed) {
    return was.removed ? undefined : { kind: 'removed', line: [span.italic(`Removed ${day}: `), span.plain(now.reason ?? 'no reason given')] };
  }
  const changedFields = diffFields(was.shown, now.state);
  if (!was.removed && changedFields.length === 0) return undefined;
  const changes = describeChanges({ before: was.shown, after: now.state, changedFields }, names);
  const kind = was.removed ? 'restored' : 'corrected';
  const label = `✏️ ${was.removed ? 'Restored' : 'Corrected'} ${day}`;
  return { kind, line: changes ? [span.italic(`${label}: `), span.plain(changes)] : [span.italic(label)] };
}

function correctedSection(was: ShownEntry, now: EntryNow, names: ReadonlyMap<number, string>, zone: string): Section | undefined {
  const mark = correctionMark(was, now, names, zone);
  if (!mark) return undefined;
  const heading: Line = [span.bold(`#${was.entryId}`), span.plain(' '), span.bold(now.state.title), span.italic(` — ${mark.kind}`)];
  return { heading, lines: [mark.line, ...entryMetaLines(now.state, names)], entryId: was.entryId };
}

/** The post's view with each entry corrected since it was posted redrawn in its section (or added at the end). */
export function redrawPost(post: Pick<DueEdit, 'view' | 'zone' | 'entries'>, current: ReadonlyMap<number, EntryNow>, names: ReadonlyMap<number, string>): View {
  const sections = [...post.view.sections];
  const added: Section[] = [];
  for (const entry of post.entries) {
    const now = current.get(entry.entryId);
    const section = now && correctedSection(entry, now, names, post.zone);
    if (!section) continue;
    if (entry.section !== undefined && entry.section < sections.length) sections[entry.section] = section;
    else added.push(section);
  }
  return { ...post.view, sections: [...sections, ...added] };
}

/** Every actor a redraw of these posts may name: those of the entries and of their claims. */
export function actorsNamed(posts: readonly Pick<DueEdit, 'entries'>[], current: ReadonlyMap<number, EntryNow>): number[] {
  const ids = new Set<number>();
  const add = (state: EntryNow['state']) => actorIdsNamed(state).forEach((id) => ids.add(id));
  for (const post of posts) for (const entry of post.entries) add(entry.shown);
  for (const now of current.values()) add(now.state);
  return [...ids];
}

/** The entries a view's sections show (a digest part's items). */
export function entriesShown(view: View): EntryPlace[] {
  return view.sections.flatMap((section, index) => (section.entryId === undefined ? [] : [{ entryId: section.entryId, section: index }]));
}

/**
 * Remembers a post so corrections of its entries can redraw it (`entries`: those its sections
 * show, by default). It has been posted already: a failure here is logged, never thrown, so the
 * post is not taken for failed and sent again.
 */
export function rememberPost(
  edits: Pick<PostEditStore, 'remember'>,
  post: ShownPost,
  logger: Logger,
  options: { entries?: readonly EntryPlace[]; asOf?: number } = {},
): void {
  const { image, ...shown } = post.view;
  const view: View = image ? { ...shown, postedPicture: { filename: image.filename, alt: image.alt } } : shown;
  const entries = options.entries ?? entriesShown(view);
  if (entries.length === 0) return;
  try {
    edits.remember({ ...post, view }, entries, options.asOf);
  } catch (error) {
    logger.warn({ err: error, platform: post.platform, channel: post.channelId }, 'could not remember a post for later corrections');
  }
}
