// The worker thread that reads feeds for worker-parser.ts: one body at a time, answered with
// its outcome. Parsing here keeps feedsmith's synchronous work off the bot's event loop.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { readFeedBody, type FeedBody, type ParseOutcome } from './feed-parser.js';

/** Nice value of the worker thread (0 normal, 19 lowest). */
const PARSE_THREAD_NICE = 10;

export interface ParseRequest {
  id: number;
  body: FeedBody;
}

export type ParseAnswer = { id: number; outcome: ParseOutcome } | { id: number; crashed: string };
export type ParseResponse = ParseAnswer | { ready: true };

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see worker-parser.ts)');
// Linux keeps a nice value per thread: reading feeds yields the cores to the bot's own thread, so
// a check cycle slows replies to users as little as it can (it takes longer on a busy machine).
try {
  setPriority(PARSE_THREAD_NICE);
} catch {
  // Not allowed here, or not per thread on this system: feeds are still read, at the bot's priority.
}

port.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, outcome: readFeedBody(request.body) };
  } catch (error) {
    // parseFeedText reports bad feeds as outcomes; a throw is a bug, reported to the main thread.
    response = { id: request.id, crashed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
// Loaded and listening: from now on, a parse's time limit counts parsing only.
port.postMessage({ ready: true } satisfies ParseResponse);
