// Paging state in memory, for the messages whose buttons cannot say everything themselves (see
// page-links.ts): a page whose invocation is too long for a custom_id, or parts of an answer
// that cannot be fetched again (an admin command's reply). It only has to outlive a reading
// session, so it expires after a quiet spell, and a restart clears it.
import type { APIEmbed } from 'discord.js';
import type { Invocation, View } from '../../core/view.js';
import { ExpiringSessions, type ExpiringSessionOptions } from './expiring-sessions.js';

/** What a paged message shows, and what its buttons need to move on from there. */
export interface PageScreen {
  /** Only this user may turn the pages. */
  readonly ownerId: string;
  /** The read-only command that produced `view`, when it may be run again to turn its parts. */
  source?: Invocation;
  /** The view on screen and its pages; replaced when a button fetches another page of results. */
  view: View;
  pages: APIEmbed[];
  index: number;
}

export interface PageSession extends PageScreen {
  readonly id: string;
  /** Bumped on every move, so a stale button (a double click) cannot move twice. */
  generation: number;
  expiresAt: number;
}

export type PageSessionOptions = ExpiringSessionOptions;

export class PageSessions extends ExpiringSessions<PageSession> {
  constructor(options: PageSessionOptions) {
    super(options, 6);
  }

  open(ownerId: string, view: View, pages: APIEmbed[], at: { source?: Invocation; index?: number } = {}): PageSession {
    return this.add((id) => ({
      id,
      ownerId,
      ...(at.source ? { source: at.source } : {}),
      view,
      pages,
      index: at.index ?? 0,
      generation: 0,
      expiresAt: 0,
    }));
  }
}

const CUSTOM_ID = /^sitrep:pg:([A-Za-z0-9_-]+):(\d+):([np])$/;
/** Any id of this family, so a garbled one is answered rather than ignored. */
const FAMILY = /^sitrep:pg:/;

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

/** Whether the id belongs to session buttons (well-formed or not). */
export const isSessionButtonFamily = (customId: string): boolean => FAMILY.test(customId);

/** The custom_id of a button that leads nowhere (drawn disabled): Discord wants one anyway. */
export const inertButtonId = (direction: PageDirection): string => `sitrep:pg:none:${direction === 'next' ? 'n' : 'p'}`;
