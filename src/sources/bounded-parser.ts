// Reads feeds on the calling thread when their bodies are small, and hands larger ones to a
// parser of worker threads. Meant for the checks' worker thread, which is not the bot's: a feed
// read there holds no reply, and each parse worker it spares is an isolate's memory (tens of MB)
// the process does not hold during a check cycle. A parse here is bounded as one in a worker:
// in time by V8's watchdog (within-time.ts), in heap by the body's size: reading a feed takes
// up to about 80 bytes of heap a byte of body (an element of attributes alone; a usual feed about
// 20), so a body read here grows the heap by 40 MB at worst; larger bodies go to the workers,
// which have a heap limit of their own.
import { failureText } from '../worker-thread.js';
import { readFeedBody, type FeedBody, type FeedParser, type ParseOutcome } from './feed-parser.js';
import { broken, closing, gaveUp, PARSE_TIME_LIMIT_MS } from './worker-parser.js';
import { withinTime } from './within-time.js';

/** The largest body read on the calling thread. */
export const READ_HERE_MAX_BYTES = 512 * 1024;

export interface BoundedParserOptions {
  /** Reads the bodies larger than `hereMaxBytes`; closed with this parser. */
  large: FeedParser;
  hereMaxBytes?: number;
  /** How long one parse on this thread may take before it is stopped. */
  timeLimitMs?: number;
  /** Told what went wrong in a parse (a bug), for the log. */
  onProblem?: (problem: string) => void;
}

export class BoundedFeedParser implements FeedParser {
  readonly #large: FeedParser;
  readonly #hereMaxBytes: number;
  readonly #timeLimitMs: number;
  readonly #onProblem: (problem: string) => void;
  #closed = false;

  constructor(options: BoundedParserOptions) {
    this.#large = options.large;
    this.#hereMaxBytes = options.hereMaxBytes ?? READ_HERE_MAX_BYTES;
    this.#timeLimitMs = options.timeLimitMs ?? PARSE_TIME_LIMIT_MS;
    this.#onProblem = options.onProblem ?? (() => {});
  }

  async parse(body: FeedBody): Promise<ParseOutcome> {
    if (this.#closed) return closing;
    // The large parser (parse workers) reads whole: it forgets the source's memo itself.
    if (body.bytes.byteLength > this.#hereMaxBytes) return this.#large.parse(body);
    try {
      const read = withinTime(() => readFeedBody(body), this.#timeLimitMs);
      return read.done ? read.value : gaveUp(this.#timeLimitMs);
    } catch (error) {
      // readFeedBody reports bad feeds as outcomes; a throw is a bug.
      this.#onProblem(`feed parser failed: ${failureText(error)}`);
      return broken;
    }
  }

  /** Parses asked for afterwards fail; the larger bodies' parser is closed. */
  close(): Promise<void> {
    this.#closed = true;
    return this.#large.close();
  }
}
