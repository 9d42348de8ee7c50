// Paging state for messages with Previous/Next buttons, in memory: it only has to outlive a
// reading session, so it expires after a quiet spell instead of being stored.
import { randomBytes } from 'node:crypto';
import type { APIEmbed } from 'discord.js';
import type { View } from '../../core/view.js';

export interface PageSession {
  readonly id: string;
  /** Only this user may turn the pages. */
  readonly ownerId: string;
  /** The view on screen and its pages; replaced when a button fetches another page of results. */
  view: View;
  pages: APIEmbed[];
  index: number;
  /** Bumped on every move, so a stale button (a double click) cannot move twice. */
  generation: number;
  expiresAt: number;
}

export interface PageSessionOptions {
  ttlMs: number;
  maxSessions: number;
  now: () => number;
}

export class PageSessions {
  // Insertion order is kept equal to expiry order (touch re-inserts), so pruning reads the front.
  private readonly sessions = new Map<string, PageSession>();

  constructor(private readonly options: PageSessionOptions) {}

  get size(): number {
    return this.sessions.size;
  }

  open(ownerId: string, view: View, pages: APIEmbed[]): PageSession {
    this.prune();
    let id = randomBytes(6).toString('base64url');
    while (this.sessions.has(id)) id = randomBytes(6).toString('base64url');
    const session: PageSession = { id, ownerId, view, pages, index: 0, generation: 0, expiresAt: 0 };
    this.touch(session);
    return session;
  }

  /** The live session with this id, or undefined when unknown or expired. */
  find(id: string): PageSession | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.options.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  /** Restarts the expiry clock after a use. */
  touch(session: PageSession): void {
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

const CUSTOM_ID = /^sitrep:pg:([A-Za-z0-9_-]+):(\d+):([np])$/;

export type PageDirection = 'next' | 'previous';

export interface PagePress {
  sessionId: string;
  generation: number;
  direction: PageDirection;
}

export function pageButtonId(session: PageSession, direction: PageDirection): string {
  return `sitrep:pg:${session.id}:${session.generation}:${direction === 'next' ? 'n' : 'p'}`;
}

export function parsePageButtonId(customId: string): PagePress | undefined {
  const match = CUSTOM_ID.exec(customId);
  if (!match) return undefined;
  return { sessionId: match[1]!, generation: Number(match[2]), direction: match[3] === 'n' ? 'next' : 'previous' };
}

export const hasNextPage = (s: PageSession) => s.index < s.pages.length - 1 || Boolean(s.view.pager?.next);
export const hasPreviousPage = (s: PageSession) => s.index > 0 || Boolean(s.view.pager?.previous);
