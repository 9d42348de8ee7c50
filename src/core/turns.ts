// Synchronous work done in turns of the event loop, one piece per turn, in the order asked: a
// burst of it (feed checks recorded one after another) never holds the loop for longer than
// one piece, so commands and timers waiting are answered between two pieces.
import { setImmediate, setTimeout } from 'node:timers/promises';

/** Resolves on a later turn of the event loop, once the timers and I/O waiting have run. */
export const nextTurn = (): Promise<void> => setImmediate();

export interface TurnsOptions {
  /** Runs each piece: the store can make its writes fail at once instead of waiting, for instance. */
  run?: <T>(work: () => T) => T;
  /**
   * A piece that failed this way did nothing, and is tried again on a later turn, after a wait
   * that doubles from 1 ms up to 50 ms, until `retryForMs` have passed; then its error stands.
   */
  retryable?: (error: unknown) => boolean;
  retryForMs?: number;
  /**
   * True once the work has nowhere to go (its store closed as the process ends): the pieces left
   * are not run, and each is rejected with TurnsEnded, so whoever awaits one (a feed check, a
   * card post, a command) is answered and the process can exit. They wrote nothing; work the
   * store flagged before it closed (a reopened card to draw) is done after the next start.
   */
  ended?: () => boolean;
}

/** A piece of work not run because its store closed as the process ends: it wrote nothing. */
export class TurnsEnded extends Error {
  constructor() {
    super('Sitrep is shutting down, so this work was not done; it is done again after the restart.');
    this.name = 'TurnsEnded';
  }
}

export const isTurnsEnded = (error: unknown): error is TurnsEnded => error instanceof TurnsEnded;

const FIRST_WAIT_MS = 1;
const LONGEST_WAIT_MS = 50;

export class Turns {
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: TurnsOptions = {}) {}

  /** Runs `work` in a turn of its own, after the work asked for before it. */
  take<T>(work: () => T): Promise<T> {
    // An immediate queued from within one runs on the loop's next pass, after its timers and I/O.
    const turn = this.last.then(() => setImmediate()).then(() => this.attempt(work));
    this.last = turn.catch(() => undefined);
    return turn;
  }

  private async attempt<T>(work: () => T): Promise<T> {
    const { run, retryable, retryForMs = 0, ended } = this.options;
    const until = Date.now() + retryForMs;
    for (let wait = FIRST_WAIT_MS; ; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
      if (ended?.()) throw new TurnsEnded();
      try {
        return run ? run(work) : work();
      } catch (error) {
        if (!retryable?.(error) || Date.now() >= until) throw error;
      }
      await setTimeout(wait);
    }
  }
}
