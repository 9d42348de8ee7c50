// Navigation for results: Previous/Next buttons between the parts of a result too long for one
// message, and between the pages of a query (the view's own pager, dispatched again on press).
import type { types } from '@slack/bolt';
import { formatInvocation } from '../../core/text-syntax.js';
import { pagerLabel, type Invocation, type Pager, type View } from '../../core/view.js';
import { ExpiringStore } from './interaction-store.js';
import { MAX_BUTTON_VALUE } from './limits.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { renderView, type Block, type RenderedPart } from './render-view.js';
import { knownPrefix, viewInWorkspaceSpelling, type CommandSpelling } from './workspace-commands.js';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * What a navigation button carries: who may press it and where it leads. A page of a query also
 * carries `p`, the command prefix of the workspace (absent when none), so the next page names
 * commands as the first did.
 */
export type NavValue =
  | { o: string; s: string; i: number } // part `i` of the result stored under `s`
  | { o: string; q: Invocation; p?: string } // a page of a query, dispatched again
  | { o: string; k: string; p?: string }; // a page of a query stored under `k` (too long for a button)

export const NAV_ACTION_PATTERN = /^sitrep_nav_/;
const ACTION = {
  previousPart: 'sitrep_nav_part_previous',
  nextPart: 'sitrep_nav_part_next',
  previousPage: 'sitrep_nav_page_previous',
  nextPage: 'sitrep_nav_page_next',
} as const;

interface StoredResult {
  owner: string;
  messages: SlackMessage[];
}

function button(actionId: string, label: string, value: string): types.Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: label }, value };
}

function hasOtherPages(pager: Pager | undefined): pager is Pager {
  return pager !== undefined && (pager.next !== undefined || pager.previous !== undefined);
}

export function parseNavValue(value: string | undefined): NavValue | undefined {
  if (!value) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const v = data as Record<string, unknown>;
  if (typeof v.o !== 'string') return undefined;
  if (typeof v.s === 'string' && typeof v.i === 'number') return { o: v.o, s: v.s, i: v.i };
  const prefix = knownPrefix(v.p);
  const p = prefix ? { p: prefix } : {};
  if (typeof v.k === 'string') return { o: v.o, k: v.k, ...p };
  const q = v.q as Invocation | undefined;
  if (q && typeof q.command === 'string' && typeof q.args === 'object' && q.args !== null) return { o: v.o, q, ...p };
  return undefined;
}

export class Paginator {
  private readonly results: ExpiringStore<StoredResult>;
  private readonly queries: ExpiringStore<Invocation>;

  constructor(now: () => number = Date.now) {
    this.results = new ExpiringStore(now);
    this.queries = new ExpiringStore(now);
  }

  /**
   * The message answering `owner`: the first part of the view, with buttons. Further parts wait
   * in memory for the Next button. With a `spelling`, commands are named as the workspace has
   * them (`/sitrep-timeline`), on this page and the pages its buttons lead to.
   */
  reply(view: View, owner: string, spelling?: CommandSpelling): SlackMessage {
    const parts = renderView(spelling ? viewInWorkspaceSpelling(view, spelling) : view);
    const key = parts.length > 1 ? this.results.put({ owner, messages: [] }) : '';
    const prefix = spelling?.prefix ?? '';
    // Buttons carry the original invocations: the registry knows `timeline`, not `sitrep-timeline`.
    const pages: PageValues = {
      ...(view.pager?.previous ? { previous: this.pageValue(owner, view.pager.previous, prefix) } : {}),
      ...(view.pager?.next ? { next: this.pageValue(owner, view.pager.next, prefix) } : {}),
    };
    const partValue = (i: number) => JSON.stringify({ o: owner, s: key, i });
    const messages = parts.map((part, i) => withNavigation(part, i, parts.length, view.pager, pages, partValue));
    if (key) this.results.get(key)!.messages = messages;
    return messages[0]!;
  }

  /** Every part of the view as separate messages without buttons, for posting to a channel. */
  static broadcast(view: View): SlackMessage[] {
    const parts = renderView(view);
    return parts.map((part, i) => {
      const notes = partNotes(i, parts.length, view.pager, true);
      return { text: part.text, blocks: [part.header, ...part.content, ...(notes ? [context(notes)] : [])] };
    });
  }

  /** A stored part, or undefined once it has expired. */
  part(value: { s: string; i: number }): SlackMessage | undefined {
    return this.results.get(value.s)?.messages[value.i];
  }

  /** The query a page button leads to, or undefined once a stored one has expired. */
  query(value: { q: Invocation } | { k: string }): Invocation | undefined {
    return 'q' in value ? value.q : this.queries.get(value.k);
  }

  private pageValue(owner: string, invocation: Invocation, prefix: string): string {
    const p = prefix ? { p: prefix } : {};
    const inline = JSON.stringify({ o: owner, q: invocation, ...p });
    return inline.length <= MAX_BUTTON_VALUE ? inline : JSON.stringify({ o: owner, k: this.queries.put(invocation), ...p });
  }
}

/** Button values for the query's previous and next pages, computed once per reply. */
interface PageValues {
  previous?: string;
  next?: string;
}

function withNavigation(
  part: RenderedPart,
  index: number,
  count: number,
  pager: Pager | undefined,
  pages: PageValues,
  partValue: (index: number) => string,
): SlackMessage {
  const buttons: types.Button[] = [];
  if (pages.previous) buttons.push(button(ACTION.previousPage, '« Previous page', pages.previous));
  if (index > 0) buttons.push(button(ACTION.previousPart, '‹ Previous part', partValue(index - 1)));
  if (index < count - 1) buttons.push(button(ACTION.nextPart, 'Next part ›', partValue(index + 1)));
  if (pages.next) buttons.push(button(ACTION.nextPage, 'Next page »', pages.next));
  const notes = partNotes(index, count, pager, false);
  const blocks: Block[] = [part.header, ...part.content];
  if (notes) blocks.push(context(notes));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: part.text, blocks };
}

function context(text: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

/** "Part 2 of 3 · Page 1 of 6", plus the commands to type when there are no buttons. */
function partNotes(index: number, count: number, pager: Pager | undefined, withCommands: boolean): string {
  const notes: string[] = [];
  if (count > 1) notes.push(`Part ${index + 1} of ${count}`);
  if (hasOtherPages(pager)) {
    notes.push(pagerLabel(pager));
    if (withCommands && pager.next) notes.push(`next page: \`${escapeMrkdwn(formatInvocation(pager.next))}\``);
  }
  return notes.join(' · ');
}
