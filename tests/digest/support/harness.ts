// A Sitrep app on a temporary store with a virtual clock, a fake poster and helpers to change
// the dossier and run /digest commands — one per simulated process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../../src/app.js';
import { parseAdminRules, type Caller, type PlatformName } from '../../../src/core/caller.js';
import type { EntryInput } from '../../../src/core/domain.js';
import type { EntryPatch } from '../../../src/core/editor-port.js';
import type { View } from '../../../src/core/view.js';
import type { DigestScheduler } from '../../../src/scheduler/scheduler.js';
import { afterEach, expect } from 'vitest';
import { recordingLogger } from '../../support/test-app.js';
import { viewText } from '../../support/view-text.js';
import { FakePoster } from './fake-poster.js';
import { ProcessTasks, VirtualTime } from './virtual-time.js';
import { entryInput } from './entry-input.js';

export const ADMIN: Caller = { platform: 'discord', userId: '1001', workspaceId: 'g1', channelId: 'c1' };
export const READER: Caller = { platform: 'discord', userId: '2002', workspaceId: 'g1', channelId: 'c1' };

export interface HarnessOptions {
  /** Virtual start time, ISO. */
  start: string;
  /** Share a store (and a clock) with another harness, as a second process would. */
  sharing?: Harness;
  timezone?: string;
  platform?: PlatformName;
  /** SITREP_ADMINS; discord:1001 by default. */
  admins?: string;
  /** Register no fake poster: the test registers a real adapter's. */
  noFakePoster?: boolean;
}

/** Lets in-memory posts and the writes after them run; never waits on a hung post. */
async function flush(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((done) => setImmediate(done));
}

export class Harness {
  readonly app: App;
  readonly time: VirtualTime;
  readonly tasks: ProcessTasks;
  readonly poster: FakePoster;
  readonly logger = recordingLogger();
  readonly dir: string;
  readonly dbPath: string;
  scheduler: DigestScheduler | undefined;

  constructor(options: HarnessOptions) {
    this.time = options.sharing?.time ?? new VirtualTime(options.start);
    this.tasks = new ProcessTasks(this.time);
    this.dir = options.sharing?.dir ?? mkdtempSync(join(tmpdir(), 'sitrep-digest-'));
    this.dbPath = join(this.dir, 'sitrep.db');
    this.app = createApp({
      dbPath: this.dbPath,
      admins: parseAdminRules(options.admins ?? 'discord:1001'),
      logger: this.logger,
      now: this.time.now,
      digestTasks: this.tasks,
      ...(options.timezone ? { timezone: options.timezone } : {}),
    });
    this.poster = new FakePoster(options.platform ?? 'discord', this.time.now);
    if (!options.noFakePoster) this.app.digests.posters.register(this.poster);
    if (!options.sharing) this.time.settle = flush;
  }

  startScheduler(options: { leaseMs?: number; heartbeatMs?: number; staleMs?: number } = {}): DigestScheduler {
    this.scheduler = this.app.digests.startScheduler({ leaseMs: 180_000, heartbeatMs: 60_000, ...options });
    return this.scheduler;
  }

  async run(text: string, caller: Caller = ADMIN): Promise<View> {
    return this.app.dispatcher.runText(text, caller);
  }

  async runText(text: string, caller: Caller = ADMIN): Promise<string> {
    return viewText(await this.run(text, caller));
  }

  /**
   * Runs `/digest subscribe <options>` and checks that it posted exactly one confirmation, in
   * the caller's channel; the confirmation then moves to `poster.confirmations`, so `poster.posts`
   * keeps holding digests only. Returns the reply.
   */
  async subscribe(options: string, caller: Caller = ADMIN): Promise<string> {
    const before = this.poster.posts.length;
    const reply = await this.runText(`/digest subscribe ${options}`, caller);
    expect(reply).toContain('Sitrep posted a confirmation in this channel');
    expect(this.poster.posts).toHaveLength(before + 1);
    const confirmation = this.poster.posts.splice(before, 1)[0]!;
    expect(confirmation.channelId).toBe(caller.channelId);
    expect(confirmation.text).toMatch(/^Digest (subscribed|changed)\n(Sitrep will post|From now on, Sitrep posts) a digest of /);
    this.poster.confirmations.push(confirmation);
    return reply;
  }

  actorId(name: string): number {
    const match = this.app.dossier.findActors(name, 1)[0];
    if (!match) throw new Error(`no actor ${name}`);
    return match.id;
  }

  addEntry(fields: Partial<EntryInput> = {}): number {
    return this.app.services.editor.addEntry(entryInput(fields), this.stamp());
  }

  editEntry(id: number, patch: EntryPatch): void {
    this.app.services.editor.editEntry(id, patch, this.stamp());
  }

  removeEntry(id: number, reason: string): void {
    this.app.services.editor.removeEntry(id, reason, this.stamp());
  }

  /** Simulates a crash: its tasks and timers never fire again and nothing is released or confirmed. */
  crash(): void {
    this.tasks.kill();
    this.app.close();
  }

  async dispose(): Promise<void> {
    if (this.scheduler && this.app.db.open) await this.scheduler.stop(1000);
    if (this.app.db.open) this.app.close();
  }

  removeStore(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private stamp() {
    return { by: 'discord:1001', at: this.time.now().toISOString() };
  }
}

/**
 * Makes harnesses that are disposed after each test (the latest first, as a second process
 * sharing a store stops before the first) and their stores removed.
 */
export function harnessesDisposedAfterEach(): (options: HarnessOptions) => Harness {
  const made: Harness[] = [];
  afterEach(async () => {
    const done = made.splice(0).reverse();
    for (const h of done) await h.dispose();
    for (const h of done) h.removeStore();
  });
  return (options) => {
    const h = new Harness(options);
    made.push(h);
    return h;
  };
}
