// Watching feeds: the sources admins add, and checking one — fetch through the port, then hand
// the answer to the store, where the core decides inside one transaction what is new, what is
// another report of a story in the queue and what to propose. Used by /sources and the poller.
import { holdsKey, keysText, shownAddress } from '../address-keys.js';
import type { ChangeStamp } from '../domain.js';
import { isUserError, UserError } from '../errors.js';
import { instantText } from '../instant-text.js';
import type { InstantWriter } from '../past-instant.js';
import type { Logger } from '../logger.js';
import { foldKey } from '../text.js';
import { isTurnsEnded, Turns } from '../turns.js';
import type { FeedFetcher, FeedItem, FetchOutcome } from './feed-port.js';
import { UnreadItemsChanged, type FeedMemo, type HeldRow } from './feed-memo.js';
import { planIntake, type FreshItem, type RepeatedBy } from './intake-plan.js';
import { itemKey, repeatKey } from './item-key.js';
import { afterFailure, nextCheckAfterAnswer, retryAfterInstant, waitAskedUntil, withRetryAfter } from './poll-timing.js';
import { NameCompiler, type CompiledNames, type KnownName } from './suggest.js';
import { PlaceSpotter } from './place-spotting.js';
import type { Gazetteer } from '../places/gazetteer-port.js';
import { adminPauseReason, pausedNotice, pauseReason, retryAfterRefusal, revisedCitedNotice } from './check-views.js';
import { nextCheckAfterBusy, SITREP_BUSY } from './sitrep-busy.js';
import type { IntakeQuery, NewSource, SourceChanges, SourceStore } from './watch-store-port.js';
import type { CheckRecord, CheckTrigger, MovedTo, WatchedSource } from './watched-source.js';

export interface WatchServiceDeps {
  store: SourceStore;
  fetcher: FeedFetcher;
  now: () => Date;
  logger: Logger;
  /** Runs after every check: posts the cards and notices it queued. */
  afterCheck?: () => Promise<unknown>;
  /** Turns of the event loop shared with the review cards' posting: one check is recorded per turn. */
  turns?: Turns;
  /** Where places the dossier does not know yet are found for the cards; without it, only known places are suggested. */
  gazetteer?: Gazetteer;
  /**
   * Fetches and records checks elsewhere (a worker thread with its own connection to the store),
   * answering each check's id; without it, checks are fetched and recorded here.
   */
  runner?: CheckRunner;
  /** The review desk's clock, on which an undated item's day is read (see intake-plan). */
  reviewZone?: () => string;
}

/** Runs a check of a source to its end, fetched and recorded; resolves with the check's id. */
export interface CheckRunner {
  run(sourceId: number, trigger: CheckTrigger): Promise<number>;
  /** Ends the checks running (they record nothing: the feeds are checked again later) and runs no more. */
  close(): Promise<void>;
}

/** Fresh items decided about and written per transaction: a few milliseconds of work. */
export const ITEMS_PER_TRANSACTION = 50;
/** Known names folded per turn of the event loop: a few milliseconds of work. */
const NAMES_PER_TURN = 500;
/** Known actors read per turn (with their aliases): a few milliseconds, where the whole dossier's took tens. */
const ACTORS_PER_TURN = 500;

export interface CheckReport {
  source: WatchedSource;
  record: CheckRecord;
}

/** A check written to the store: the source as it was checked, and the check's id. */
interface CheckDone {
  source: WatchedSource;
  checkId: number;
}

/**
 * The feed's items with their keys, in feed order. An item whose key an earlier item of the feed
 * holds (a guid reused for another article) is kept as a repeat, under a key of its own made from
 * what it says, so that it is counted, shown in /sources why and known at the next check.
 */
export function keyedItems(items: readonly FeedItem[]): FreshItem[] {
  const seen = new Set<string>();
  return items.map((item) => {
    const key = itemKey(item);
    if (!seen.has(key)) {
      seen.add(key);
      return { key, item };
    }
    // Copies alike in every part are told apart by their place among those copies.
    const base = repeatKey(key, item);
    let repeat = base;
    for (let n = 2; seen.has(repeat); n++) repeat = `${base}:${n}`;
    seen.add(repeat);
    return { key: repeat, item, repeats: key.slice(0, key.indexOf(':')) as RepeatedBy };
  });
}

/** The server an address is read from (host and port), in lower case. */
function serverOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

export class WatchService {
  /** Checks running in this process, by source: a second request for one waits for the first. */
  private readonly running = new Map<number, Promise<CheckDone>>();
  /** When each check running here began: a row of it not finished yet is being recorded, not interrupted. */
  private readonly runningSince = new Map<number, Date>();
  /** The dossier's names, folded once and kept until the store says one changed. */
  private names: { version: number; compiled: Promise<CompiledNames> } | undefined;
  /** The spotter for the names now compiled (it keeps its verdicts across checks). */
  private spotter: { names: CompiledNames; spotter: PlaceSpotter } | undefined;
  private readonly turns: Turns;

  constructor(private readonly deps: WatchServiceDeps) {
    this.turns = deps.turns ?? new Turns();
  }

  /** Refuses an address no fetch would be allowed to read (a private network's, unless the operator allows them). */
  private checkAddress(url: string): void {
    const refusal = this.deps.fetcher.refusal?.(url);
    if (refusal) {
      throw new UserError('invalid-option', `Option \`url\`: ${refusal}`, ['For a feed server on your own network, the operator sets `SITREP_SOURCES_ALLOW_PRIVATE=true`.'], 'url');
    }
  }

  add(input: NewSource, stamp: ChangeStamp, when?: InstantWriter): WatchedSource {
    this.checkAddress(input.url);
    return this.deps.store.add(input, stamp, this.deps.now(), when);
  }

  list(): WatchedSource[] {
    return this.deps.store.list();
  }

  /** Candidates waiting for review, by the source that proposed them. */
  waitingCandidates(): ReadonlyMap<number, number> {
    return this.deps.store.waitingCandidates();
  }

  /**
   * A live source. One removed is refused with its address and when it was removed (written by
   * `when`, the asking channel's clock), and the /sources add that watches it again: nothing lists it any more.
   */
  get(id: number, when: InstantWriter = instantText): WatchedSource {
    const source = this.deps.store.get(id);
    if (source) return source;
    const removed = this.deps.store.getEver(id);
    if (removed?.removedAt) {
      const address = shownAddress(removed.url);
      const key = holdsKey(removed.url) ? [`Give its address with its ${keysText(removed.url)} in place of the …: Sitrep shows no feed's key.`] : [];
      throw new UserError(
        'not-found',
        `Source #${id} (${address}) was removed on ${when(removed.removedAt)}; add it again with /sources add url:${address} topic:${removed.topic}`,
        ['Added again, it proposes none of the items it found before.', ...key],
        'id',
      );
    }
    throw new UserError('not-found', `There is no source #${id} (option \`id\`).`, ['See the sources with /sources list.'], 'id');
  }

  /** A source, even one removed since (`removedAt` set): the candidates it proposed stay in the queue. */
  getEver(id: number, option = 'id'): WatchedSource {
    const source = this.deps.store.getEver(id);
    if (!source) throw new UserError('not-found', `There is no source #${id} (option \`${option}\`).`, ['See the sources with /sources list.'], option);
    return source;
  }

  /** `when` writes the instants of a refusal on the asking channel's clock (as for every method naming a source by id). */
  pause(id: number, stamp: ChangeStamp, when: InstantWriter = instantText): WatchedSource {
    const source = this.get(id, when);
    if (source.pausedAt) throw new UserError('conflict', `Source #${id} is paused already (${pauseReason(source, when)}).`, [`Resume it with /sources resume id:${id}.`]);
    return this.deps.store.pause(id, adminPauseReason(stamp.by), stamp);
  }

  /** Resumes a paused source: checked at once, or when the server asked Sitrep to wait until (Retry-After) if that is still to come. */
  resume(id: number, stamp: ChangeStamp, when?: InstantWriter): WatchedSource {
    const source = this.get(id, when);
    if (!source.pausedAt) throw new UserError('conflict', `Source #${id} is not paused: it is checked every ${source.everyMinutes} minutes.`);
    const now = this.deps.now();
    return this.deps.store.resume(id, stamp, waitAskedUntil(source, now) ?? now);
  }

  remove(id: number, stamp: ChangeStamp, when?: InstantWriter): WatchedSource {
    const source = this.get(id, when);
    this.deps.store.remove(id, stamp);
    return source;
  }

  /**
   * Changes a source's address, topic, keywords, interval, reliability or outlet. A shorter
   * interval brings the next check forward, to one interval from now at the latest; a back-off
   * after failures stays, and so does a wait the server asked for (Retry-After). A new address is
   * checked at once: the failures and back-off were the old address's; only a wait its server
   * asked for holds still when the new address is on the same server.
   */
  edit(id: number, changes: SourceChanges, stamp: ChangeStamp, when?: InstantWriter): { before: WatchedSource; after: WatchedSource } {
    const before = this.get(id, when);
    if (changes.url !== undefined) this.checkAddress(changes.url);
    const now = this.deps.now();
    const waited = waitAskedUntil(before, now);
    if (changes.url !== undefined && changes.url !== before.url) {
      const held = waited && serverOf(changes.url) === serverOf(before.url) ? waited : undefined;
      return { before, after: this.deps.store.edit(id, changes, held ?? now, stamp, held !== undefined, when) };
    }
    const asked = waited?.getTime() ?? 0;
    const sooner = changes.everyMinutes !== undefined && before.failures === 0 ? Math.max(now.getTime() + changes.everyMinutes * 60_000, asked) : Infinity;
    const nextCheckAt = new Date(Math.min(before.nextCheckAt.getTime(), sooner));
    return { before, after: this.deps.store.edit(id, changes, nextCheckAt, stamp) };
  }

  checks(id: number, limit: number, when?: InstantWriter): { source: WatchedSource; checks: CheckRecord[] } {
    const source = this.get(id, when);
    const since = this.runningSince.get(id);
    const checks = this.deps.store.checks(id, limit).map((check) =>
      check.unfinished && since && check.at >= since ? { ...check, unfinished: { ...check.unfinished, running: true as const } } : check,
    );
    return { source, checks };
  }

  due(limit: number): number[] {
    return this.deps.store.due(this.deps.now(), limit);
  }

  /**
   * Checks the source now and reads back what it found; a check of it already running here is
   * waited for instead. A check by hand is refused, without asking the server or recording
   * anything, while the server's Retry-After of its last failed check is still to come; the
   * refusal writes its times with `when` (the asking channel's clock).
   */
  async check(id: number, trigger: CheckTrigger, when?: InstantWriter): Promise<CheckReport> {
    if (trigger === 'manual') {
      const asked = this.get(id, when);
      const now = this.deps.now();
      const until = waitAskedUntil(asked, now);
      if (until) throw retryAfterRefusal(asked, until, now, when);
    }
    const { source, checkId } = await this.checkDone(id, trigger).catch((error: unknown) => {
      // Removed while it was checked: the refusal says so, as it would have before the check began.
      if (this.removedMeanwhile(id, error)) this.get(id, when);
      throw error;
    });
    return this.turns.take(() => ({ source: this.deps.store.get(id) ?? source, record: this.deps.store.check(checkId) }));
  }

  /**
   * Checks the source now, as check() does, without reading its items back: the poller's checks
   * are seen in /sources why, so reading 200 items per feed back here would be work for no one.
   */
  async checkUnread(id: number, trigger: CheckTrigger): Promise<void> {
    try {
      await this.checkDone(id, trigger);
    } catch (error) {
      // An admin removed the source while its check waited or ran: nothing is left to record, and nothing went wrong.
      if (!this.removedMeanwhile(id, error)) throw error;
      this.deps.logger.info({ source: id }, `feed check ended: source #${id} was removed meanwhile`);
    }
  }

  /** The check failed because the source is not watched any more: an admin removed it meanwhile. */
  private removedMeanwhile(id: number, error: unknown): boolean {
    return isUserError(error) && error.code === 'not-found' && this.deps.store.get(id) === undefined;
  }

  /** Fetches and records a check here, without what runs after one (for a CheckRunner's thread); resolves with its id. */
  async checkRecorded(id: number, trigger: CheckTrigger): Promise<number> {
    // Async, so a source not found is a rejection of this check, never a throw in the caller's loop.
    return this.fetchAndRecord(this.get(id), trigger);
  }

  private async fetchAndRecord(source: WatchedSource, trigger: CheckTrigger): Promise<number> {
    return this.record(source, trigger, await this.fetch(source));
  }

  private checkDone(id: number, trigger: CheckTrigger): Promise<CheckDone> {
    const running = this.running.get(id);
    if (running) return running;
    this.runningSince.set(id, this.deps.now());
    const work = this.run(id, trigger).finally(() => {
      this.running.delete(id);
      this.runningSince.delete(id);
    });
    this.running.set(id, work);
    return work;
  }

  /** Resolves once no check runs in this process. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * For a process stopping: the checks running in the checks' thread end at once, recording
   * nothing (a feed slow to answer would otherwise hold the stop for its whole timeout, and
   * write after the store closed); their feeds are checked again after the restart.
   */
  async cutShort(): Promise<void> {
    await this.deps.runner?.close();
  }

  /** The names as of now: folded again, a part per turn, when one changed; checks at once share one folding. */
  private async compiledNames(): Promise<CompiledNames> {
    const version = await this.turns.take(() => this.deps.store.knownNamesVersion());
    if (this.names?.version !== version) {
      const compiled = this.compileNames();
      this.names = { version, compiled };
      // A folding that failed is not kept: the next check tries again.
      compiled.catch(() => {
        if (this.names?.compiled === compiled) this.names = undefined;
      });
    }
    return this.names.compiled;
  }

  private placeSpotter(names: CompiledNames): PlaceSpotter | undefined {
    const { gazetteer } = this.deps;
    if (!gazetteer) return undefined;
    if (this.spotter?.names !== names) this.spotter = { names, spotter: new PlaceSpotter(gazetteer, names.countries, names.placeNames) };
    return this.spotter.spotter;
  }

  /** The dossier's names read a page per turn and folded a part per turn, actors first, as suggestions rank them. */
  private async compileNames(): Promise<CompiledNames> {
    const { store } = this.deps;
    const compiler = new NameCompiler();
    const fold = async (names: readonly KnownName[], dress = (name: KnownName) => name) => {
      for (let at = 0; at < names.length; at += NAMES_PER_TURN) await this.turns.take(() => compiler.add(names.slice(at, at + NAMES_PER_TURN).map(dress)));
    };
    for (let after: number | undefined = 0; after !== undefined; ) {
      const from: number = after;
      const page = await this.turns.take(() => store.knownActors(from, ACTORS_PER_TURN));
      await fold(page.actors, (actor) => this.withPressNames(actor));
      after = page.last;
    }
    await fold(await this.turns.take(() => store.knownPlaces()), (place) => this.withArabicNames(place));
    return compiler.compiled;
  }

  /**
   * A state named as a country, with its names in the press's languages and what its people are
   * called: news names it so (`Syrie`, `سوريا`, `Israeli strike`, `frappes israéliennes`, `غارة إسرائيلية`).
   */
  private withPressNames(actor: KnownName): KnownName {
    const { gazetteer } = this.deps;
    if (actor.kind !== 'actor' || actor.actorKind !== 'state' || !gazetteer) return actor;
    const countries = gazetteer.ownNamed(foldKey(actor.name)).filter((place) => place.precision === 'country');
    if (countries.length !== 1) return actor;
    const code = countries[0]!.country.code;
    // Its names in the press's languages too (`Syrie`, `سوريا`), as aliases.
    return { ...actor, aliases: [...(actor.aliases ?? []), ...gazetteer.countryNames(code)], peoples: gazetteer.demonyms(code) };
  }

  /** A located place with the gazetteer's Arabic names among its aliases: Arabic feeds name it so. */
  private withArabicNames(place: KnownName): KnownName {
    const arabic = place.kind === 'place' && place.ref ? (this.deps.gazetteer?.arabicNames(place.ref) ?? []) : [];
    return arabic.length === 0 ? place : { ...place, aliases: [...(place.aliases ?? []), ...arabic] };
  }

  private async fetch(source: WatchedSource): Promise<FetchOutcome> {
    try {
      return await this.deps.fetcher.fetch(source.url, source.validators, source.id);
    } catch (error) {
      // The fetcher reports failures as outcomes; a throw is a bug, kept from the poller's loop.
      this.deps.logger.error({ err: error, source: source.id }, 'feed fetcher threw');
      return { kind: 'failed', error: 'The feed could not be read because of an error in Sitrep (see its log).', permanent: false };
    }
  }

  private async run(id: number, trigger: CheckTrigger): Promise<CheckDone> {
    const source = this.get(id);
    const { runner } = this.deps;
    const checkId = await (runner ? runner.run(id, trigger) : this.fetchAndRecord(source, trigger));
    await this.deps.afterCheck?.().catch((error: unknown) => {
      // Cut short by the store closing as the process ends: what it owed is posted after the restart.
      if (!isTurnsEnded(error)) this.deps.logger.error({ err: error, source: id }, 'posting after a check failed');
    });
    return { source, checkId };
  }

  /**
   * Writes what the fetch gave, one transaction per turn of the event loop: checks running at
   * once are fetched together but recorded a piece at a time, with replies served in between.
   */
  private async record(source: WatchedSource, trigger: CheckTrigger, outcome: FetchOutcome, at = this.deps.now()): Promise<number> {
    const { store } = this.deps;
    if (outcome.kind === 'failed' && outcome.busy) return this.recordBusy(source, trigger, at, outcome.error);
    if (outcome.kind === 'failed') {
      // The time the server asked to wait until (to the whole minute after it) goes with the error,
      // where a check by hand reads it, and the next check is not before it.
      // A 404 is retried (a site being deployed answers it for a while), whatever the fetcher judged.
      const until = retryAfterInstant(at, outcome.retryAfterMs);
      const error = until ? withRetryAfter(outcome.error, until) : outcome.error;
      const failure = { at, trigger, error, permanent: outcome.permanent, ...(until ? { retryAfterMs: until.getTime() - at.getTime() } : {}) };
      return this.turns.take(() => store.recordFailure(source.id, failure, (current) => afterFailure(at, current, failure), pausedNotice));
    }
    const feed = outcome.kind === 'ok' ? outcome.feed : undefined;
    const keyed = feed ? keyedItems(feed.items) : [];
    const memo = feed?.memo;
    const { movedTo } = outcome;
    const answer = {
      at,
      trigger,
      url: source.url,
      state: outcome.state,
      keyed,
      nextCheckAt: nextCheckAfterAnswer(at, source.everyMinutes),
      ...(feed ? { feed } : {}),
      ...(movedTo ? { movedTo } : {}),
      ...(memo?.unread ? { unread: memo.unread } : {}),
      ...(memo ? { rows: new Map<string, HeldRow>() } : {}),
    };
    const names = await this.compiledNames();
    const spotter = this.placeSpotter(names);
    const spotPlaces = spotter && ((text: string, known: (folded: string) => boolean) => spotter.spot(text, known));
    const zone = this.deps.reviewZone?.();
    const plan = (query: IntakeQuery) => {
      const planned = planIntake({ source: query.source, feed: feed ?? {}, fresh: query.fresh, revised: query.revised, byKey: query.byKey, byLink: query.byLink, stories: query.stories, cited: query.cited, names, ...(spotPlaces ? { spotPlaces } : {}), now: at, ...(zone ? { zone } : {}) });
      const notice = revisedCitedNotice(query.source, planned.revisions);
      return notice ? { ...planned, notice } : planned;
    };
    const steps = store.answerSteps(source.id, answer, ITEMS_PER_TRANSACTION, plan);
    for (;;) {
      let step: IteratorResult<void, number>;
      try {
        step = await this.turns.take(() => steps.next());
      } catch (error) {
        // Thrown by the first step, before it wrote anything.
        if (memo && error instanceof UnreadItemsChanged) return this.record(source, trigger, await this.readWhole(memo, outcome.movedTo), at);
        throw error;
      }
      if (!step.done) continue;
      if (memo && answer.rows) memo.recorded(keyed, answer.rows);
      if (movedTo) this.logMove(source, movedTo);
      return step.value;
    }
  }

  /** The feed of `outcome` read again whole, where it moved to kept. */
  private async readWhole(memo: FeedMemo, movedTo: MovedTo | undefined): Promise<FetchOutcome> {
    const whole = await memo.readWhole();
    return movedTo && whole.kind !== 'failed' ? { ...whole, movedTo } : whole;
  }

  /**
   * The feed was fetched but Sitrep was too busy to read it: the operator is told the bot is
   * overloaded; the check is recorded as Sitrep's failure, never the feed's.
   */
  private recordBusy(source: WatchedSource, trigger: CheckTrigger, at: Date, cause: string): Promise<number> {
    const { store, logger } = this.deps;
    let next: Date | undefined;
    const nextCheckAt = (current: WatchedSource) => (next = nextCheckAfterBusy(at, current));
    return this.turns
      .take(() => store.recordBusy(source.id, { at, trigger, error: SITREP_BUSY }, nextCheckAt))
      .then((checkId) => {
        logger.warn(
          { source: source.id, nextCheckAt: next },
          `Sitrep is overloaded: ${cause} Source #${source.id} is not at fault: no failure is counted against it, and it is checked again at ${next?.toISOString()}.`,
        );
        return checkId;
      });
  }

  /** Tells the operator where a feed moved for good, or why its source did not follow it. */
  private logMove(source: WatchedSource, movedTo: MovedTo): void {
    const { store, logger } = this.deps;
    const moved = store.get(source.id)?.url === movedTo.url;
    // Logs are copied and shared more freely than the store: a feed's key stays out of them.
    const [from, to] = [shownAddress(source.url), shownAddress(movedTo.url)];
    const context = { source: source.id, from, to, status: movedTo.status };
    if (moved) return logger.info(context, `feed moved: source #${source.id} is read at ${to} from now on (HTTP ${movedTo.status} at ${from})`);
    const watcher = store.watcherOf(movedTo.url, source.id);
    const why = watcher !== undefined ? `source #${watcher.id} watches the new address` : 'it was edited or removed during the check';
    logger.warn(context, `feed moved to ${to} (HTTP ${movedTo.status}), but source #${source.id} keeps reading ${from}: ${why}`);
  }
}
