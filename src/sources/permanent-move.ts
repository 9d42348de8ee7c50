// Which redirects say a feed moved for good: a serious feed reader reads the new address from
// then on (RFC 9110: a 301 or 308 asks clients to use the new address in future requests).
import type { MovedTo } from '../core/sources/watched-source.js';

const PERMANENT_STATUSES = new Set([301, 308]);
/** The longest address /sources add accepts: a longer one would fill /sources list. */
const MAX_MOVED_URL_LENGTH = 500;

/** Follows a chain of redirects, noting how far it went by permanent ones only. */
export class PermanentMoves {
  #reached: URL | undefined;
  #status = 0;
  #broken = false;

  constructor(private readonly start: URL) {}

  /** The chain went on to `to` by a redirect of `status`. */
  followed(status: number, to: URL): void {
    // After a temporary redirect, later ones say where the temporary address leads, not the feed.
    if (this.#broken || !PERMANENT_STATUSES.has(status)) {
      this.#broken = true;
      return;
    }
    this.#reached = to;
    this.#status = status;
  }

  /**
   * Where the feed moved for good, as it is to be watched: without a fragment. None when the
   * permanent redirects led back to the start, or to an address /sources add would refuse (a user
   * name or password in it, which /sources list would show everyone, or one too long).
   */
  movedTo(): MovedTo | undefined {
    if (!this.#reached) return undefined;
    const to = new URL(this.#reached.href);
    to.hash = '';
    const from = new URL(this.start.href);
    from.hash = '';
    if (to.href === from.href || to.username || to.password || to.href.length > MAX_MOVED_URL_LENGTH) return undefined;
    return { url: to.href, status: this.#status };
  }
}
