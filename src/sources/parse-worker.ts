// The worker thread that reads feeds for worker-parser.ts: one body at a time, answered with
// its outcome. Parsing here keeps feedsmith's synchronous work off the bot's event loop.
import { parentPort } from 'node:worker_threads';
import { readFeedBody, type FeedBody, type ParseOutcome } from './feed-parser.js';
import { failureText, yieldCoresToBot } from '../worker-thread.js';

export interface ParseRequest {
  id: number;
  body: FeedBody;
}

export type ParseAnswer = { id: number; outcome: ParseOutcome } | { id: number; crashed: string };
export type ParseResponse = ParseAnswer | { ready: true };

const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread (see worker-parser.ts)');
yieldCoresToBot();

port.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id: request.id, outcome: readFeedBody(request.body) };
  } catch (error) {
    // parseFeedText reports bad feeds as outcomes; a throw is a bug, reported to the main thread.
    response = { id: request.id, crashed: failureText(error) };
  }
  port.postMessage(response);
});
// Loaded and listening: from now on, a parse's time limit counts parsing only.
port.postMessage({ ready: true } satisfies ParseResponse);
