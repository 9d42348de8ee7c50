// Carries out the edits corrections queued (see post-edits.ts): each post redrawn with its
// entries as they stand now and replaced in place through its platform's poster, never posted
// anew. Run by the scheduler's heartbeat for the platforms whose lease this process holds, one
// pass at a time, so two edits of one message never race. A failed edit waits and is tried
// again like a delivery; a permanent failure, or the last attempt, is recorded and the post
// left as it is. A refusal of Sitrep itself (its token, its scopes) is neither: the edit waits for
// the operator, who is told once, and is tried again until its post is past the time for edits. A redraw never outgrows the messages it replaces (post-edits-fit.ts): one that
// cannot fit them is recorded as failed too, and the post left as it is. What an edit drew is
// kept in the store with the post, so the next pass, in this process or another, goes on from it.
import { createHash } from 'node:crypto';
import { actorsNamed, filterActors, withActorsNow, withFilterActorsNow } from '../core/digest/post-edits.js';
import { fittedRedraw } from '../core/digest/post-edits-fit.js';
import type { DueEdit, EntryNow, PostEditStore } from '../core/digest/post-edits-port.js';
import { AppFaults } from '../core/app-faults.js';
import type { PlatformName } from '../core/caller.js';
import type { Logger } from '../core/logger.js';
import { DeliveryError, type Poster } from '../core/poster.js';
import { stableJson } from '../core/same-json.js';
import type { View } from '../core/view.js';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './delivery.js';
import type { PosterRegistry } from './posters.js';

export interface EditRunnerDeps {
  store: PostEditStore;
  posters: PosterRegistry;
  now: () => Date;
  logger: Logger;
  retry?: RetryPolicy;
}

/** Edits read from the store at once. */
const BATCH = 50;
/** Posts past their 14 days are forgotten at most this often. */
const PRUNE_EVERY_MS = 3600_000;

export class PostEditRunner {
  private pass: Promise<number> | undefined;
  private lastPruneAt = Number.NEGATIVE_INFINITY;
  private readonly retry: RetryPolicy;
  /** What the operator is told of platforms refusing Sitrep itself, once each. */
  private readonly appFaults: AppFaults;

  constructor(private readonly deps: EditRunnerDeps) {
    this.retry = deps.retry ?? DEFAULT_RETRY;
    this.appFaults = new AppFaults(deps.logger, 'corrections of posted messages', 'none given up');
  }

  /** Makes the edits due on these platforms; returns how many were made. A pass running already is joined. */
  runDue(platforms: readonly PlatformName[]): Promise<number> {
    this.pass ??= this.runPass(platforms).finally(() => (this.pass = undefined));
    return this.pass;
  }

  /** Resolves once no pass is running. */
  async idle(): Promise<void> {
    while (this.pass) await this.pass.catch(() => 0);
  }

  private async runPass(platforms: readonly PlatformName[]): Promise<number> {
    const { store, now, logger } = this.deps;
    if (now().getTime() - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now().getTime();
      const pruned = store.prune(now());
      if (pruned > 0) logger.info({ pruned }, 'forgot posts past the time corrections edit them');
    }
    let edited = 0;
    for (;;) {
      const due = store.due(platforms, now(), BATCH);
      if (due.length === 0) return edited;
      const stored = store.current(due.flatMap((edit) => edit.entries));
      const named = actorsNamed(due, stored);
      // Entries are drawn, and an actor filter tested, with the actors as merges left them: a
      // merge is no correction and no leaving, and a section names the actor as digests now do.
      const live = store.liveActors([...named, ...filterActors(due)]);
      const names = store.actorNames([...new Set([...named, ...live.values()])]);
      const { posts, current } = withActorsNow(due, stored, live);
      for (const edit of posts) if (await this.edit(withFilterActorsNow(edit, live), current, names)) edited += 1;
      if (due.length < BATCH) return edited;
    }
  }

  private async edit(edit: DueEdit, current: ReadonlyMap<number, EntryNow>, names: ReadonlyMap<number, string>): Promise<boolean> {
    const { store, posters, now } = this.deps;
    try {
      const poster = posters.get(edit.platform);
      if (!poster?.update) throw new DeliveryError('permanent', `no ${edit.platform} poster that edits messages is running in this process`);
      const fitted = fittedRedraw(edit, current, names, fitsPost(poster, edit));
      if (!fitted) return this.tooLong(edit);
      if (fitted.shortened.length > 0) {
        this.deps.logger.info({ post: edit.postId, platform: edit.platform, channel: edit.channelId, messages: edit.refs, shortened: fitted.shortened }, 'corrections drawn shortened so the edited message still fits');
      }
      // A correction undone before its edit ran leaves the redraw as the message already shows it.
      const viewHash = hashOf(fitted.view);
      if (edit.drawnHash === viewHash) {
        store.done(edit.postId, edit.revisionId, now());
        return false;
      }
      await poster.update(edit.channelId, edit.refs, fitted.view, edit.context);
      store.done(edit.postId, edit.revisionId, now(), { viewHash, marked: fitted.marked });
      this.appFaults.accepted(edit.platform);
      return true;
    } catch (error) {
      this.failed(edit, error);
      return false;
    }
  }

  /** Even shortened, the corrections would not fit the post's messages: it is left as it is, and the edit recorded as failed. */
  private tooLong(edit: DueEdit): false {
    const { store, now, logger } = this.deps;
    const messages = edit.refs.length === 1 ? 'the message' : `the ${edit.refs.length} messages`;
    const message = `the corrected post does not fit ${messages} it went out as, even with its corrections shortened; left as it was`;
    store.failed(edit.postId, edit.revisionId, message, now());
    logger.warn({ post: edit.postId, platform: edit.platform, channel: edit.channelId, messages: edit.refs, error: message }, 'a correction could not be shown in a posted message: it does not fit');
    return false;
  }

  private failed(edit: DueEdit, error: unknown): void {
    const { store, now, logger } = this.deps;
    const at = now();
    const message = error instanceof Error ? error.message : String(error);
    const attempts = edit.attempts + 1;
    const where = { post: edit.postId, platform: edit.platform, channel: edit.channelId, messages: edit.refs, attempts, error: message };
    if (error instanceof DeliveryError && error.operatorFix !== undefined) {
      // Every edit on the platform is refused alike until the operator acts: none is given up for it.
      this.appFaults.refused(edit.platform, message, error.operatorFix);
      const retryAt = new Date(at.getTime() + retryDelay(this.retry, attempts, error));
      store.retryLater(edit.postId, edit.revisionId, message, retryAt, at);
      logger.info({ ...where, retryAt }, 'editing a posted message for a correction waits for the app to be fixed; will retry');
      return;
    }
    if (error instanceof DeliveryError && error.kind === 'permanent') {
      store.failed(edit.postId, edit.revisionId, message, at);
      logger.warn(where, 'a correction could not be shown in a posted message: the platform refused the edit');
      return;
    }
    if (attempts >= this.retry.maxAttempts) {
      store.failed(edit.postId, edit.revisionId, `gave up after ${attempts} attempts: ${message}`, at);
      logger.warn(where, 'a correction could not be shown in a posted message: gave up');
      return;
    }
    const retryAt = new Date(at.getTime() + retryDelay(this.retry, attempts, error));
    store.retryLater(edit.postId, edit.revisionId, message, retryAt, at);
    logger.warn({ ...where, retryAt }, 'editing a posted message for a correction failed; will retry');
  }
}

/** A drawn view, hashed as stable JSON: the same view drawn again has the same hash. */
function hashOf(view: View): string {
  return createHash('sha256').update(stableJson(view)).digest('base64url');
}

/** A view fits the post when the platform shows it in no more messages than the post went out as. */
function fitsPost(poster: Poster, edit: DueEdit): (view: View) => boolean {
  const count = poster.messageCount?.bind(poster);
  return count ? (view) => count(view, edit.context) <= edit.refs.length : () => true;
}
