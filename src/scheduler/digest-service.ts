// The digest port for commands, over the store's digest port, the composer and the deliverer.
import { platformName, type PlatformName } from '../core/caller.js';
import type { ChartServices } from '../core/charts/picture.js';
import { subscriptionCard, withCard } from '../core/digest/card.js';
import { subscriptionChanges } from '../core/digest/subscription-changes.js';
import { composeDigest } from '../core/digest/compose.js';
import { confirmationView } from '../core/digest/confirmation.js';
import type {
  ChannelKey,
  DeliverySummary,
  DigestService,
  SendOutcome,
  SubscribeAsk,
  SubscribeOutcome,
  SubscribeRequest,
  SubscriptionInfo,
} from '../core/digest/service.js';
import type { Delivery } from '../core/digest/delivery-log-port.js';
import type { DigestStore } from '../core/digest/store-port.js';
import type { Subscription } from '../core/digest/subscriptions-port.js';
import { UserError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { View } from '../core/view.js';
import { accessHelpFor, postConfirmation, type ConfirmingCommand } from '../core/channel-confirmation.js';
import { DIGEST_SUBSCRIBE } from '../core/digest/views.js';
import { DIGEST_PICTURE, pausedDigestNeeds } from './digest-access.js';
import type { DigestDeliverer } from './delivery.js';
import type { PosterRegistry } from './posters.js';
import { repeatsNote, slotAfter, storedSchedule } from './slots.js';

export interface DigestServiceDeps {
  store: DigestStore;
  deliverer: DigestDeliverer;
  posters: PosterRegistry;
  defaultTimeZone: string;
  now: () => Date;
  logger: Logger;
  /** Draws digest cards, for previews; without it, previews have none. */
  charts?: ChartServices;
}

function summary(row: Delivery): DeliverySummary {
  const result: DeliverySummary = {
    slot: row.slot,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    messages: row.messageRefs.flat().length,
    updatedAt: row.updatedAt,
  };
  if (row.lastError) result.error = row.lastError;
  if (row.status === 'retrying' && row.nextAttemptAt) result.retryAt = row.nextAttemptAt;
  return result;
}

function info(sub: Subscription, last: Delivery | undefined, accessHelp?: string): SubscriptionInfo {
  const result: SubscriptionInfo = {
    id: sub.id,
    channel: sub.channel,
    schedule: sub.schedule,
    timezone: sub.timezone,
    filters: sub.filters,
    skipEmpty: sub.skipEmpty,
    card: sub.card,
    nextRunAt: sub.nextSlotAt,
  };
  if (sub.paused) result.paused = { ...sub.paused, ...(accessHelp ? { accessHelp } : {}) };
  if (last) result.lastDelivery = summary(last);
  return result;
}

/** The actor filter as the request leaves it: kept, or the actor given (a followed merge is then a change). */
function sameActor(sub: Subscription, request: SubscribeRequest): boolean {
  if (request.keepActor) return true;
  return sub.filters.actorId === request.filters.actorId && sub.filters.actorWas === undefined;
}

/**
 * Whether a subscribe would leave an active subscription as it is: then nothing is posted in the
 * channel (a "Digest changed" there would announce no change) and nothing is written.
 */
function unchanged(sub: Subscription, request: SubscribeRequest): boolean {
  const { filters } = request;
  return (
    !sub.paused &&
    sub.schedule === request.schedule.text &&
    sub.cron === request.schedule.cron &&
    sub.timezone === request.timezone &&
    sub.filters.topic === filters.topic &&
    sub.filters.eventType === filters.eventType &&
    sameActor(sub, request) &&
    sub.skipEmpty === request.skipEmpty &&
    sub.card === request.card &&
    sub.context === (request.context ?? '')
  );
}

const DIGEST_CONFIRMATION_LOG: ConfirmingCommand = {
  command: DIGEST_SUBSCRIBE,
  refused: 'digest confirmation refused; subscription not stored',
  delayed: 'digest confirmation not posted for now; subscription stored',
};

/** A digest with a card opens with a picture, which the confirmation has not: the platform may need a right for it. */
const confirmingDigest = (card: boolean): ConfirmingCommand => (card ? { ...DIGEST_CONFIRMATION_LOG, picture: DIGEST_PICTURE } : DIGEST_CONFIRMATION_LOG);

const NO_SUBSCRIPTION = (verb: string) =>
  new UserError('not-found', `This channel has no digest to ${verb}.`, ['Start one with /digest subscribe schedule:"daily 08:00".']);

export class ScheduledDigestService implements DigestService {
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly deps: DigestServiceDeps) {}

  get defaultTimeZone(): string {
    return this.deps.defaultTimeZone;
  }

  /** Called after subscriptions change, so a scheduler in this process updates its tasks at once. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Post first, then write. The platform only answers asynchronously, and a better-sqlite3
   * transaction cannot stay open across that wait; writing first would mean undoing an upsert
   * (restoring the old settings, pause and all) while the scheduler may already have seen it.
   * Posting first leaves the store untouched when the platform refuses. The price: a write
   * failing after the post (store busy) leaves a confirmation with no subscription, and the
   * admin, told the command failed, runs it again.
   */
  async subscribe(ask: SubscribeAsk): Promise<SubscribeOutcome> {
    const { store, now, posters, logger } = this.deps;
    // Where a platform's name first reaches the store: a bad one is an adapter's bug, not the admin's.
    platformName(ask.channel.platform);
    const current = store.subscriptions.byChannel(ask.channel);
    const schedule = ask.schedule ?? (current ? storedSchedule(current) : undefined);
    // The command checks this first; the channel may have been unsubscribed since.
    if (!schedule) throw NO_SUBSCRIPTION('keep the schedule of');
    const request: SubscribeRequest = { ...ask, schedule };
    if (current && unchanged(current, request)) return { status: 'unchanged', subscription: info(current, store.deliveries.latest(current.id)) };
    const view = confirmationView({
      schedule: request.schedule.text,
      timezone: request.timezone,
      filters: request.filters,
      skipEmpty: request.skipEmpty,
      nextRunAt: slotAfter({ cron: request.schedule.cron, timezone: request.timezone }, now()),
      byName: request.byName ?? request.by,
      created: !current,
    });
    const confirmation = await postConfirmation(posters, request.channel, view, logger, confirmingDigest(request.card), request.context);
    if (confirmation.status === 'refused') {
      // Read again: the channel's subscription may have changed (or been paused) during the post.
      const still = this.find(request.channel);
      return { status: 'refused', error: confirmation.error, accessHelp: confirmation.accessHelp, ...(still ? { current: still } : {}) };
    }
    const at = now();
    const result = store.transaction(() =>
      store.subscriptions.upsert({
        ...request,
        nextSlotAt: slotAfter({ cron: request.schedule.cron, timezone: request.timezone }, at),
        startCursor: store.changes.latestCursor(),
        now: at,
      }),
    );
    this.changed();
    const followed = result.created ? undefined : this.deps.deliverer.followSettings(result.id);
    // Named as it was scheduled: a new time zone would put its slot at another hour.
    const waiting = followed && current && current.timezone !== request.timezone ? { ...followed, scheduledIn: current.timezone } : followed;
    const sub = store.subscriptions.byId(result.id)!;
    return { status: 'saved', subscription: info(sub, store.deliveries.latest(sub.id)), created: result.created, confirmation, ...(waiting ? { waiting } : {}) };
  }

  unsubscribe(channel: ChannelKey): boolean {
    const removed = this.deps.store.subscriptions.remove(channel);
    if (removed) this.changed();
    return removed;
  }

  find(channel: ChannelKey): SubscriptionInfo | undefined {
    const sub = this.deps.store.subscriptions.byChannel(channel);
    return sub ? info(sub, this.deps.store.deliveries.latest(sub.id)) : undefined;
  }

  list(scope: { platform: PlatformName; workspaceId: string }): SubscriptionInfo[] {
    const { store } = this.deps;
    const subs = store.subscriptions.inWorkspace(scope.platform, scope.workspaceId);
    const latest = store.deliveries.latestFor(subs.map((s) => s.id));
    // Only the refusal's reason is stored: the poster words its help from that and the channel.
    const help = (sub: Subscription, reason: string) =>
      accessHelpFor(this.deps.posters.get(sub.channel.platform), DIGEST_CONFIRMATION_LOG.command, pausedDigestNeeds(sub, reason));
    return subs.map((s) => info(s, latest.get(s.id), s.paused ? help(s, s.paused.reason) : undefined));
  }

  preview(channel: ChannelKey): View {
    const { store, now } = this.deps;
    const sub = store.subscriptions.byChannel(channel);
    if (!sub) throw NO_SUBSCRIPTION('preview');
    const latest = store.deliveries.latest(sub.id);
    const repeats = repeatsNote(sub, latest, (id) => store.deliveries.before(id));
    const cursorTo = store.changes.latestCursor();
    const set = subscriptionChanges(store, sub.id, sub.cursor, cursorTo);
    const at = now();
    const { view } = composeDigest(set, {
      filters: sub.filters,
      zone: sub.timezone,
      periodFrom: sub.cursorAt,
      periodTo: at,
      preview: true,
      trendCalls: store.trends.latestByTopic(),
      ...(latest ? {} : { firstDigest: true }),
      ...(repeats ? { repeats } : {}),
    });
    const { charts } = this.deps;
    return charts && sub.card ? withCard(view, subscriptionCard(charts, store, sub, { cursorFrom: sub.cursor, cursorTo, from: sub.cursorAt, to: at }).image) : view;
  }

  async sendNow(channel: ChannelKey): Promise<SendOutcome> {
    const { store, posters, deliverer, now } = this.deps;
    const sub = store.subscriptions.byChannel(channel);
    if (!sub) throw NO_SUBSCRIPTION('send');
    if (!posters.get(channel.platform)) {
      throw new UserError('conflict', `This Sitrep process cannot post to ${channel.platform} channels.`, [
        'Run /digest send-now from a process connected to that platform.',
      ]);
    }
    const outcome = await deliverer.deliver(sub.id, { slot: now(), kind: 'manual', missedSlots: 0, fenced: false });
    return outcome ?? { status: 'busy' };
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
