// GIVEN a store whose console digest is due (its 08:00 slot passed while no console was open), and
// a watch of the console's operator with a change to tell WHEN a console run once, fed by a pipe,
// starts its digest scheduler and watch runner as a process that is not the console's desk THEN it
// prints neither and records neither as delivered, and the console a person opens next prints both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSOLE_CALLER } from '../../src/adapters/console/console-adapter.js';
import { ConsolePoster } from '../../src/adapters/console/console-poster.js';
import { createApp, type App } from '../../src/app.js';
import type { PlatformName } from '../../src/core/caller.js';
import { silentLogger } from '../../src/core/logger.js';
import type { DigestScheduler } from '../../src/scheduler/scheduler.js';
import { WatchRunner } from '../../src/scheduler/watch-runner.js';
import { SqliteWatches } from '../../src/store/watches.js';
import { entryInput } from '../digest/support/entry-input.js';
import { ProcessTasks, VirtualTime } from '../digest/support/virtual-time.js';
import { copySeededStore } from '../support/test-app.js';

const DIGEST = 'Sitrep digest';
const WATCH_MESSAGE = '── direct message for operator ──';
const MINUTE = 60_000;

let dir: string;
let dbPath: string;
let time: VirtualTime;
let running: { app: App; scheduler: DigestScheduler; runner: WatchRunner } | undefined;

async function stopRunning(): Promise<void> {
  if (!running) return;
  await running.scheduler.stop(1000);
  await running.runner.stop(1000);
  running.app.close();
  running = undefined;
}

/**
 * A console on the store printing into its own output, its digest scheduler and watch runner
 * started; `oneOff`: fed by a pipe, not the console's desk, as main starts one.
 */
function consoleStarted(oneOff: boolean): { app: App; printed(): string } {
  const tasks = new ProcessTasks(time);
  const app = createApp({ dbPath, admins: [], logger: silentLogger, now: time.now, digestTasks: tasks, checksInWorker: false, consoleReviewDesk: !oneOff });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  app.digests.posters.register(new ConsolePoster(output));
  const isDesk = (platform: PlatformName) => platform !== 'console' || !oneOff;
  const scheduler = app.digests.startScheduler({ isDesk });
  const { store, posters, holder } = app.digests;
  const runner = new WatchRunner({ store: new SqliteWatches(app.db), changes: store.changes, places: app.services.places, leases: store.leases, posters, tasks, now: time.now, logger: silentLogger, holder, isDesk });
  runner.start();
  running = { app, scheduler, runner };
  time.settle = async () => {
    await app.digests.deliverer.idle();
    await runner.idle();
  };
  return { app, printed: () => printed };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-one-off-digests-'));
  dbPath = join(dir, 'sitrep.db');
  copySeededStore(dbPath);
  time = new VirtualTime('2026-07-06T07:00:00Z');
});
afterEach(async () => {
  await stopRunning();
  rmSync(dir, { recursive: true, force: true });
});

describe('GIVEN a console digest due and a console watch with a change to tell', () => {
  it('WHEN a piped console starts THEN it prints and records neither; the console opened next prints both', async () => {
    const setup = createApp({ dbPath, admins: [], logger: silentLogger, now: time.now, checksInWorker: false });
    setup.digests.posters.register(new ConsolePoster(new PassThrough()));
    expect((await setup.dispatcher.runText('/digest subscribe schedule:"daily 08:00"', CONSOLE_CALLER)).tone).toBe('success');
    expect((await setup.dispatcher.runText('/watch add topic:syria-israel', CONSOLE_CALLER)).tone).toBe('success');
    setup.services.editor.addEntry(entryInput({ title: 'Envoys meet in Baku' }), { by: 'console:operator', at: time.now().toISOString() });
    setup.close();
    await time.advanceTo('2026-07-06T08:05:00Z');

    const oneOff = consoleStarted(true);
    await time.advance(MINUTE);
    expect(oneOff.printed()).not.toContain(DIGEST);
    expect(oneOff.printed()).not.toContain(WATCH_MESSAGE);
    expect(oneOff.app.db.prepare('SELECT count(*) FROM digest_deliveries').pluck().get()).toBe(0);
    expect(oneOff.app.db.prepare('SELECT count(*) FROM watch_deliveries').pluck().get()).toBe(0);
    await stopRunning();

    const desk = consoleStarted(false);
    await time.advance(MINUTE);
    expect(desk.printed()).toContain(DIGEST);
    expect(desk.printed()).toContain(WATCH_MESSAGE);
    expect(desk.printed()).toContain('Envoys meet in Baku');
  });
});
