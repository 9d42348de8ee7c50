// Posts what the review channels are owed (candidates' cards, notices about paused sources)
// through the posters of this process, naming commands as the channel's workspace has them
// (its context). Each post is claimed in the store first, so processes sharing a store never
// post one twice; a post that fails for now, or that a stopped process never got to, is tried
// again on a later pass, without the messages of it already in the channel. A rate limit or a
// platform's trouble stops the pass on that platform, and its posts wait (the Retry-After, else a
// backoff), as digests do; a post is given up when retrying cannot help or after a day of failures.
// A refusal of Sitrep itself (its token, its scopes) is no channel's to fix: as with digests, the
// posts and edits wait on the platform, are never given up for it, and the operator is told once.
// Once a candidate is decided, its posted cards are edited to show the decision, also when the
// decision came while its card was on its way. A card's instants, and a notice's, are on its
// channel's clock. A store busy with another write (the bot's own feed checks, on their worker's
// connection, an import, a backup) ends the pass with a warning: what it could not write is kept
// and written first on the next pass, so no post waits for the ten minutes a stopped process's do.
import { AppFaults, waitingForOperator } from '../app-faults.js';
import type { PlatformName } from '../caller.js';
import { isStoreBusy } from '../errors.js';
import { rememberPost } from '../digest/post-edits.js';
import type { PostEditStore } from '../digest/post-edits-port.js';
import type { Logger } from '../logger.js';
import { instantsIn } from '../past-instant.js';
import { noticeOnClock } from '../sources/check-views.js';
import { isTurnsEnded, Turns } from '../turns.js';
import { DeliveryError, type PostMark, type Poster } from '../poster.js';
import type { Candidate } from './candidate.js';
import { candidateCard, decidedCard } from './candidate-card.js';
import { withUncited } from './uncited-reports.js';
import { reviewChannelInstants, reviewChannelZone, type ChannelZones } from './channel-clock.js';
import type { ClaimedPost, PostedCard, ReviewStore } from './review-port.js';

/** The posters of the adapters running here (the scheduler's PosterRegistry). */
export interface PosterLookup {
  get(platform: PlatformName): Poster | undefined;
  platforms(): PlatformName[];
}

export interface CardPosterDeps {
  store: ReviewStore;
  posters: PosterLookup;
  now: () => Date;
  logger: Logger;
  /** This process, as the post's sender. */
  sender: string;
  /** Turns of the event loop shared with the feed checks: the store's work is done one piece per turn. */
  turns?: Turns;
  /** Remembers an approved card, so corrections of its entry edit it too; without it, none are. */
  edits?: Pick<PostEditStore, 'remember'>;
  /** The digests' subscriptions, whose zone (else SITREP_TZ) a channel's cards write instants in; without them, UTC. */
  zones?: ChannelZones;
  /**
   * Whether this process is the review desk of a platform it has a poster for (all of them when
   * not given): where it is not (a console run once, fed by a pipe), it claims, posts and edits no
   * cards or notices, and leaves them in the store to the process that is.
   */
  isDesk?: (platform: PlatformName) => boolean;
}

/** Posts per pass: a queue opened in a new channel arrives over a few passes, not as a flood. */
export const POSTS_PER_PASS = 20;
/**
 * Cards drawn again per minute, at most: a wave of revised or joined stories is drawn over a few
 * minutes, leaving the bot's thread and the channel's rate budget to replies and new cards.
 */
const REDRAWS_PER_MINUTE = 20;
const MINUTE_MS = 60_000;
/** A post left `sending` this long was cut off by its process stopping. */
const STALE_MS = 10 * 60_000;
/** The wait after a post's second failure in a row without a Retry-After, doubled each failure after. */
const FIRST_BACKOFF_MS = 60_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** A post failing for now this long is given up: what it says is stale by then, and /review list still has it. */
const GIVE_UP_MS = 24 * 60 * 60_000;

/**
 * How long to wait after the post's `failures`-th failure in a row: what the platform asks
 * (Retry-After), else nothing after the first (a blip: the next pass, a minute on, tries again),
 * then 1, 2, 4 … minutes up to an hour, as digests' retryDelay doubles.
 */
export function cardRetryDelay(failures: number, error: unknown): number {
  const hint = error instanceof DeliveryError ? error.retryAfterMs : undefined;
  if (hint !== undefined) return hint;
  return failures <= 1 ? 0 : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 2));
}

/** The operator's fix when the platform refused Sitrep itself rather than the channel; else undefined. */
const operatorFixOf = (error: unknown): string | undefined => (error instanceof DeliveryError ? error.operatorFix : undefined);

/**
 * A rate limit, the platform's trouble or a refusal of Sitrep itself (not one post's own problem):
 * the platform's other posts wait too.
 */
const stopsPlatform = (error: unknown): boolean => error instanceof DeliveryError && (error.kind === 'retryable' || error.operatorFix !== undefined);

/** Whether trying again later may help: anything but a refusal for good of the channel or the post. */
const mayPassLater = (error: unknown): boolean => !(error instanceof DeliveryError) || error.kind === 'retryable' || error.operatorFix !== undefined;

export class CardPoster {
  private readonly turns: Turns;
  /** The pass running, and the one asked for while it runs (which every caller meanwhile shares). */
  private pass: Promise<number> | undefined;
  private next: Promise<number> | undefined;
  /** Platforms that asked this process to wait (rate limit, outage), until when: no post or edit before. */
  private readonly holds = new Map<PlatformName, Date>();
  /** When the cards drawn again in the last minute were, oldest first. */
  private readonly redraws: number[] = [];
  /** Outcomes a busy store kept out (posts that landed, posts put back): written first on the next pass. */
  private owed: Outcome[] = [];
  /** What the operator is told of platforms refusing Sitrep itself, once each. */
  private readonly appFaults: AppFaults;

  constructor(private readonly deps: CardPosterDeps) {
    this.turns = deps.turns ?? new Turns();
    this.appFaults = new AppFaults(deps.logger, 'review cards', 'none given up');
  }

  /**
   * Posts what is owed on the platforms this process can post to; returns how many went out.
   * Asked while a pass runs, it runs one more pass after it, for whatever that one missed.
   */
  postPending(): Promise<number> {
    if (!this.pass) {
      this.pass = this.postOnce().finally(() => (this.pass = undefined));
      return this.pass;
    }
    this.next ??= this.pass
      .catch(() => 0)
      .then(() => {
        this.next = undefined;
        return this.postPending();
      });
    return this.next;
  }

  private async postOnce(): Promise<number> {
    const platforms = this.openPlatforms();
    if (platforms.length === 0) return 0;
    const landed: LandedPost[] = [];
    try {
      await this.postTo(platforms, landed);
    } catch (error) {
      if (!isStoreBusy(error)) throw error;
      // An ordinary wait, not a fault: no stack, and nothing to do for the operator.
      this.deps.logger.warn({ posted: landed.length }, 'posting to the review channels: the store was busy with another write (a feed check, an import or a backup); the next pass tries again');
    }
    return landed.length;
  }

  /** One pass on `platforms`; the posts that reach their channel are added to `landed` as they do. */
  private async postTo(platforms: readonly PlatformName[], landed: LandedPost[]): Promise<void> {
    const { store, now } = this.deps;
    const claimed = await this.turns.take(() =>
      this.writeOwedWith(() => {
        store.abandonStale(new Date(now().getTime() - STALE_MS));
        store.queueCards(POSTS_PER_PASS, now());
        return store.claim(platforms, this.deps.sender, now(), POSTS_PER_PASS);
      }),
    );
    const result = await this.sendAll(claimed);
    landed.push(...result.landed);
    // The last outcome, and the posts a stopped platform never got, put back to wait with it.
    const { stopped, untried, outcome } = result;
    if (outcome) this.owed.push(outcome);
    for (const [platform, retryAt] of stopped) {
      const waiting = untried.filter((post) => post.platform === platform);
      if (waiting.length > 0) this.owed.push(() => store.release(waiting, retryAt, now()));
    }
    if (this.owed.length > 0) await this.turns.take(() => this.writeOwedWith(() => undefined));
    if (result.busy) throw result.busy;
    // Every landed post is recorded now, so a decision from here on finds its messages itself.
    await this.showLateDecisions(result.landed);
    await this.redraw(this.openPlatforms());
  }

  /**
   * Writes the owed outcomes and `work` in one transaction. While the store is busy they stay owed,
   * for the next pass; any other failure drops them, as the posts' stale claims are settled anyway.
   */
  private writeOwedWith<T>(work: () => T): T {
    const { store } = this.deps;
    try {
      const result = store.inOneWrite(() => {
        for (const outcome of this.owed) outcome();
        return work();
      });
      this.owed = [];
      return result;
    } catch (error) {
      if (!isStoreBusy(error)) this.owed = [];
      throw error;
    }
  }

  /** The platforms this process is the review desk of that are not holding it off. */
  private openPlatforms(): PlatformName[] {
    const at = this.deps.now().getTime();
    return this.deps.posters.platforms().filter((platform) => this.isDesk(platform) && (this.holds.get(platform)?.getTime() ?? 0) <= at);
  }

  private isDesk(platform: PlatformName): boolean {
    return this.deps.isDesk?.(platform) ?? true;
  }

  /** Sends the claimed posts in order; a platform that fails for now gets none more this pass. */
  private async sendAll(claimed: readonly ClaimedPost[]): Promise<PassResult> {
    const result: PassResult = { landed: [], stopped: new Map(), untried: [] };
    for (const [index, post] of claimed.entries()) {
      if (result.stopped.has(post.platform)) {
        result.untried.push(post);
        continue;
      }
      const attempt = await this.send(post, result.outcome);
      result.outcome = attempt.outcome;
      if (attempt.storeBusy) {
        // Not handed over, nor any after it: put back for the next pass (a stopped platform's, for
        // when it asked), not counted as tried.
        const rest = claimed.slice(index);
        const putBack = rest.filter((other) => !result.stopped.has(other.platform));
        result.untried.push(...rest.filter((other) => result.stopped.has(other.platform)));
        result.outcome = () => {
          attempt.outcome?.();
          this.deps.store.release(putBack, this.deps.now(), this.deps.now());
        };
        result.busy = attempt.storeBusy;
        break;
      }
      if (attempt.landed) {
        result.landed.push(attempt.landed);
        this.appFaults.accepted(post.platform);
      }
      if (attempt.holdUntil) {
        result.stopped.set(post.platform, attempt.holdUntil);
        this.holds.set(post.platform, attempt.holdUntil);
      }
    }
    return result;
  }

  /**
   * Cards that landed after their candidate was decided (the decision found no posted card to
   * edit): shown decided at once, rather than waiting for review with live buttons.
   */
  private async showLateDecisions(landed: readonly LandedPost[]): Promise<void> {
    for (const { post, refs } of landed) {
      if (post.kind !== 'card') continue;
      const current = await this.turns.take(() => this.readCandidate(post.candidate.id));
      if (current && current.status !== 'pending') await this.showDecisionOn(current, { platform: post.platform, workspaceId: post.workspaceId, channelId: post.channelId, context: post.context, postId: post.id, refs });
    }
  }

  /**
   * Draws again the posted cards due: a pending candidate's as it reads now (a feed revised it, or
   * other reports joined), a decided one's decision where it is not shown yet, at most
   * REDRAWS_PER_MINUTE a minute (the others wait for a later pass, in order). An edit that fails
   * for now is tried again later (the Retry-After, else a wait as long as its edits have failed,
   * from one minute to an hour), up to a day; one that cannot succeed is logged and left.
   */
  private async redraw(platforms: readonly PlatformName[]): Promise<void> {
    const { store, now } = this.deps;
    const at = now().getTime();
    while (this.redraws.length > 0 && this.redraws[0]! <= at - MINUTE_MS) this.redraws.shift();
    const budget = Math.min(POSTS_PER_PASS, REDRAWS_PER_MINUTE - this.redraws.length);
    if (budget <= 0) return;
    // Each card's clock is read with the cards, in one turn: the store may close while an edit is on its way.
    const cards = await this.turns.take(() =>
      store.redrawnCards(platforms, budget, now()).map((card) => ({ card: { ...card, candidate: this.withUncited(card.candidate) }, when: reviewChannelInstants(this.deps.zones, card) })),
    );
    for (const { card, when } of cards) {
      // A platform that asked to wait this pass keeps its cards' flags for a later one.
      if ((this.holds.get(card.platform)?.getTime() ?? 0) > now().getTime()) continue;
      this.redraws.push(at);
      const poster = this.deps.posters.get(card.platform);
      try {
        if (!poster?.update) throw new DeliveryError('permanent', 'this process cannot edit posted cards');
        let shown = card.candidate;
        await poster.update(card.channelId, card.refs, shown.status === 'pending' ? candidateCard(shown, when) : decidedCard(shown, when), card.context);
        // Decided while the edit was on its way: the decision's own edit may have landed first.
        const current = await this.turns.take(() => this.readCandidate(card.candidate.id));
        if (shown.status === 'pending' && current && current.status !== 'pending') {
          shown = current;
          await poster.update(card.channelId, card.refs, decidedCard(current, when), card.context);
        }
        await this.turns.take(() => store.redrawn(card.postId, shown.revision ?? 0, now()));
        this.appFaults.accepted(card.platform);
      } catch (error) {
        // The store closed as the process ends: the card stays flagged, and is drawn after the restart.
        // A busy store ends the pass: the card stays flagged, and is drawn on the next.
        if (isTurnsEnded(error) || isStoreBusy(error)) throw error;
        await this.editFailed(card, card.candidate, error, card.failingSince, card.candidate.status === 'pending' ? "draw a revised candidate's card again" : 'show the decision on a posted card');
      }
    }
  }

  /**
   * Shows the decision in every message the candidate's card went out as, on the platforms this
   * process posts to. An edit that fails for now, or a card on a platform this process cannot
   * edit, is left to the card passes (here or in the process that posts there).
   */
  async showDecision(candidate: Candidate): Promise<void> {
    const shown = this.withUncited(candidate);
    for (const card of this.deps.store.cardMessages(candidate.id)) await this.showDecisionOn(shown, card);
  }

  /** An approved candidate with the reports its entry does not cite yet, which its card names. */
  private withUncited(candidate: Candidate): Candidate {
    return withUncited(candidate, (links) => this.deps.store.citing(links));
  }

  private readCandidate(id: number): Candidate | undefined {
    const candidate = this.deps.store.candidate(id);
    return candidate && this.withUncited(candidate);
  }

  /** Shows the decision in one channel's messages of the card (and remembers an approved one for corrections). */
  private async showDecisionOn(candidate: Candidate, card: PostedCard): Promise<void> {
    const { store, posters, logger, now } = this.deps;
    const zone = reviewChannelZone(this.deps.zones, card);
    const view = decidedCard(candidate, instantsIn(zone));
    const where = { candidate: candidate.id, platform: card.platform, channel: card.channelId, messages: card.refs };
    // Where this process is not the desk, the desk edits the card, as the process posting there would.
    const poster = this.isDesk(card.platform) ? posters.get(card.platform) : undefined;
    if (!poster?.update) {
      logger.info(where, 'a decided card is left to the process that posts on its platform');
      store.redrawLater(card.postId, now(), now());
    } else {
      try {
        await poster.update(card.channelId, card.refs, view, card.context);
        store.redrawn(card.postId, candidate.revision ?? 0, now());
        this.appFaults.accepted(card.platform);
      } catch (error) {
        // The edit may have landed; the card stays due, and a later pass draws it again.
        if (isStoreBusy(error)) throw error;
        await this.editFailed(card, candidate, error, undefined, 'show the decision on a posted card');
      }
    }
    const entryId = candidate.status === 'approved' ? candidate.decision?.entryId : undefined;
    if (this.deps.edits && entryId !== undefined) {
      const post = { platform: card.platform, channelId: card.channelId, context: card.context, zone, view, refs: card.refs, postedAt: this.deps.now() };
      rememberPost(this.deps.edits, post, logger, { entries: [{ entryId }] });
    }
  }

  /**
   * An edit of a posted card failed: tried again later if it may succeed then (a rate limit, the
   * platform's trouble or a refusal of Sitrep itself also holds the platform's other edits and
   * posts), else given up. One waiting for the operator to fix the app is never given up.
   */
  private async editFailed(card: PostedCard, candidate: Candidate, error: unknown, failingSince: Date | undefined, what: string): Promise<void> {
    const { store, now, logger } = this.deps;
    const at = now();
    const where = { err: error, candidate: candidate.id, platform: card.platform, channel: card.channelId, messages: card.refs };
    const retryable = mayPassLater(error);
    const fix = operatorFixOf(error);
    const failingMs = failingSince ? at.getTime() - failingSince.getTime() : 0;
    if (!retryable || (fix === undefined && failingMs >= GIVE_UP_MS)) {
      logger.warn(where, retryable ? `gave up trying to ${what} after a day of failures` : `could not ${what}`);
      await this.turns.take(() => store.redrawn(card.postId, candidate.revision ?? 0, at));
      return;
    }
    const hint = error instanceof DeliveryError ? error.retryAfterMs : undefined;
    const retryAt = new Date(at.getTime() + (hint ?? Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, failingMs))));
    if (stopsPlatform(error)) this.holds.set(card.platform, retryAt);
    if (fix === undefined) logger.warn({ ...where, retryAt: retryAt.toISOString() }, `could not ${what} for now; trying again later`);
    else this.waitsForOperator(card.platform, error instanceof Error ? error.message : String(error), fix, { ...where, retryAt: retryAt.toISOString() }, `could not ${what}: it waits for the app to be fixed; trying again later`);
    await this.turns.take(() => store.redrawLater(card.postId, retryAt, at));
  }

  /**
   * The platform refused Sitrep itself: the operator is told once for the platform (AppFaults);
   * each post or edit that waits on it is only a detail of the log.
   */
  private waitsForOperator(platform: PlatformName, refusal: string, fix: string, where: object, note: string): void {
    this.appFaults.refused(platform, refusal, fix);
    this.deps.logger.info(where, note);
  }

  /** The post's mark, the same on every claim of it (review posts are never deleted, so ids never come back). */
  private markFor(post: ClaimedPost): PostMark {
    const { logger } = this.deps;
    return {
      key: `r${post.id.toString(36)}`,
      ...(post.retryOf ? { retryOf: post.retryOf } : {}),
      onLateAnswer: (note) => logger.warn({ post: post.id, kind: post.kind, platform: post.platform, channel: post.channelId, note }, 'review post answered late'),
    };
  }

  /**
   * Sends one post. The outcome of the post before it (`earlier`) is written in the same
   * transaction as this one's hand-over, and this one's is returned for the next: a pass writes
   * to the store once a post, which the checks' worker, writing beside it, waits for less.
   */
  private async send(post: ClaimedPost, earlier: Outcome | undefined): Promise<Attempt> {
    const { store, posters, now } = this.deps;
    const poster = posters.get(post.platform);
    try {
      if (!poster) throw new DeliveryError('retryable', `no ${post.platform} poster in this process`);
      // From here the post may reach the channel: if this process stops before it is settled, it
      // is unconfirmed, never sent again. Until here it was not sent, and another pass sends it.
      // A card's clock is read in the same turn: the store may close while an earlier post is on its way.
      const handing = this.turns.take(() => ({
        handed: store.inOneWrite(() => {
          earlier?.();
          return store.handOver(post, now());
        }),
        view: post.kind === 'card' ? candidateCard(post.candidate, reviewChannelInstants(this.deps.zones, post)) : noticeOnClock(post.view, reviewChannelInstants(this.deps.zones, post)),
      }));
      // A busy store wrote nothing: the post was not sent, and the earlier outcome is still to write.
      const { handed, view } = await handing.catch((error: unknown) => {
        if (isStoreBusy(error)) throw new StoreBusyAtHandOver(error);
        throw error;
      });
      earlier = undefined;
      if (!handed) return {};
      // The messages an earlier attempt delivered are not posted again.
      const refs = [...post.delivered, ...(await poster.post(post.channelId, view, post.delivered.length, post.context, this.markFor(post))).refs];
      const at = now();
      return { landed: { post, refs }, outcome: () => store.posted(post.id, refs, at) };
    } catch (error) {
      // The store closed as the process ends before the hand-over: the post was not sent, and the
      // pass ends here; it is claimed again after the restart.
      if (isTurnsEnded(error)) throw error;
      if (error instanceof StoreBusyAtHandOver) return { ...(earlier ? { outcome: earlier } : {}), storeBusy: error.storeError };
      return this.failure(post, error, earlier);
    }
  }

  /**
   * A failed post's outcome: tried again after its wait, unless retrying cannot help (a permanent
   * refusal) or it has failed for a day; a rate limit or the platform's trouble holds the platform.
   * A refusal of Sitrep itself holds the platform too, and the post waits for the operator's fix
   * (its stored reason names it, for /review list), however long that takes.
   */
  private failure(post: ClaimedPost, error: unknown, earlier: Outcome | undefined): Attempt {
    const { store, now, logger } = this.deps;
    const at = now();
    const message = error instanceof Error ? error.message : String(error);
    const delivered = [...post.delivered, ...(error instanceof DeliveryError ? error.delivered : [])];
    const retryable = mayPassLater(error);
    const fix = operatorFixOf(error);
    const tooLong = fix === undefined && post.failingSince !== undefined && at.getTime() - post.failingSince.getTime() >= GIVE_UP_MS;
    const retryAt = new Date(at.getTime() + cardRetryDelay(post.claim, error));
    const kept = retryable && !tooLong ? retryAt : undefined;
    const where = { err: error, post: post.id, kind: post.kind, platform: post.platform, channel: post.channelId, attempts: post.claim };
    if (fix === undefined) logger.warn({ ...where, retry: kept !== undefined, ...(kept ? { retryAt: kept } : {}) }, 'could not post to the review channel');
    else this.waitsForOperator(post.platform, message, fix, { ...where, retryAt }, 'a review post waits for the app to be fixed; trying again later');
    if (tooLong && retryable) logger.warn({ ...where, failingSince: post.failingSince }, 'gave up a review post failing for a day');
    const reason = fix === undefined ? message : waitingForOperator(message, fix);
    return {
      outcome: () => {
        earlier?.();
        store.failed(post.id, reason, kept, at, delivered);
      },
      ...(stopsPlatform(error) ? { holdUntil: retryAt } : {}),
    };
  }
}

/** A post's outcome in the store, to be written (in a transaction with the next post's hand-over). */
type Outcome = () => void;

/** The store was busy when a post was to be handed over: it was not sent. */
class StoreBusyAtHandOver extends Error {
  constructor(readonly storeError: unknown) {
    super('the store was busy at the hand-over');
  }
}

/** A post that reached its channel, with all its messages. */
interface LandedPost {
  post: ClaimedPost;
  refs: string[];
}

interface Attempt {
  landed?: LandedPost;
  /** Nothing to write when the post was not handed over (another claim holds it). */
  outcome?: Outcome;
  /** The platform failed for now: none of its posts before then. */
  holdUntil?: Date;
  /** The store was busy at the hand-over (its error): the post was not sent, and the pass stops. */
  storeBusy?: unknown;
}

interface PassResult {
  landed: LandedPost[];
  /** Platforms stopped this pass, until when. */
  stopped: Map<PlatformName, Date>;
  /** Claimed posts of stopped platforms that were not tried. */
  untried: ClaimedPost[];
  /** The last outcome, still to write. */
  outcome?: Outcome;
  /** The store's busy error that stopped the pass, once its outcomes are written (or owed). */
  busy?: unknown;
}
