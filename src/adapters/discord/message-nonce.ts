// Every message Sitrep creates carries a nonce with enforce_nonce: Discord answers a second
// create with the same nonce (within a few minutes) with the first message instead of posting
// another. discord.js sends a request again when it gets no answer within its timeout, so a
// message Discord created but answered late would otherwise land twice. The nonce comes from the
// post's mark, so a retry of the post by the scheduler is recognised too.
import { createHash } from 'node:crypto';
import { RESTEvents, type REST } from 'discord.js';
import { MAX_NONCE_LENGTH } from './limits.js';

/** Message `index` of the post marked `key`: readable when it fits, else a digest of it. */
export function messageNonce(key: string, index: number): string {
  const nonce = `${key}.${index}`;
  return nonce.length <= MAX_NONCE_LENGTH ? nonce : createHash('sha256').update(nonce).digest('base64url').slice(0, MAX_NONCE_LENGTH);
}

/**
 * Counts, per request body, the tries discord.js made that got no answer at all (timed out or cut
 * off) before the one that was answered: `retries` of an answer counts every earlier try,
 * answered (a 5xx) or not, and only answered tries are reported.
 */
export class UnansweredTries {
  private readonly answered = new WeakMap<object, number[]>();

  constructor(rest: REST) {
    rest.on(RESTEvents.Response, (request) => {
      const body = request.data.body;
      if (typeof body === 'object' && body !== null) this.answered.get(body)?.push(request.retries);
    });
  }

  /** Starts counting for `body`, which must be the very object handed to discord.js. */
  watch(body: object): void {
    this.answered.set(body, []);
  }

  /** How many tries of `body` went unanswered before its answer; stops counting. */
  settle(body: object): number {
    const retries = this.answered.get(body) ?? [];
    this.answered.delete(body);
    const last = retries.at(-1);
    return last === undefined ? 0 : last - (retries.length - 1);
  }
}
