// Paging state for messages with Previous/Next buttons, in memory: it only has to outlive a
// reading session, so it expires after a quiet spell instead of being stored.
import type { APIEmbed } from 'discord.js';
import type { View } from '../../core/view.js';
import { ExpiringSessions, type ExpiringSessionOptions } from './expiring-sessions.js';

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

export type PageSessionOptions = ExpiringSessionOptions;

export class PageSessions extends ExpiringSessions<PageSession> {
  constructor(options: PageSessionOptions) {
    super(options, 6);
  }

  open(ownerId: string, view: View, pages: APIEmbed[]): PageSession {
    return this.add((id) => ({ id, ownerId, view, pages, index: 0, generation: 0, expiresAt: 0 }));
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
