// GIVEN what the bot's process started, WHEN it stops (a signal, the console's end, a fault nothing
// else caught), THEN everything stops newest first and the store is closed last, even past a
// part that fails or hangs; an unhandled rejection is logged and the bot keeps running; an
// uncaught exception is logged, stops everything and exits with status 1 for the supervisor.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleFaults, Shutdown } from '../../src/process-stop.js';
import { createTestApp, recordingLogger, type TestApp } from '../support/test-app.js';

const apps: TestApp[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const app of apps.splice(0)) app.dispose();
});

function started() {
  const logger = recordingLogger();
  const app = createTestApp();
  apps.push(app);
  const shutdown = new Shutdown(logger, 5_000);
  const order: string[] = [];
  shutdown.add('store', () => {
    order.push('store');
    app.close();
  });
  return { logger, app, shutdown, order };
}

describe('GIVEN a shutdown', () => {
  it('THEN it stops the newest first and closes the store last, once however often it is asked', async () => {
    const { app, shutdown, order } = started();
    shutdown.add('adapter', () => order.push('adapter'));
    shutdown.add('scheduler', async () => order.push('scheduler'));
    await Promise.all([shutdown.run(), shutdown.run()]);
    expect(order).toEqual(['scheduler', 'adapter', 'store']);
    expect(app.db.open).toBe(false);
  });

  it('WHEN a part fails or hangs THEN it is logged and passed over, and the store is still closed', async () => {
    vi.useFakeTimers();
    const { app, shutdown, logger } = started();
    shutdown.add('adapter', () => new Promise(() => undefined));
    shutdown.add('scheduler', () => {
      throw new Error('scheduler broke');
    });
    const stopping = shutdown.run();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopping;
    expect(app.db.open).toBe(false);
    expect(logger.lines.map((l) => [l.message, (l.context as { step: string }).step])).toEqual([
      ['could not stop cleanly; going on', 'scheduler'],
      ['could not stop cleanly; going on', 'adapter'],
    ]);
  });
});

describe('GIVEN the fault handlers on a process', () => {
  function guarded() {
    const parts = started();
    const process = new EventEmitter();
    const exit = vi.fn();
    handleFaults(process, { logger: parts.logger, shutdown: parts.shutdown, exit });
    return { ...parts, process, exit };
  }

  it('WHEN a rejection goes unhandled THEN it is logged and nothing stops', () => {
    const { process, exit, logger, app } = guarded();
    process.emit('unhandledRejection', new Error('nobody awaited this'));
    expect(logger.lines).toEqual([
      { level: 'error', context: { err: new Error('nobody awaited this') }, message: 'an operation failed and nothing handled it; Sitrep keeps running' },
    ]);
    expect(exit).not.toHaveBeenCalled();
    expect(app.db.open).toBe(true);
  });

  it('WHEN an exception goes uncaught THEN it is logged, the store is closed, and the process exits with status 1', async () => {
    const { process, exit, logger, app } = guarded();
    process.emit('uncaughtException', new Error('boom'));
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(app.db.open).toBe(false);
    expect(logger.lines[0]).toMatchObject({ level: 'error', context: { err: new Error('boom') } });
    expect(logger.lines[0]!.message).toContain('Sitrep stops and closes the store');
  });
});
