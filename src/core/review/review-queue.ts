// The review queue as /review uses it: candidates, decisions, the review channel, and posting
// what the channels are owed.
import type { ChangeStamp, ClaimInput, EntryInput, SourceRecord } from '../domain.js';
import { UserError } from '../errors.js';
import type { Page } from '../ports.js';
import type { Candidate } from './candidate.js';
import { CardPoster, type CardPosterDeps } from './card-poster.js';
import { isTurnsEnded } from '../turns.js';
import { withUncited } from './uncited-reports.js';
import { accessHelpFor, postConfirmation, storedRefusalNeeds, type ConfirmationResult } from '../channel-confirmation.js';
import { channelConfirmationView, REVIEW_CONFIRMATION_LOG } from './channel-confirmation.js';
import { reviewChannelZone } from './channel-clock.js';
import type { ChannelRef, DecisionResult, FailingChannel, PendingFilter, PostedCard, ReopenResult, ReviewChannel, ReviewStore, UnconfirmedCard, WaitingBefore } from './review-port.js';

/**
 * What became of /review channel: refused (the platform would not take the confirmation; nothing
 * was recorded, `current` is the platform's review channel as it stands), or set, with the cards
 * given up there before queued again (`requeued`) and how many waiting candidates have no card there.
 */
export type SetChannelOutcome =
  | (Extract<ConfirmationResult, { status: 'refused' }> & { current?: ReviewChannel })
  | { status: 'set'; confirmation: Exclude<ConfirmationResult, { status: 'refused' }>; replaced?: ReviewChannel; requeued: number; uncarded: number };

/** A failing review channel, with what an admin does so Sitrep may post there (its platform's poster's, said for /review channel). */
export type ChannelTrouble = FailingChannel & { accessHelp: string };

export class ReviewQueue {
  private readonly poster: CardPoster;

  constructor(private readonly deps: CardPosterDeps) {
    this.poster = new CardPoster(deps);
  }

  private get store(): ReviewStore {
    return this.deps.store;
  }

  /** The candidate, an approved one with the reports its entry does not cite yet (uncited-reports.ts). */
  candidate(id: number): Candidate {
    const candidate = this.store.candidate(id);
    if (!candidate) throw new UserError('not-found', `There is no candidate #${id} (option \`id\`).`, ['See the candidates waiting with /review list.'], 'id');
    return withUncited(candidate, (links) => this.store.citing(links));
  }

  pending(filter: PendingFilter, limit: number, offset: number): Page<Candidate> {
    return this.store.pending(filter, limit, offset);
  }

  /** The candidates /review clear would reject, by number, oldest first. */
  waitingBefore(filter: WaitingBefore): number[] {
    return this.store.waitingBefore(filter);
  }

  /** The oldest live entry citing one of the candidate's reports already, if any. */
  citedBy(candidate: Candidate): number | undefined {
    return this.store.citing(candidate.reports.flatMap((report) => (report.link ? [report.link] : [])));
  }

  /**
   * Approves the candidate; once done, its posted cards show the decision, with the entry as
   * recorded (the options given on approval change what the card suggested).
   */
  approve(id: number, input: EntryInput, stamp: ChangeStamp, note: string): Promise<DecisionResult> {
    return this.decided(this.store.approve(id, input, stamp, note));
  }

  /** Approves the candidate as further sources of entry `entryId`; once done, its posted cards show it. */
  attach(id: number, entryId: number, sources: readonly SourceRecord[], stamp: ChangeStamp, note: string, claims: readonly ClaimInput[] = []): Promise<DecisionResult> {
    return this.decided(this.store.attach(id, entryId, sources, stamp, note, claims));
  }

  reject(id: number, reason: string | undefined, stamp: ChangeStamp): Promise<DecisionResult> {
    return this.decided(this.store.reject(id, reason, stamp));
  }

  /**
   * Rejects every candidate waiting since before `before` (of a topic, if given). Their posted
   * cards are flagged to show the decision in the same write, and the card passes draw them at the
   * pace cards are drawn again (a queue of hundreds takes minutes, not the reply's time nor the
   * channel's whole rate budget); a pass starts at once for the first of them.
   */
  rejectWaiting(filter: WaitingBefore, reason: string | undefined, stamp: ChangeStamp): Candidate[] {
    return this.rejectWaitingIf(filter, reason, stamp, () => true) as Candidate[];
  }

  /** The same, only if `accepts` the set waiting (read in the same write); else nothing, and that set. */
  rejectWaitingIf(filter: WaitingBefore, reason: string | undefined, stamp: ChangeStamp, accepts: (ids: readonly number[]) => boolean): Candidate[] | { changed: number[] } {
    const outcome = this.store.rejectWaitingIf(filter, reason, stamp, accepts);
    if (Array.isArray(outcome) && outcome.length > 0) this.startPass('could not start showing the rejections on their posted cards');
    return outcome;
  }

  /**
   * Puts a rejected candidate back in the queue; a pass starts at once to draw its cards again
   * with their buttons (or post them where it has none).
   */
  reopen(id: number): ReopenResult {
    const result = this.store.reopen(id, this.deps.now());
    if (result.kind === 'done') this.startPass("could not start drawing a reopened candidate's cards");
    return result;
  }

  /**
   * Starts a pass without waiting for it. One cut short by the store closing as the process ends
   * is no failure: the cards stay flagged, and are drawn after the restart.
   */
  private startPass(failure: string): void {
    void this.postPending().catch((error: unknown) => {
      if (!isTurnsEnded(error)) this.deps.logger.warn({ err: error }, failure);
    });
  }

  /** Whoever decided first edits the cards; a later decision changed nothing, so has nothing to show. */
  private async decided(result: DecisionResult): Promise<DecisionResult> {
    if (result.kind === 'done') await this.poster.showDecision(result.candidate);
    return result;
  }

  /**
   * Makes `channel` its platform's review channel, once a confirmation posted there shows Sitrep
   * may post in it (as /digest subscribe does; `byName` is who the channel reads set it). The
   * cards given up there before, of candidates still waiting, are queued again, so the next passes
   * post them with the others.
   */
  async setChannel(channel: ChannelRef, stamp: ChangeStamp, byName: string): Promise<SetChannelOutcome> {
    const confirmation = await postConfirmation(this.deps.posters, channel, channelConfirmationView(byName), this.deps.logger, REVIEW_CONFIRMATION_LOG, channel.context);
    const current = this.store.channels().find((c) => c.platform === channel.platform);
    if (confirmation.status === 'refused') return { ...confirmation, ...(current ? { current } : {}) };
    const replaced = current && (current.workspaceId !== channel.workspaceId || current.channelId !== channel.channelId) ? current : undefined;
    const { requeued, uncarded } = this.store.inOneWrite(() => {
      this.store.setChannel(channel, stamp);
      return { requeued: this.store.requeueFailedCards(channel, this.deps.now()), uncarded: this.store.uncardedCount(channel) };
    });
    return { status: 'set', confirmation, ...(replaced ? { replaced } : {}), requeued, uncarded };
  }

  /**
   * The review desk's clock: its channels' zone when they share one, else the bot's (SITREP_TZ).
   * An undated feed item is dated by its day there, as the cards and approvals read "today".
   */
  deskZone(): string {
    const zones = new Set(this.store.channels().map((channel) => reviewChannelZone(this.deps.zones, channel)));
    return zones.size === 1 ? [...zones][0]! : (this.deps.zones?.defaultTimeZone ?? 'UTC');
  }

  channels(): ReviewChannel[] {
    return this.store.channels();
  }

  /**
   * The review channels missing cards of candidates still waiting (given up there), with the fix
   * for the latest refusal there (a gone channel or an archived thread needs another than permissions).
   */
  failingChannels(): ChannelTrouble[] {
    return this.store.failingChannels().map((failing) => {
      const poster = this.deps.posters.get(failing.channel.platform);
      const needs = storedRefusalNeeds(failing.channel.channelId, failing.error);
      return { ...failing, accessHelp: accessHelpFor(poster, REVIEW_CONFIRMATION_LOG.command, needs) };
    });
  }

  /** Pending candidates among `ids` whose card may not have reached a review channel. */
  unconfirmedCards(ids: readonly number[]): UnconfirmedCard[] {
    return this.store.unconfirmedCards(ids);
  }

  /** Where a candidate's card went, per channel: what is replaced once it is decided. */
  cardMessages(id: number): PostedCard[] {
    return this.store.cardMessages(id);
  }

  /** Posts the cards and notices owed, on the platforms this process posts to. */
  postPending(): Promise<number> {
    return this.poster.postPending();
  }
}
