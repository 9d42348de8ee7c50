// Posts what the review channels are owed (candidates' cards, notices about paused sources)
// through the posters of this process, naming commands as the channel's workspace has them
// (its context). Each post is claimed in the store first, so processes sharing a store never
// post one twice; a post that fails for now, or that a stopped process never got to, is tried
// again on a later pass, without the messages of it already in the channel.
// Once a candidate is decided, its posted cards are edited to show the decision.
import type { PlatformName } from '../caller.js';
import { rememberPost } from '../digest/post-edits.js';
import type { PostEditStore } from '../digest/post-edits-port.js';
import type { Logger } from '../logger.js';
import { Turns } from '../turns.js';
import { DeliveryError, type PostMark, type Poster } from '../poster.js';
import type { Candidate } from './candidate.js';
import { candidateCard, decidedCard } from './candidate-card.js';
import type { ClaimedPost, ReviewStore } from './review-port.js';

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
}

/** Posts per pass: a queue opened in a new channel arrives over a few passes, not as a flood. */
const POSTS_PER_PASS = 20;
/** A post left `sending` this long was cut off by its process stopping. */
const STALE_MS = 10 * 60_000;

export class CardPoster {
  private readonly turns: Turns;
  /** The pass running, and the one asked for while it runs (which every caller meanwhile shares). */
  private pass: Promise<number> | undefined;
  private next: Promise<number> | undefined;

  constructor(private readonly deps: CardPosterDeps) {
    this.turns = deps.turns ?? new Turns();
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
    const { store, posters, now } = this.deps;
    const platforms = posters.platforms();
    if (platforms.length === 0) return 0;
    const claimed = await this.turns.take(() =>
      store.inOneWrite(() => {
        store.abandonStale(new Date(now().getTime() - STALE_MS));
        store.queueCards(POSTS_PER_PASS, now());
        return store.claim(platforms, this.deps.sender, now(), POSTS_PER_PASS);
      }),
    );
    let sent = 0;
    let outcome: Outcome | undefined;
    for (const post of claimed) {
      const attempt = await this.send(post, outcome);
      if (attempt.sent) sent += 1;
      outcome = attempt.outcome;
    }
    if (outcome) await this.turns.take(() => store.inOneWrite(outcome));
    await this.redraw(platforms);
    return sent;
  }

  /**
   * Draws again the posted cards of candidates a feed revised since (what their item and reports say now).
   * An edit that fails is logged and not tried again: the card keeps its earlier version, and
   * /review show gives the current one.
   */
  private async redraw(platforms: readonly PlatformName[]): Promise<void> {
    const { store, posters, now, logger } = this.deps;
    const cards = await this.turns.take(() => store.redrawnCards(platforms, POSTS_PER_PASS));
    for (const card of cards) {
      const where = { candidate: card.candidate.id, platform: card.platform, channel: card.channelId, messages: card.refs };
      const poster = posters.get(card.platform);
      try {
        if (!poster?.update) throw new Error('this process cannot edit posted cards');
        await poster.update(card.channelId, card.refs, candidateCard(card.candidate), card.context);
        // Decided while the edit was on its way: the decision's own edit may have landed first.
        const current = await this.turns.take(() => store.candidate(card.candidate.id));
        if (current && current.status !== 'pending') await poster.update(card.channelId, card.refs, decidedCard(current), card.context);
      } catch (error) {
        logger.warn({ err: error, ...where }, 'could not draw a revised candidate\'s card again');
      }
      await this.turns.take(() => store.redrawn(card.postId, card.candidate.revision ?? 0, now()));
    }
  }

  /**
   * Shows the decision in every message the candidate's card went out as, on the platforms this
   * process posts to. A failed edit is logged: the card stays as it was and nothing is posted anew.
   */
  async showDecision(candidate: Candidate): Promise<void> {
    const { store, posters, logger } = this.deps;
    const view = decidedCard(candidate);
    for (const card of store.cardMessages(candidate.id)) {
      const where = { candidate: candidate.id, platform: card.platform, channel: card.channelId, messages: card.refs };
      const poster = posters.get(card.platform);
      if (!poster?.update) {
        logger.warn(where, 'a decided card cannot be edited from this process');
        continue;
      }
      try {
        await poster.update(card.channelId, card.refs, view, card.context);
      } catch (error) {
        logger.warn({ err: error, ...where }, 'could not show the decision on a posted card');
      }
      const entryId = candidate.status === 'approved' ? candidate.decision?.entryId : undefined;
      if (this.deps.edits && entryId !== undefined) {
        const post = { platform: card.platform, channelId: card.channelId, context: card.context, zone: 'UTC', view, refs: card.refs, postedAt: this.deps.now() };
        rememberPost(this.deps.edits, post, logger, { entries: [{ entryId }] });
      }
    }
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
    const { store, posters, now, logger } = this.deps;
    const poster = posters.get(post.platform);
    const view = post.kind === 'card' ? candidateCard(post.candidate) : post.view;
    try {
      if (!poster) throw new DeliveryError('retryable', `no ${post.platform} poster in this process`);
      // From here the post may reach the channel: if this process stops before it is settled, it
      // is unconfirmed, never sent again. Until here it was not sent, and another pass sends it.
      const handed = await this.turns.take(() =>
        store.inOneWrite(() => {
          earlier?.();
          return store.handOver(post, now());
        }),
      );
      earlier = undefined;
      if (!handed) return { sent: false };
      // The messages an earlier attempt delivered are not posted again.
      const refs = await poster.post(post.channelId, view, post.delivered.length, post.context, this.markFor(post));
      const at = now();
      return { sent: true, outcome: () => store.posted(post.id, [...post.delivered, ...refs], at) };
    } catch (error) {
      const retry = !(error instanceof DeliveryError) || error.kind === 'retryable';
      const message = error instanceof Error ? error.message : String(error);
      const delivered = [...post.delivered, ...(error instanceof DeliveryError ? error.delivered : [])];
      logger.warn({ err: error, post: post.id, kind: post.kind, platform: post.platform, channel: post.channelId, retry }, 'could not post to the review channel');
      const at = now();
      const unwritten = earlier;
      return {
        sent: false,
        outcome: () => {
          unwritten?.();
          store.failed(post.id, message, retry, at, delivered);
        },
      };
    }
  }
}

/** A post's outcome in the store, to be written (in a transaction with the next post's hand-over). */
type Outcome = () => void;

interface Attempt {
  sent: boolean;
  /** Nothing to write when the post was not handed over (another claim holds it). */
  outcome?: Outcome;
}
