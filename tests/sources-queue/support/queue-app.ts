// A Sitrep app on a temporary store for the review-queue tests: the real HTTP fetcher allowed to
// read 127.0.0.1 (on the test's thread, or in the checks' worker as the bot runs it), a clock the test moves, a fake poster for the review channel, and a way to
// close and reopen the app on the same file as a restart would.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../src/app.js';
import { parseAdminRules, type Caller } from '../../../src/core/caller.js';
import type { FeedFetcher } from '../../../src/core/sources/feed-port.js';
import type { View } from '../../../src/core/view.js';
import { HttpFeedFetcher } from '../../../src/sources/fetch-feed.js';
import type { TaskFactory } from '../../../src/scheduler/tasks.js';
import { FakePoster } from '../../digest/support/fake-poster.js';
import { copySeededStore, recordingLogger } from '../../support/test-app.js';
import { storeFingerprint } from '../../support/store-fingerprint.js';
import { viewText } from '../../support/view-text.js';
import { expect } from 'vitest';

export const ADMIN: Caller = { platform: 'discord', userId: '1001', workspaceId: 'g1', channelId: 'review', displayName: 'ana' };
export const READER: Caller = { platform: 'discord', userId: '2002', workspaceId: 'g1', channelId: 'review' };
export const OPERATOR: Caller = { platform: 'console', userId: 'operator', channelId: 'console', localOperator: true };
export const ADMINS = 'discord:1001,memory:ana';

export interface QueueAppOptions {
  /** The clock's start, ISO. */
  start: string;
  /** Wakes the scheduler and the poller; plain timers by default. */
  tasks?: TaskFactory;
  now?: () => Date;
  /** Reopen this store instead of making a new one. */
  dbPath?: string;
  /** Reads feeds instead of the HTTP fetcher (a process that dies mid-fetch). */
  fetcher?: FeedFetcher;
  /** Checks fetched and recorded in the checks' worker thread, as the bot runs them, instead of on the test's thread. */
  inWorker?: boolean;
}

export class QueueApp {
  readonly app: App;
  readonly poster: FakePoster;
  readonly logger = recordingLogger();
  readonly dbPath: string;
  private t: number;
  private readonly externalNow: (() => Date) | undefined;
  /** The fetcher made here (not one a test passed in), with its parse worker: closed with the app. */
  private readonly ownFetcher = new HttpFeedFetcher({ allowPrivate: true, timeoutMs: 5_000 });

  constructor(private readonly options: QueueAppOptions) {
    this.t = Date.parse(options.start);
    this.externalNow = options.now;
    if (options.dbPath) {
      this.dbPath = options.dbPath;
    } else {
      this.dbPath = join(mkdtempSync(join(tmpdir(), 'sitrep-queue-')), 'sitrep.db');
      copySeededStore(this.dbPath, new Date(options.start));
    }
    this.app = createApp({
      dbPath: this.dbPath,
      admins: parseAdminRules(ADMINS),
      logger: this.logger,
      now: this.now,
      ...(options.inWorker ? { sourcesAllowPrivate: true } : { feedFetcher: options.fetcher ?? this.ownFetcher }),
      ...(options.tasks ? { digestTasks: options.tasks } : {}),
    });
    this.poster = new FakePoster('discord', this.now);
    this.app.digests.posters.register(this.poster);
  }

  readonly now = (): Date => this.externalNow?.() ?? new Date(this.t);

  /** Moves the clock (not used with an external clock). */
  advance(ms: number): void {
    this.t += ms;
  }

  setTime(iso: string | number | Date): void {
    this.t = new Date(iso).getTime();
  }

  /**
   * Runs `text` as `caller`. A `/review channel` that sets the channel posts a confirmation there
   * first: it is moved to `poster.confirmations` (as the digest harness moves /digest subscribe's),
   * so `poster.posts` keeps holding the cards and notices only.
   */
  async run(text: string, caller: Caller = ADMIN): Promise<View> {
    const before = this.poster.posts.length;
    const view = await this.app.dispatcher.runText(text, caller);
    if (/^\/review channel\b/.test(text) && view.tone === 'success') {
      const confirmation = this.poster.posts.findIndex((post, index) => index >= before && post.view.title === 'Review channel' && post.channelId === caller.channelId);
      if (confirmation >= 0) this.poster.confirmations.push(...this.poster.posts.splice(confirmation, 1));
    }
    return view;
  }

  async text(text: string, caller: Caller = ADMIN): Promise<string> {
    return viewText(await this.run(text, caller));
  }

  /** The refusal of `text`, as its text, asserting that it is one and that the store is as it was. */
  async refused(text: string, caller: Caller = ADMIN): Promise<string> {
    const before = storeFingerprint(this.app.db);
    const view = await this.run(text, caller);
    expect(view.tone, viewText(view)).toBe('error');
    expect(storeFingerprint(this.app.db)).toBe(before);
    return viewText(view);
  }

  /** The id in `#N` after `word` in a reply, e.g. the source a `/sources add` created. */
  static idAfter(text: string, word: string): number {
    const match = new RegExp(`${word} #(\\d+)`).exec(text);
    if (!match) throw new Error(`no "${word} #N" in:\n${text}`);
    return Number(match[1]);
  }

  /** Closes this app and opens another on the same file, with the clock where it was. */
  reopen(options: Partial<QueueAppOptions> = {}): QueueApp {
    this.close();
    return this.another(options);
  }

  /** Another process on the same store (this one stays open). */
  another(options: Partial<QueueAppOptions> = {}): QueueApp {
    const { fetcher: _fetcher, ...kept } = this.options;
    return new QueueApp({ ...kept, start: this.now().toISOString(), dbPath: this.dbPath, ...options });
  }

  close(): void {
    if (this.app.db.open) this.app.close();
    void this.ownFetcher.close();
  }

  dispose(): void {
    this.close();
    rmSync(join(this.dbPath, '..'), { recursive: true, force: true });
  }
}
