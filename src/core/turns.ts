// Synchronous work done in turns of the event loop, one piece per turn, in the order asked: a
// burst of it (feed checks recorded one after another) never holds the loop for longer than
// one piece, so commands and timers waiting are answered between two pieces.
import { setImmediate } from 'node:timers/promises';

/** Resolves on a later turn of the event loop, once the timers and I/O waiting have run. */
export const nextTurn = (): Promise<void> => setImmediate();

export class Turns {
  private last: Promise<unknown> = Promise.resolve();

  /** Runs `work` in a turn of its own, after the work asked for before it. */
  take<T>(work: () => T): Promise<T> {
    // An immediate queued from within one runs on the loop's next pass, after its timers and I/O.
    const turn = this.last.then(() => setImmediate()).then(work);
    this.last = turn.catch(() => undefined);
    return turn;
  }
}
