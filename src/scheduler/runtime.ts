// Wires the digest feature for one process: the store's digest port (the composition root
// supplies the concrete one), posters, deliverer and the service commands use. The scheduler
// is started separately (by main) once the adapters' posters are known.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { ChartServices } from '../core/charts/picture.js';
import type { DigestStore } from '../core/digest/store-port.js';
import { canonicalTimeZone, fixedOffsetReading, isFixedOffsetZone, resolvedTimeZone } from '../core/digest/zoned-time.js';
import type { Logger } from '../core/logger.js';
import type { PostEditStore } from '../core/digest/post-edits-port.js';
import { DigestDeliverer, type DigestRetryPolicy, type RetryPolicy } from './delivery.js';
import { PostEditRunner } from './edit-runner.js';
import { ScheduledDigestService } from './digest-service.js';
import { PosterRegistry } from './posters.js';
import { DigestScheduler, type SchedulerOptions } from './scheduler.js';
import { scheduleLiftedPauses } from './lifted-pauses.js';
import type { TaskFactory } from './tasks.js';

/** `Store`: the concrete store, kept as such for callers that read more than the scheduler needs. */
export interface DigestRuntimeOptions<Store extends DigestStore> {
  store: Store;
  defaultTimeZone: string;
  now: () => Date;
  logger: Logger;
  tasks: TaskFactory;
  /** This process's id in leases and the delivery log; random by default. */
  holder?: string;
  /** How edits of posted messages are retried. */
  retry?: RetryPolicy;
  /** How digests are retried (DIGEST_RETRY by default). */
  digestRetry?: DigestRetryPolicy;
  /** Draws the cards digests open with; without it, digests have none. */
  charts?: ChartServices;
  /** Where posts and the edits corrections owe them are kept; without it, corrections edit nothing. */
  postEdits?: PostEditStore;
}

export interface DigestRuntime<Store extends DigestStore = DigestStore> {
  readonly holder: string;
  readonly store: Store;
  readonly posters: PosterRegistry;
  readonly deliverer: DigestDeliverer;
  readonly service: ScheduledDigestService;
  /** Edits posted messages for corrections (with `postEdits`). */
  readonly edits: PostEditRunner | undefined;
  /** Starts scheduling with the posters registered so far. */
  startScheduler(options?: Pick<SchedulerOptions, 'leaseMs' | 'heartbeatMs' | 'staleMs' | 'isDesk'>): DigestScheduler;
}

/**
 * SITREP_TZ as subscriptions store it: spelled canonically (`europe/paris` → `Europe/Paris`),
 * and an abbreviation mapped to the zone it really is, with a warning, rather than shown as typed;
 * a fixed offset (`Etc/GMT+5`, which /digest subscribe refuses) is kept, with a warning of its sign.
 */
function defaultZone(configured: string, logger: Logger): string {
  const canonical = canonicalTimeZone(configured);
  if (canonical && isFixedOffsetZone(configured)) {
    const { real, misread } = fixedOffsetReading(configured);
    logger.warn(
      { SITREP_TZ: configured },
      `SITREP_TZ ${configured} is ${real} all year, not ${misread} (Etc/ names reverse the sign), with no daylight saving time: digests use it so. Set a region's zone such as America/New_York.`,
    );
  }
  if (canonical) return canonical;
  const resolved = resolvedTimeZone(configured) ?? configured;
  logger.warn(
    { SITREP_TZ: configured, zone: resolved },
    `SITREP_TZ ${configured} is an abbreviation, not a region's zone: digests use ${resolved}. Set an IANA name such as America/New_York.`,
  );
  return resolved;
}

export function createDigestRuntime<Store extends DigestStore>(options: DigestRuntimeOptions<Store>): DigestRuntime<Store> {
  // Host and pid first: a lease left by a process of this host that is gone is taken over at once (lease-holders.ts).
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const posters = new PosterRegistry();
  const { store, now, logger, tasks } = options;
  const charts = options.charts ? { charts: options.charts } : {};
  const retry = options.retry ? { retry: options.retry } : {};
  const postEdits = options.postEdits;
  const digestRetry = options.digestRetry ? { retry: options.digestRetry } : {};
  const deliverer = new DigestDeliverer({ store, posters, tasks, now, logger, sender: holder, ...digestRetry, ...charts, ...(postEdits ? { edits: postEdits } : {}) });
  const edits = postEdits && new PostEditRunner({ store: postEdits, posters, now, logger, ...retry });
  const defaultTimeZone = defaultZone(options.defaultTimeZone, logger);
  // Before any command or schedule reads them: the digests an upgrade resumed get their next slot.
  scheduleLiftedPauses(store, now(), logger);
  const service = new ScheduledDigestService({ store, deliverer, posters, defaultTimeZone, now, logger, ...charts });
  return {
    holder,
    store,
    posters,
    deliverer,
    service,
    edits,
    startScheduler(schedulerOptions = {}) {
      const scheduler = new DigestScheduler({ store, deliverer, posters, tasks, now, logger, holder, ...schedulerOptions, ...(edits ? { edits } : {}) });
      service.onChange(() => scheduler.refresh());
      scheduler.start();
      return scheduler;
    },
  };
}
