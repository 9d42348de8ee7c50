// What a check makes of the items a source holds for the first time: which are proposed as
// candidates, which report a story already in the queue, which the keywords filter out, and
// which are only recorded (a first check, an item older than a week). Pure: the store hands it
// what it knows inside the check's transaction and writes what it decides.
import { dayInZone } from '../as-of-day.js';
import type { CandidateDraft, StoryRef } from '../review/candidate.js';
import { tollFor } from '../review/fatality-guess.js';
import { pieceLabel } from '../review/piece-label.js';
import { guessRoles } from '../review/role-guess.js';
import { ownClaimIn, type OwnClaim } from '../review/claim-guess.js';
import { guessClaimedType, guessEventType } from '../review/type-guess.js';
import { formatIsoPartial, toIsoPartial } from '../partial-date.js';
import { clip, clipAtWord } from '../text-cut.js';
import { DELETE_AND_C1, foldKey, holdsWords } from '../text.js';
import { hasVisibleText } from '../visible-text.js';
import type { FeedDocument, FeedItem } from './feed-port.js';
import { keywordVerdict, noneMatchedDetail } from './keyword-hits.js';
import { parseKeywords } from './keywords.js';
import { canonicalLink } from './item-key.js';
import { foldStory } from './same-story.js';
import { StoryIndex, type StoryLookup } from './story-index.js';
import { knowsName, outletOf, suggest, type CompiledNames } from './suggest.js';
import type { View } from '../view.js';
import type { WatchedSource } from './watched-source.js';

/** How far back a backfill reaches, and how old a new item may be and still be proposed. */
export const RECENT_MS = 7 * 24 * 3600_000;
/** The limits /entry add puts on these fields, so an approval never fails on the feed's text. */
export const DRAFT_LIMITS = { title: 200, summary: 4000, outlet: 100, url: 500, list: 25 } as const;
/** An item's title as kept for /sources why. */
const SEEN_TITLE_LIMIT = 300;

/** What a key is made of: `guid`, `link` or `title` (itemKey). */
export type RepeatedBy = 'guid' | 'link' | 'title';

export interface FreshItem {
  key: string;
  item: FeedItem;
  /** Set when an earlier item of the same feed has this item's key, saying what they share: the item is that one seen again. */
  repeats?: RepeatedBy;
}

/** An item the source held before and the feed has revised since (a new title, summary or link). */
export interface RevisedItem {
  key: string;
  item: FeedItem;
  /** The pending candidate this item proposed: it is drafted again from the new version. */
  candidateId?: number;
  /** The live entry approved from it, which is never changed by a feed, and its title as last read: the review channels are told. */
  cited?: { entryId: number; before: string };
  /** When the source first held it: an undated item's candidate stays dated by that day when drafted again. */
  firstSeen?: Date;
}

export interface IntakeInput {
  source: Pick<WatchedSource, 'topic' | 'keywords' | 'baselined' | 'backfill'>;
  feed: Pick<FeedDocument, 'title' | 'link'>;
  /** Items this source has not held before, once each, in feed order. */
  fresh: readonly FreshItem[];
  /** Items held before that the feed has revised since. */
  revised?: readonly RevisedItem[];
  /** Candidates holding an item with one of these keys, from another source. */
  byKey: ReadonlyMap<string, StoryRef>;
  /** Candidates with a report of another source at one of these canonical links, whatever its guid: the same article. */
  byLink?: ReadonlyMap<string, number>;
  /** Candidates of any status published near these items (a list, or the store's index of them). */
  stories: readonly StoryRef[] | StoryLookup<Pick<StoryRef, 'candidateId'>>;
  names: CompiledNames;
  /** Live entries citing an item's link already, by the item's link: such an item is not proposed again. */
  cited?: ReadonlyMap<string, number>;
  /** Places the gazetteer knows and the dossier does not yet, found in an item's text (see place-spotting.ts). */
  spotPlaces?: (text: string, known: (folded: string) => boolean) => string[];
  now: Date;
  /** The review desk's clock (its channel's zone, else SITREP_TZ's): an undated item's day is read on it. UTC without it. */
  zone?: string;
}

/** A candidate stored before, or one this plan proposes (by its index in `drafts`). */
export type StoryTarget = { candidateId: number } | { draft: number };

export type ItemPlan =
  | { outcome: 'baseline' | 'stale' | 'filtered'; detail: string }
  | { outcome: 'same-story'; detail: string; joins: StoryTarget }
  | { outcome: 'proposed'; detail: string; draft: number };

export interface IntakePlan {
  /**
   * Each fresh item with its decision, and its title as /sources why shows it; `outlet`: the
   * outlet an item naming its own is cited by (`Reuters (via Google News)`), as its candidate
   * would be, where its report is listed; absent for an item of the feed's own.
   */
  items: (FreshItem & { plan: ItemPlan; title: string; outlet?: string })[];
  drafts: CandidateDraft[];
  /** Each revised item with its title as /sources why shows it, and its pending candidate's new draft. */
  revisions: (RevisedItem & { title: string; draft?: CandidateDraft })[];
  /** Posted in the review channels: revised items that entries cite. */
  notice?: View;
}

const REPEAT_DETAIL: Record<RepeatedBy, string> = { guid: 'the same guid', link: 'the same link', title: 'the same title and date' };

const dayText = (instant: Date) => instant.toISOString().slice(0, 10);
const STORED_CONTROLS = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${DELETE_AND_C1}]`, 'g');

/**
 * Stored text is shown to everyone: no control characters (tabs and line breaks are text), and
 * text with nothing visible in it (zero-width spaces, lone accents) counts as none.
 */
function clean(text: string): string {
  const kept = text.replace(/\r\n?/g, '\n').replace(STORED_CONTROLS, '').trim();
  return hasVisibleText(kept) ? kept : '';
}

const seenTitle = (item: FeedItem) => clip(clean(item.title), SEEN_TITLE_LIMIT) || '(untitled item)';

/** An item a source recorded before, as its row keeps it: the title and link first read, and the last ones if the feed revised it. */
export interface RecordedItem {
  title: string;
  link: string | null;
  /** Set (with `revisedLink`) once the feed revised the item. */
  revisedTitle: string | null;
  revisedLink: string | null;
}

/**
 * Whether an item under a key its source never held is an item the source recorded before under
 * another key, published at the same instant (the store finds the row by it): a feed that changes
 * how it identifies its items (RSS to Atom, another CMS, a new address numbering them anew) serves
 * them again under new guids. It is that item when it has a title, its link is one the recorded
 * item had (canonicalLink: `link`) and its title folds to one it had. Two items of a feed linking
 * everything to its home page are told apart by title or publication instant; a daily bulletin
 * with the same title and page each day, by the instant.
 */
export function recordedAgain(item: FeedItem, link: string, recorded: RecordedItem): boolean {
  if (!clean(item.title)) return false;
  const links = [recorded.link, recorded.revisedLink];
  if (!links.some((held) => held !== null && canonicalLink(held) === link)) return false;
  const title = foldKey(seenTitle(item));
  return [recorded.title, recorded.revisedTitle].some((held) => held !== null && foldKey(held) === title);
}

const isList = (stories: IntakeInput['stories']): stories is readonly StoryRef[] => Array.isArray(stories);

function validDate(date: Date | undefined): Date | undefined {
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Written dates kept for a card or /sources why: as long as any date a feed writes. */
const UNREAD_DATE_LIMIT = 100;

/** The date an item gave that Sitrep could not read, as stored: clean, short, and none when nothing visible is left. */
function unreadDateOf(item: FeedItem): FeedItem['unreadDate'] {
  const written = item.unreadDate && clip(clean(item.unreadDate.written).replace(/\s+/g, ' '), UNREAD_DATE_LIMIT);
  return written ? { written, ...(item.unreadDate!.dayOrMonth ? { dayOrMonth: true } : {}) } : undefined;
}

/** `no date`, or `a date that could not be read ("05/12/2026 10:00": day or month first?)`. */
function undatedText(item: FeedItem): string {
  const unread = unreadDateOf(item);
  return unread ? `a date that could not be read ("${unread.written}"${unread.dayOrMonth ? ': day or month first?' : ''})` : 'no date';
}

const DAY_MS = 24 * 3600_000;

/**
 * Whether an item was published within the week before `oldest` ends it. A day without a time
 * (`published` is its start in UTC) counts until it is over: an item of the 28th seen on the 5th
 * is not more than 7 days old, whatever hour of the 28th it came out.
 */
function publishedSince(item: FeedItem, published: Date, oldest: number): boolean {
  return published.getTime() + (item.publishedDayOnly ? DAY_MS : 0) >= oldest;
}

/**
 * The day an item was published, as replies write days: its feed's own day (the day at the
 * offset the feed wrote its time with, as cards and entries date it), else its day in UTC, said so.
 */
function publishedDayText(item: FeedItem, published: Date): string {
  if (item.publishedDayOnly) return formatIsoPartial(item.publishedDay ?? dayText(published));
  return item.publishedDay ? `${formatIsoPartial(item.publishedDay)} at the feed's own offset` : `${formatIsoPartial(dayText(published))} (UTC)`;
}

/** The reason a first check records an item without proposing it. */
function baselineDetail(backfill: boolean, item: FeedItem, published: Date | undefined): string {
  if (!backfill) return 'first check: recorded, not proposed';
  return published ? 'first check: older than the 7 days a backfill proposes' : `first check: ${undatedText(item)}, and a backfill proposes the last 7 days only`;
}

/** The outlet an item naming its own is cited by (as suggest cites it: outletOf), fit for an entry; undefined for an item of the feed's own. */
function itemOutlet(item: FeedItem, feed: IntakeInput['feed']): string | undefined {
  if (!item.outlet) return undefined;
  const cited = clip(clean(outletOf(item, feed).outlet), DRAFT_LIMITS.outlet);
  // An item naming its own feed is the feed's.
  return cited && cited !== feed.title?.trim() ? cited : undefined;
}

/** How the feed dated the item when not by an instant, as a candidate keeps it (Suggested). */
function datingOf(item: FeedItem, published: Date | undefined): Pick<CandidateDraft['suggested'], 'publishedDayOnly' | 'unreadDate'> {
  if (published) return item.publishedDayOnly ? { publishedDayOnly: true } : {};
  const unread = unreadDateOf(item);
  return unread ? { unreadDate: unread } : {};
}

/** An own claim as the candidate keeps it: its party named as suggested (or as the title names one the dossier lacks), its words quoted where the title writes them so. */
function claimedBy(claim: OwnClaim, title: string, actors: readonly { id: number; name: string }[]): NonNullable<CandidateDraft['suggested']['claimed']> {
  const actor = actors.find((suggested) => suggested.id === claim.actorId);
  const quotable = title.toLowerCase().includes(claim.said);
  const name = actor ? { actorId: actor.id, name: actor.name } : claim.unknown ? { name: claim.unknown } : {};
  return { ...name, ...(quotable ? { said: claim.said } : {}) };
}

/**
 * The candidate an item proposes: its text made fit for an entry, and what the entry would say.
 * An item without a date Sitrep could read is dated by the day the source first held it (`firstSeen`, else now).
 */
function draftFor(item: FeedItem, input: IntakeInput, matched: string[], firstSeen?: Date): CandidateDraft {
  const suggestion = suggest(item, input.names, input.feed);
  // Cut between words, as the feed's text was: the title becomes the entry's as it is.
  // Text of no words (`…`, `-`) is none, as /entry add refuses it.
  const worded = (text: string) => (holdsWords(text) ? text : '');
  const summary = worded(clipAtWord(clean(item.summary), DRAFT_LIMITS.summary));
  const title = clipAtWord(worded(clean(item.title)) || clipAtWord(summary, 120) || '(untitled item)', DRAFT_LIMITS.title);
  const outlet = clip(clean(suggestion.source.outlet), DRAFT_LIMITS.outlet);
  const published = validDate(item.published);
  const link = item.link && item.link.length <= DRAFT_LIMITS.url ? item.link : undefined;
  // The day on the clock the card and the approval read "today" on, so the suggestion is never a day ahead of it.
  const date = suggestion.start ? toIsoPartial(suggestion.start) : dayInZone(firstSeen ?? input.now, input.zone ?? 'UTC');
  const label = pieceLabel(title);
  const actors = suggestion.actors.slice(0, DRAFT_LIMITS.list);
  const claim = ownClaimIn(title, actors);
  const type = claim ? guessClaimedType(claim.deed, summary) : guessEventType({ title, summary });
  const killed = tollFor(type, { title, summary });
  const roles = guessRoles(title, type, actors);
  // A party telling of its own act is who acted.
  if (claim?.actorId !== undefined && !roles.has(claim.actorId)) roles.set(claim.actorId, 'initiator');
  const spotted = input.spotPlaces?.(`${title}\n${summary}`, (folded) => knowsName(input.names, folded)) ?? [];
  return {
    topic: input.source.topic,
    title,
    summary,
    ...(item.link ? { link: item.link } : {}),
    outlet,
    ...(published ? { published } : {}),
    matched,
    suggested: {
      actors: actors.map(({ id, name }) => ({ id, name, ...(roles.has(id) ? { role: roles.get(id)! } : {}) })),
      places: [...new Set([...suggestion.places, ...spotted])].slice(0, DRAFT_LIMITS.list),
      type,
      date,
      source: { outlet, attribution: `according to ${outlet}`, ...(link ? { url: link } : {}), published: suggestion.source.published ?? date },
      ...datingOf(item, published),
      ...(suggestion.dateSaid ? { dateSaid: suggestion.dateSaid } : {}),
      ...(claim ? { claimed: claimedBy(claim, title, actors) } : {}),
      ...(killed === undefined ? {} : { fatalities: killed.figure, ...(killed.atLeast ? { fatalitiesAtLeast: true as const } : {}) }),
      ...(label ? { label } : {}),
    },
  };
}

/**
 * Decides about each fresh item, in feed order: a first check records (or, with backfill, takes
 * the last week); then too old, filtered by the keywords, another report of a known story, or new.
 */
export function planIntake(input: IntakeInput): IntakePlan {
  const keywords = parseKeywords(input.source.keywords);
  const sought = keywords.filter((keyword) => !keyword.exclude);
  const oldest = input.now.getTime() - RECENT_MS;
  const stored = isList(input.stories) ? StoryIndex.of(input.stories, (ref) => ref) : input.stories;
  const drafts: CandidateDraft[] = [];
  const draftStories = new StoryIndex<number>();
  const items = input.fresh.map((fresh): IntakePlan['items'][number] => {
    const { item } = fresh;
    const published = validDate(item.published);
    const recent = published !== undefined && publishedSince(item, published, oldest);
    const plan = (): ItemPlan => {
      if (fresh.repeats) return { outcome: 'filtered', detail: `seen before: ${REPEAT_DETAIL[fresh.repeats]} as another item of the feed` };
      if (!input.source.baselined && !(input.source.backfill && recent)) return { outcome: 'baseline', detail: baselineDetail(input.source.backfill, item, published) };
      if (published && !recent) return { outcome: 'stale', detail: `published ${publishedDayText(item, published)}, more than 7 days before it was first seen` };
      const { hits, excluded } = keywordVerdict(keywords, item);
      if (excluded !== undefined) return { outcome: 'filtered', detail: `holds ${excluded}, which the keywords leave out` };
      if (sought.length > 0 && hits.length === 0) return { outcome: 'filtered', detail: noneMatchedDetail(sought, item) };
      const citedBy = item.link === undefined ? undefined : input.cited?.get(item.link);
      if (citedBy !== undefined) return { outcome: 'filtered', detail: `in the dossier already: entry #${citedBy} cites this link` };
      const sameKey = input.byKey.get(fresh.key);
      if (sameKey) return { outcome: 'same-story', detail: 'the same item, held by another source', joins: { candidateId: sameKey.candidateId } };
      // An item is known by its guid, but the same article in another feed under another guid is the same story.
      const link = item.link === undefined ? undefined : canonicalLink(item.link);
      const sameLink = link === undefined ? undefined : input.byLink?.get(link);
      if (sameLink !== undefined) return { outcome: 'same-story', detail: 'the same link as a report of it', joins: { candidateId: sameLink } };
      const folded = foldStory(item);
      const story = stored.find(folded);
      if (story) return { outcome: 'same-story', detail: 'a title alike within 48 hours', joins: { candidateId: story.candidateId } };
      const earlier = draftStories.find(folded);
      if (earlier !== undefined) return { outcome: 'same-story', detail: 'a title alike within 48 hours', joins: { draft: earlier } };
      const draft = draftFor(item, input, hits);
      draftStories.add(drafts.length, draft.title === item.title && draft.published === item.published ? folded : foldStory(draft));
      drafts.push(draft);
      return { outcome: 'proposed', detail: hits.length > 0 ? `matched ${hits.join(', ')}` : sought.length < keywords.length ? 'no keyword sought: every item not left out is proposed' : 'no keywords: every item is proposed', draft: drafts.length - 1 };
    };
    const decided = plan();
    // Only a report of a candidate is ever named by its outlet.
    const outlet = decided.outcome === 'proposed' || decided.outcome === 'same-story' ? itemOutlet(item, input.feed) : undefined;
    return { ...fresh, plan: decided, title: seenTitle(item), ...(outlet ? { outlet } : {}) };
  });
  // A revised item's candidate says what the item says now; the keywords it matched before stay if it matches none now.
  const revisions = (input.revised ?? []).map((revised) => ({
    ...revised,
    title: seenTitle(revised.item),
    ...(revised.candidateId === undefined ? {} : { draft: draftFor(revised.item, input, keywordVerdict(keywords, revised.item).hits, revised.firstSeen) }),
  }));
  return { items, drafts, revisions };
}
