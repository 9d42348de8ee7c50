// In-memory sessions that only have to outlive one person's reading or typing: they expire
// after a quiet spell, and the oldest go first beyond a cap. Paging and modal forms build on it.
import { randomBytes } from 'node:crypto';

export interface ExpiringSession {
  readonly id: string;
  expiresAt: number;
}

export interface ExpiringSessionOptions {
  ttlMs: number;
  maxSessions: number;
  now: () => number;
}

export abstract class ExpiringSessions<S extends ExpiringSession> {
  // Insertion order is kept equal to expiry order (touch re-inserts), so pruning reads the front.
  private readonly sessions = new Map<string, S>();

  constructor(
    private readonly options: ExpiringSessionOptions,
    /** Random bytes in a session id; the id must fit in Discord's 100-character custom_id. */
    private readonly idBytes: number,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  /** Stores a new session built around a fresh, unused id. */
  protected add(build: (id: string) => S): S {
    this.prune();
    let id = randomBytes(this.idBytes).toString('base64url');
    while (this.sessions.has(id)) id = randomBytes(this.idBytes).toString('base64url');
    const session = build(id);
    this.touch(session);
    return session;
  }

  /** The live session with this id, or undefined when unknown or expired. */
  find(id: string): S | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.options.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Restarts the expiry clock after a use. */
  touch(session: S): void {
    session.expiresAt = this.options.now() + this.options.ttlMs;
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
  }

  clear(): void {
    this.sessions.clear();
  }

  private prune(): void {
    const now = this.options.now();
    for (const [id, session] of this.sessions) {
      if (session.expiresAt > now && this.sessions.size < this.options.maxSessions) break;
      this.sessions.delete(id);
    }
  }
}
