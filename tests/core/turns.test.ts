// Work in turns that another connection's write would hold: a piece that fails as "busy" is
// tried again on a later turn, without holding the thread, until the store's own wait is over.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Turns, TurnsEnded } from '../../src/core/turns.js';
import type { Db } from '../../src/store/connection.js';
import { withoutWaiting } from '../../src/store/writes-without-waiting.js';

describe('GIVEN turns that try busy pieces again', () => {
  const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('WHEN a piece fails busy twice THEN it runs again on later turns, and the pieces asked after it wait for it', async () => {
    const turns = new Turns({ retryable: (error) => error === busy, retryForMs: 5_000 });
    const ran: string[] = [];
    let tries = 0;
    const first = turns.take(() => {
      tries += 1;
      ran.push(`first try ${tries}`);
      if (tries < 3) throw busy;
      return 'written';
    });
    const second = turns.take(() => ran.push('second'));
    await expect(first).resolves.toBe('written');
    await second;
    expect(ran).toEqual(['first try 1', 'first try 2', 'first try 3', 'second']);
  });

  it('WHEN a piece fails another way, or busy past the wait allowed THEN its error stands and the next piece runs', async () => {
    const turns = new Turns({ retryable: (error) => error === busy, retryForMs: 20 });
    await expect(turns.take(() => { throw new Error('constraint failed'); })).rejects.toThrow('constraint failed');
    let tries = 0;
    await expect(turns.take(() => { tries += 1; throw busy; })).rejects.toBe(busy);
    expect(tries).toBeGreaterThan(1);
    await expect(turns.take(() => 'next')).resolves.toBe('next');
  });
});

describe('GIVEN turns whose store closes as the process ends', () => {
  it('WHEN pieces are queued behind the one that sees the store close THEN each is answered with the shutting-down error, and none runs', async () => {
    let closed = false;
    const turns = new Turns({ ended: () => closed });
    const ran: string[] = [];
    const running = turns.take(() => {
      ran.push('running');
      closed = true;
    });
    const queued = [turns.take(() => ran.push('queued 1')), turns.take(() => ran.push('queued 2'))];
    await running;
    for (const piece of queued) await expect(piece).rejects.toBeInstanceOf(TurnsEnded);
    await expect(queued[0]).rejects.toThrow('Sitrep is shutting down, so this work was not done');
    expect(ran).toEqual(['running']);
  });

  it('WHEN a piece is waiting to try a busy write again as the store closes THEN it is answered with the shutting-down error instead of its busy error', async () => {
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    let closed = false;
    let tries = 0;
    const turns = new Turns({ retryable: (error) => error === busy, retryForMs: 60_000, ended: () => closed });
    const write = turns.take(() => {
      tries += 1;
      closed = true;
      throw busy;
    });
    await expect(write).rejects.toBeInstanceOf(TurnsEnded);
    expect(tries).toBe(1);
    await expect(turns.take(() => 'after')).rejects.toBeInstanceOf(TurnsEnded);
  });
});

describe('GIVEN another connection writing to the store', () => {
  let dir: string;
  let db: Db;
  let other: Database.Database;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-turns-'));
    db = new Database(join(dir, 'store.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec('CREATE TABLE notes (text TEXT)');
    other = new Database(join(dir, 'store.db'));
  });
  afterEach(() => {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('WHEN a piece writes without waiting THEN the thread goes on serving meanwhile, and the write lands once the other commits', async () => {
    const turns = new Turns(withoutWaiting(db));
    other.exec('BEGIN IMMEDIATE');
    other.exec("INSERT INTO notes VALUES ('theirs')");
    const write = turns.take(() => db.prepare("INSERT INTO notes VALUES ('ours')").run().changes);
    // Were the write waiting in SQLite's busy handler, no other turn would run before it ends.
    let served = 0;
    for (let turn = 0; turn < 20; turn++) {
      await setImmediate();
      served += 1;
    }
    expect(served).toBe(20);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
    other.exec('COMMIT');
    await expect(write).resolves.toBe(1);
    expect(db.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all()).toEqual(['theirs', 'ours']);
    // The connection waits as before for everything else.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
