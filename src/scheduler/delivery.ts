// Delivers one digest: record the intent → post each part, recording its message references →
// confirm and move the cursor. Retryable failures back off and resume after the last part that
// arrived, for hours if need be; permanent ones pause the subscription with the reason. A refusal
// of Sitrep itself (its token, its scopes) pauses no channel: its digests wait for the operator.
import { accessHelpFor } from '../core/channel-confirmation.js';
import { pictureLeftOutText, type ChartServices, type PictureOutcome } from '../core/charts/picture.js';
import { subscriptionCard, withCard } from '../core/digest/card.js';
import { composeDigest } from '../core/digest/compose.js';
import type { Delivery } from '../core/digest/delivery-log-port.js';
import { DIGEST_SUBSCRIBE, digestPausedNotice } from '../core/digest/views.js';
import { formatInZone } from '../core/digest/zoned-time.js';
import { rememberPost } from '../core/digest/post-edits.js';
import { subscriptionChanges } from '../core/digest/subscription-changes.js';
import type { PostEditStore } from '../core/digest/post-edits-port.js';
import type { DeliveryKind, SendOutcome, WaitingDigest } from '../core/digest/service.js';
import { splitDigest } from '../core/digest/split.js';
import type { DigestStore } from '../core/digest/store-port.js';
import type { Subscription } from '../core/digest/subscriptions-port.js';
import type { Logger } from '../core/logger.js';
import { DeliveryError, type PostMark } from '../core/poster.js';
import { plural } from '../core/text.js';
import { span, type View } from '../core/view.js';
import type { PosterRegistry } from './posters.js';
import { catchUpSlots, delayNote, LATE_MS, repeatsNote, slotAfter } from './slots.js';
import { pausedDigestNeeds } from './digest-access.js';
import { AppFaults, refusalOnly, waitingForOperator } from '../core/app-faults.js';
import { InFlightWork } from './in-flight-work.js';
import { missedRetryGivenUp } from './missed-retry.js';
import type { TaskFactory } from './tasks.js';

export interface RetryPolicy {
  /** Attempts in all, the first included, before a watch message or an edit is given up. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };

export interface DigestRetryPolicy {
  baseDelayMs: number;
  /** The longest wait between two attempts when the platform names none (Retry-After is honoured whole). */
  maxDelayMs: number;
  /** How long after it was first tried a digest still refused is given up, at the latest. */
  giveUpAfterMs: number;
}

/**
 * A newsroom would rather have its digest late than folded into the next one (a week later, for a
 * weekly digest): a platform outage is retried every 5 minutes at most, so the digest goes out
 * within minutes of the platform's recovery, for up to 12 hours — past that, a briefing has lost
 * its point and the next digest carries its changes, saying so. A digest is also given up just
 * before the channel's next one is due, which then carries its changes rather than waiting for it.
 */
export const DIGEST_RETRY: DigestRetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 5 * 60_000, giveUpAfterMs: 12 * 3600_000 };

/** How long to wait after the `attempts`-th failed attempt: the platform's hint, else doubling, capped. */
export function retryDelay(policy: RetryPolicy, attempts: number, error: unknown): number {
  const hint = error instanceof DeliveryError ? error.retryAfterMs : undefined;
  return Math.min(policy.maxDelayMs, hint ?? policy.baseDelayMs * 2 ** (attempts - 1));
}

/** What a sender of recorded posts (digests, watch messages) works with, besides its store. */
export interface PostingDeps {
  posters: PosterRegistry;
  tasks: TaskFactory;
  now: () => Date;
  logger: Logger;
  /** This process's id in leases and in the delivery log. */
  sender: string;
  retry?: RetryPolicy;
}

export interface DelivererDeps extends Omit<PostingDeps, 'retry'> {
  store: DigestStore;
  retry?: DigestRetryPolicy;
  /** Draws digest cards; without it, digests have none. */
  charts?: ChartServices;
  /** Remembers posted parts, so corrections of their entries edit them; without it, none are. */
  edits?: Pick<PostEditStore, 'remember'>;
}

/** A send-now's answer while the channel's digest is still on its way: when it tries again, if it waits. */
function busyWith(row: Delivery): SendOutcome {
  if (row.status !== 'retrying' || !row.nextAttemptAt) return { status: 'busy' };
  return { status: 'busy', waiting: { slot: row.slot, retryAt: row.nextAttemptAt, ...(row.lastError ? { error: row.lastError } : {}) } };
}

/** The digest being posted, as its platform marks come from it. */
interface InFlight {
  id: number;
  createdAt: Date;
  /** An attempt after a failed one: its first message may have arrived last time. */
  retry: boolean;
  /** The revision the digest runs up to: its entries are shown as they stood then. */
  cursorTo: number;
}

type Begun = { delivery: InFlight; parts: View[]; sub: Subscription; empty: boolean; first: boolean } | { outcome: SendOutcome | undefined };

/**
 * A part's mark: the delivery, by id and by when it was recorded (the id of a deleted row can
 * come back), and the part. The same on every attempt, so a resend is recognised as one.
 */
function partKey(delivery: InFlight, part: number): string {
  return `d${delivery.id.toString(36)}-${delivery.createdAt.getTime().toString(36)}-${part}`;
}

export interface SlotRequest {
  slot: Date;
  kind: DeliveryKind;
  missedSlots: number;
  /** Scheduled deliveries only happen while this process holds the platform's lease. */
  fenced: boolean;
  /** A scheduled slot delivered late though Sitrep was running: the digest says why, if known. */
  late?: boolean;
}

/** What a digest's composition depends on besides the subscription's settings. */
interface Composition {
  slot: Date;
  kind: DeliveryKind;
  missedSlots: number;
  late: boolean;
  cursorFrom: number;
  cursorTo: number;
  periodFrom: Date;
  periodTo: Date;
  /** The subscription's digest before this one, if any. */
  previous: Delivery | undefined;
  /** The first slot this digest was owed for, when it is composed as that slot comes due. */
  owedSlot?: Date;
}

/** A duration in the words a delivery log line uses: `40 minutes`, `12 hours`. */
function durationWords(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return minutes < 120 ? plural(minutes, 'minute') : plural(Math.round(minutes / 60), 'hour');
}

export class DigestDeliverer {
  /** By subscription id. */
  private readonly inFlight = new InFlightWork<number>();
  private readonly retry: DigestRetryPolicy;
  private readonly appFaults: AppFaults;

  constructor(private readonly deps: DelivererDeps) {
    this.retry = deps.retry ?? DIGEST_RETRY;
    this.appFaults = new AppFaults(deps.logger, 'digests');
  }

  /** Delivers a slot unless it was delivered, skipped or taken already; undefined means nothing to do. */
  deliver(subscriptionId: number, request: SlotRequest): Promise<SendOutcome | undefined> {
    if (this.inFlight.has(subscriptionId)) return Promise.resolve(request.kind === 'manual' ? { status: 'busy' } : undefined);
    return this.inFlight.track(subscriptionId, async () => {
      const begun = this.begin(subscriptionId, request);
      if ('outcome' in begun) return begun.outcome;
      const outcome = await this.postParts(begun.sub, begun.delivery, begun.parts, 0, []);
      // A send-now posts even an empty digest: its reply says that is all it posted.
      return outcome.status === 'delivered' && begun.empty ? { ...outcome, empty: true, ...(begun.first ? { first: true as const } : {}) } : outcome;
    });
  }

  /** Tries a digest waiting to retry again, if its time has come and nobody else has. */
  resume(deliveryId: number): Promise<SendOutcome | undefined> {
    const { store, now } = this.deps;
    // Given up without marking the channel busy: its next digest, due now, goes out in the same sweep.
    const givenUp = store.transaction(() => {
      const row = store.deliveries.get(deliveryId);
      return row ? this.giveUpIfMissed(row) : undefined;
    });
    if (givenUp) return Promise.resolve({ status: 'failed', error: givenUp, paused: false });
    const row = store.deliveries.get(deliveryId);
    if (!row || this.inFlight.has(row.subscriptionId)) return Promise.resolve(undefined);
    return this.inFlight.track(row.subscriptionId, async () => {
      const claimed = store.transaction(() => {
        const current = store.deliveries.get(deliveryId);
        if (!current || current.status !== 'retrying' || (current.nextAttemptAt && current.nextAttemptAt > now())) return undefined;
        store.deliveries.startAttempt(deliveryId, now());
        return current;
      });
      const sub = claimed && store.subscriptions.byId(claimed.subscriptionId);
      if (!claimed || !sub || !claimed.parts) return undefined;
      const delivery = { id: claimed.id, createdAt: claimed.createdAt, retry: true, cursorTo: claimed.cursorTo };
      const from = claimed.messageRefs.length;
      const parts = from === 0 && claimed.partialRefs.length === 0 ? [this.withDelay(sub, claimed, claimed.parts[0]!), ...claimed.parts.slice(1)] : claimed.parts;
      return this.postParts(sub, delivery, parts, from, claimed.partialRefs);
    });
  }

  /**
   * Settles digests another process left half-sent. One whose every part has a recorded
   * message reference did arrive: it is confirmed. For any other, whether the part in flight
   * reached the channel is unknown. Digests are at-most-once per slot, so it is NOT posted
   * again (a blind repost risks a duplicate in the channel); it is marked `unconfirmed` and
   * the cursor stays put, so the next digest carries its changes again with a note saying
   * why. Readers may see an item twice, flagged, but never miss one.
   */
  recover(interrupted: readonly Delivery[]): void {
    const { store, now, logger } = this.deps;
    for (const row of interrupted) {
      store.transaction(() => {
        if (row.partsTotal > 0 && row.messageRefs.length >= row.partsTotal) {
          if (store.deliveries.settle(row.id, 'delivered', now())) store.subscriptions.advanceCursor(row.subscriptionId, row.cursorTo, row.createdAt);
          logger.info({ delivery: row.id }, 'confirmed a digest posted before the previous process stopped');
          return;
        }
        const posted = row.messageRefs.length;
        const error = `Sitrep stopped while posting part ${posted + 1} of ${row.partsTotal}; not reposted to avoid a duplicate`;
        store.deliveries.settle(row.id, 'unconfirmed', now(), error);
        logger.warn({ delivery: row.id, posted, parts: row.partsTotal }, 'digest delivery interrupted; marked unconfirmed');
      });
    }
  }

  /** Cancels pending retry timers (the rows stay `retrying`; whoever schedules next resumes them). */
  cancelRetries(): void {
    this.inFlight.cancelRetries();
  }

  /** Resolves once no delivery of this process is in flight (retries waiting on timers excepted). */
  idle(): Promise<void> {
    return this.inFlight.idle();
  }

  /**
   * Settles a digest waiting to retry as failed if Sitrep missed its try and is now past the
   * limits of its retries; says why. Called inside a transaction.
   */
  private giveUpIfMissed(row: Delivery, sub = this.deps.store.subscriptions.byId(row.subscriptionId)): string | undefined {
    const { store, now, logger } = this.deps;
    const at = now();
    const reason = missedRetryGivenUp(row, sub, at, this.retry.giveUpAfterMs);
    if (!reason || !store.deliveries.settle(row.id, 'failed', at, reason)) return undefined;
    logger.warn({ subscription: row.subscriptionId, delivery: row.id, retryWas: row.nextAttemptAt }, 'digest retry missed while Sitrep was not running; given up, the next digest repeats its changes');
    return reason;
  }

  /** The intent transaction: checks, composes at a fixed cursor and records, all at once. */
  private begin(subscriptionId: number, request: SlotRequest): Begun {
    const { store, now, sender } = this.deps;
    return store.transaction((): Begun => {
      const at = now();
      const sub = store.subscriptions.byId(subscriptionId);
      if (!sub) return { outcome: undefined };
      const manual = request.kind === 'manual';
      if (request.fenced && !store.leases.holds(sub.channel.platform, sender, at)) return { outcome: undefined };
      if (!manual && (sub.paused || sub.nextSlotAt > request.slot)) return { outcome: undefined };
      const waiting = store.deliveries.inFlight(sub.id);
      if (waiting && !this.giveUpIfMissed(waiting, sub)) return { outcome: manual ? busyWith(waiting) : undefined };
      if (!manual) store.subscriptions.setNextSlot(sub.id, slotAfter(sub, request.slot));
      if (store.deliveries.hasSlot(sub.id, request.slot)) return { outcome: undefined };
      const cursorTo = store.changes.latestCursor();
      const previous = store.deliveries.latest(sub.id);
      const { slot, kind, missedSlots } = request;
      const range = { cursorFrom: sub.cursor, cursorTo, periodFrom: sub.cursorAt, periodTo: at };
      const composed = this.compose(sub, { slot, kind, missedSlots, late: request.late === true, ...range, previous, owedSlot: sub.nextSlotAt });
      const skip = composed.empty && sub.skipEmpty && !manual;
      const parts = skip ? [] : composed.parts;
      const id = store.deliveries.insert({
        subscriptionId: sub.id,
        slot: request.slot,
        kind: request.kind,
        missedSlots: request.missedSlots,
        status: skip ? 'skipped' : 'sending',
        cursorFrom: sub.cursor,
        cursorTo,
        periodFrom: sub.cursorAt,
        partsTotal: parts.length,
        sender,
        now: at,
      });
      if (!skip) return { delivery: { id, createdAt: at, retry: false, cursorTo }, parts, sub, empty: composed.empty, first: !previous };
      store.subscriptions.advanceCursor(sub.id, cursorTo, at);
      return { outcome: { status: 'skipped' } };
    });
  }

  /** The digest's parts as the subscription's settings compose them now. */
  private compose(sub: Subscription, c: Composition): { parts: View[]; empty: boolean } {
    const { store } = this.deps;
    const repeats = repeatsNote(sub, c.previous, (id) => store.deliveries.before(id));
    const delayed = c.kind === 'scheduled' && c.late ? delayNote(c.slot, c.missedSlots, c.previous) : undefined;
    const composed = composeDigest(subscriptionChanges(store, sub.id, c.cursorFrom, c.cursorTo), {
      filters: sub.filters,
      zone: sub.timezone,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      ...(c.previous ? {} : { firstDigest: true }),
      trendCalls: store.trends.latestByTopic(),
      ...(c.kind === 'catch-up' ? { catchUp: catchUpSlots(sub, c) } : {}),
      ...(repeats ? { repeats } : {}),
      ...(delayed ? { delayed } : {}),
    });
    return { parts: splitDigest(composed.view), empty: composed.empty };
  }

  /**
   * After the channel's settings changed: a digest waiting to retry, none of it posted yet, is
   * composed again with them (or skipped, if they leave it empty and empty ones are skipped); one
   * partly posted, or being posted right now, is finished as it was. Says which, if one waits.
   */
  followSettings(subscriptionId: number): WaitingDigest | undefined {
    const { store, now } = this.deps;
    return store.transaction((): WaitingDigest | undefined => {
      const row = store.deliveries.inFlight(subscriptionId);
      const sub = store.subscriptions.byId(subscriptionId);
      if (!row || !sub) return undefined;
      const retryAt = row.nextAttemptAt ? { retryAt: row.nextAttemptAt } : {};
      if (row.status !== 'retrying') return { slot: row.slot, settings: 'as-was', because: 'sending' };
      if (row.messageRefs.length > 0 || row.partialRefs.length > 0) return { slot: row.slot, settings: 'as-was', because: 'partly-posted', ...retryAt };
      const late = row.missedSlots > 0 || row.createdAt.getTime() - row.slot.getTime() > LATE_MS;
      const { parts, empty } = this.compose(sub, { ...row, late, periodTo: row.createdAt, previous: store.deliveries.before(row.id) });
      const at = now();
      if (empty && sub.skipEmpty && row.kind !== 'manual') {
        if (store.deliveries.settle(row.id, 'skipped', at)) store.subscriptions.advanceCursor(sub.id, row.cursorTo, row.createdAt);
        return { slot: row.slot, settings: 'skipped' };
      }
      store.deliveries.replaceParts(row.id, parts, at);
      return { slot: row.slot, settings: 'new', ...retryAt };
    });
  }

  /**
   * A digest going out well after it was due says so at its top, and why: its header's period
   * ends at that time, which readers would otherwise take for when it was posted.
   */
  private withDelay(sub: Subscription, row: Delivery, view: View): View {
    const at = this.deps.now();
    if (at.getTime() - row.createdAt.getTime() <= LATE_MS) return view;
    // The readers are told what the platform refused, not what the operator had to fix.
    const why = row.lastError ? ` (${refusalOnly(row.lastError)})` : '';
    const when = (time: Date) => formatInZone(time, sub.timezone);
    // A try Sitrep missed (stopped or suspended) is the other cause of the wait: both are named.
    const missed = row.nextAttemptAt !== undefined && at.getTime() - row.nextAttemptAt.getTime() > LATE_MS;
    const refused = row.attempts > 1 ? `from ${when(row.createdAt)} until ${when(row.updatedAt)}` : `at ${when(row.createdAt)}`;
    const text = missed
      ? `Delayed: the platform refused this digest ${refused}${why}, and Sitrep was not running until ${when(at)}.`
      : `Delayed: the platform refused this digest from ${when(row.createdAt)} until now${why}.`;
    return { ...view, intro: [[span.italic(text)], ...(view.intro ?? [])] };
  }

  /** Posts parts[from…]; `partial` are the messages of parts[from] an earlier attempt posted. */
  private async postParts(sub: Subscription, delivery: InFlight, parts: readonly View[], from: number, partial: readonly string[]): Promise<SendOutcome> {
    const { store, now, posters } = this.deps;
    const { id } = delivery;
    const poster = posters.get(sub.channel.platform);
    if (!poster) return this.fail(sub, id, new DeliveryError('retryable', `no ${sub.channel.platform} poster is running in this process`), parts);
    let arrived = partial;
    for (let index = from; index < parts.length; index++) {
      // The card opens the first part, counted when it is posted (a retry counts the same period).
      const view = index === 0 && arrived.length === 0 ? this.withCard(sub, id, parts[0]!) : parts[index]!;
      let refs: string[];
      let picture: PictureOutcome | undefined;
      try {
        const mark = this.markFor(sub, delivery, index, parts.length, index === from);
        const posted = await poster.post(sub.channel.channelId, view, arrived.length, sub.context, mark);
        refs = [...arrived, ...posted.refs];
        picture = posted.picture;
      } catch (error) {
        if (error instanceof DeliveryError && error.delivered.length > 0) store.deliveries.recordPartial(id, [...arrived, ...error.delivered], now());
        return this.fail(sub, id, error, parts);
      }
      store.deliveries.recordPart(id, refs, now());
      if (picture !== undefined && picture !== 'posted') {
        store.deliveries.note(id, `Part ${index + 1} of ${parts.length}: posted without its picture. ${pictureLeftOutText(picture)}`, now());
      }
      if (this.deps.edits && poster.update) {
        const post = { platform: sub.channel.platform, channelId: sub.channel.channelId, context: sub.context, zone: sub.timezone, view, refs, postedAt: now() };
        rememberPost(this.deps.edits, post, this.deps.logger, { asOf: delivery.cursorTo, filters: sub.filters, ...(picture ? { picture } : {}) });
      }
      arrived = [];
    }
    const row = store.transaction(() => {
      const settled = store.deliveries.get(id);
      if (settled && store.deliveries.settle(id, 'delivered', now())) {
        store.subscriptions.advanceCursor(sub.id, settled.cursorTo, settled.createdAt);
      }
      return settled;
    });
    this.deps.logger.info({ subscription: sub.id, delivery: id, channel: sub.channel, slot: row?.slot, parts: parts.length }, 'digest delivered');
    this.appFaults.accepted(sub.channel.platform);
    return { status: 'delivered', messages: row ? row.messageRefs.flat().length : 0 };
  }

  /** Part `index`'s mark; a late answer the platform reports goes into the delivery log. */
  private markFor(sub: Subscription, delivery: InFlight, index: number, total: number, firstOfAttempt: boolean): PostMark {
    const { store, now, logger } = this.deps;
    return {
      key: partKey(delivery, index),
      // Only the first message an attempt sends can have been sent before: a failure stops the rest.
      ...(delivery.retry && firstOfAttempt ? { retryOf: delivery.createdAt } : {}),
      onLateAnswer: (note) => {
        store.deliveries.note(delivery.id, `Part ${index + 1} of ${total}: ${note}`, now());
        logger.warn({ subscription: sub.id, delivery: delivery.id, part: index + 1, note }, 'digest part answered late');
      },
    };
  }

  private withCard(sub: Subscription, id: number, view: View): View {
    const { charts, store } = this.deps;
    const row = charts && sub.card ? store.deliveries.get(id) : undefined;
    if (!row) return view;
    const card = subscriptionCard(charts!, store, sub, { cursorFrom: row.cursorFrom, cursorTo: row.cursorTo, from: row.periodFrom, to: row.createdAt });
    // The next digest's card compares with these figures without reading this range again.
    store.deliveries.recordCardFigures(id, card.figures);
    return withCard(view, card.image);
  }

  private fail(sub: Subscription, id: number, error: unknown, parts: readonly View[]): SendOutcome {
    const { store, now, logger } = this.deps;
    const at = now();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof DeliveryError && error.operatorFix !== undefined) return this.waitForOperator(sub, id, error, error.operatorFix, parts);
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      const help = accessHelpFor(this.deps.posters.get(sub.channel.platform), DIGEST_SUBSCRIBE, pausedDigestNeeds(sub, error));
      const notice = digestPausedNotice(sub.channel, message, help);
      store.transaction(() => {
        store.deliveries.settle(id, 'failed', at, message);
        store.subscriptions.pause(sub.id, message, at, notice);
      });
      logger.warn({ subscription: sub.id, channel: sub.channel, error: message }, 'digest delivery failed for good; subscription paused');
      return { status: 'failed', error: message, paused: true };
    }
    return this.retryLater(sub, id, error, parts);
  }

  /**
   * The platform refused Sitrep itself, as it will every channel until the operator acts: no
   * subscription is paused (its admins could fix nothing). The digest waits and is retried as
   * after an outage, under the same limits; the delivery log says what the operator must fix, and
   * the log says it once for the platform, not once per channel.
   */
  private waitForOperator(sub: Subscription, id: number, error: DeliveryError, fix: string, parts: readonly View[]): SendOutcome {
    this.appFaults.refused(sub.channel.platform, error.message, fix);
    return this.retryLater(sub, id, error, parts, fix);
  }

  /**
   * Schedules another try of a refused digest; past the limits of its retries, gives it up instead
   * (the next digest carries its changes). `operatorFix`: it waits for the operator, who was told.
   */
  private retryLater(sub: Subscription, id: number, error: unknown, parts: readonly View[], operatorFix?: string): SendOutcome {
    const { store, now, logger, tasks } = this.deps;
    const at = now();
    const message = error instanceof Error ? error.message : String(error);
    const row = store.deliveries.get(id);
    const attempts = row?.attempts ?? 1;
    const retryAt = row && this.nextAttemptAt(row, at, error);
    if (!retryAt) {
      const tried = row && row.attempts > 1 ? `${message}; retried for ${durationWords(at.getTime() - row.createdAt.getTime())}` : message;
      store.deliveries.settle(id, 'failed', at, tried);
      logger.warn({ subscription: sub.id, attempts, error: message }, 'digest delivery gave up; the next digest repeats its changes');
      return { status: 'failed', error: tried, paused: false };
    }
    const reason = operatorFix === undefined ? message : waitingForOperator(message, operatorFix);
    store.deliveries.retryLater(id, reason, retryAt, at, parts);
    // Per channel, a fault of the app itself is only a detail: the operator was told once (AppFaults).
    if (operatorFix === undefined) logger.warn({ subscription: sub.id, attempts, error: message, retryAt }, 'digest delivery failed; will retry');
    else logger.info({ subscription: sub.id, attempts, error: message, retryAt }, 'digest waits for the app to be fixed; will retry');
    const delay = retryAt.getTime() - at.getTime();
    this.inFlight.retryAfter(tasks, delay, () => void this.resume(id).catch((crash) => logger.error({ err: crash, delivery: id }, 'digest retry crashed')));
    return { status: 'retrying', error: reason, retryAt };
  }

  /**
   * When to try a refused digest again: after the platform's Retry-After, else a doubling wait
   * (capped) — unless that falls past the time it is given up (see DIGEST_RETRY).
   */
  private nextAttemptAt(row: Delivery, at: Date, error: unknown): Date | undefined {
    const hint = error instanceof DeliveryError ? error.retryAfterMs : undefined;
    const { baseDelayMs, maxDelayMs, giveUpAfterMs } = this.retry;
    const delay = hint ?? Math.min(maxDelayMs, baseDelayMs * 2 ** (row.attempts - 1));
    const retryAt = at.getTime() + delay;
    // Read again: the intent moved the subscription's next slot on, and a subscribe may have since.
    const sub = this.deps.store.subscriptions.byId(row.subscriptionId);
    const nextDigest = sub && !sub.paused && sub.nextSlotAt > row.createdAt ? sub.nextSlotAt.getTime() : Number.POSITIVE_INFINITY;
    return retryAt < Math.min(row.createdAt.getTime() + giveUpAfterMs, nextDigest) ? new Date(retryAt) : undefined;
  }
}
