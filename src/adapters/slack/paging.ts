// Navigation for results: Previous/Next buttons between the parts of a result too long for one
// message, and between the pages of a query (the view's own pager, dispatched again on press).
// A button names what to run again and which part to show (nav-values.ts), so it works after a
// restart; memory holds only what cannot be run again or does not fit in a button value.
import type { types } from '@slack/bolt';
import { formatInvocation } from '../../core/text-syntax.js';
import { pagerLabel, type Invocation, type Pager, type View } from '../../core/view.js';
import { ExpiringStore } from './interaction-store.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { rerunValue, storedPartValue, storedQueryValue } from './nav-values.js';
import { renderView, type Block, type RenderedPart } from './render-view.js';
import { viewInWorkspaceSpelling, type CommandSpelling } from './workspace-commands.js';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Where in its answer a message stands, and what produced the answer. */
export interface ReplyAt {
  /**
   * The read-only invocation that produced the view, so part buttons can run it again; absent
   * for an answer that cannot be run again (an admin's), whose parts then wait in memory.
   */
  source?: Invocation;
  /** The part to show (0 when absent); past the last part, the last one is shown and says so. */
  part?: number;
}

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

export function partGoneNote(requested: number, shown: number): string {
  return `Part ${requested} no longer exists: this answer is shorter than when these buttons were drawn. This is the last part, part ${shown}.`;
}

export class Paginator {
  private readonly results: ExpiringStore<StoredResult>;
  private readonly queries: ExpiringStore<Invocation>;

  constructor(now: () => number = Date.now) {
    this.results = new ExpiringStore(now);
    this.queries = new ExpiringStore(now);
  }

  /**
   * The message answering `owner`: part `at.part` of the view (the first by default), with
   * buttons. With a `spelling`, commands are named as the workspace has them
   * (`/sitrep-timeline`), on this page and the pages its buttons lead to.
   */
  reply(view: View, owner: string, spelling?: CommandSpelling, at: ReplyAt = {}): SlackMessage {
    const parts = renderView(spelling ? viewInWorkspaceSpelling(view, spelling) : view);
    const prefix = spelling?.prefix ?? '';
    // Buttons carry the original invocations: the registry knows `timeline`, not `sitrep-timeline`.
    const pages: PageValues = {
      ...(view.pager?.previous ? { previous: this.pageValue(owner, view.pager.previous, prefix) } : {}),
      ...(view.pager?.next ? { next: this.pageValue(owner, view.pager.next, prefix) } : {}),
    };
    const partValue = this.partValues(parts.length, owner, prefix, at.source);
    const build = (i: number, note?: string) => withNavigation(parts[i]!, i, parts.length, view.pager, pages, partValue.of, note);
    const requested = at.part ?? 0;
    const shown = Math.min(requested, parts.length - 1);
    const message = build(shown, requested > shown ? partGoneNote(requested + 1, shown + 1) : undefined);
    if (partValue.storedUnder) this.results.get(partValue.storedUnder)!.messages = parts.map((_, i) => (i === shown ? message : build(i)));
    return message;
  }

  /** Every part of the view as separate messages without buttons, for posting to a channel. */
  static broadcast(view: View): SlackMessage[] {
    const parts = renderView(view);
    return parts.map((part, i) => {
      const notes = partNotes(i, parts.length, view.pager, true);
      return { text: part.text, blocks: [part.header, ...part.content, ...(notes ? [context(notes)] : [])] };
    });
  }

  /** A stored part, or undefined once it has expired (or the process restarted). */
  part(value: { s: string; i: number }): SlackMessage | undefined {
    return this.results.get(value.s)?.messages[value.i];
  }

  /** A stored page query, or undefined once it has expired (or the process restarted). */
  query(value: { k: string }): Invocation | undefined {
    return this.queries.get(value.k);
  }

  /**
   * Values for the part buttons: each names the source and its part when the source can be run
   * again and every value fits; otherwise the parts are kept in memory under one key.
   */
  private partValues(count: number, owner: string, prefix: string, source: Invocation | undefined): PartValues {
    if (count <= 1) return { of: () => '' };
    const named = source ? Array.from({ length: count }, (_, i) => rerunValue(owner, source, i, prefix)) : [];
    if (named.length === count && named.every((v) => v !== undefined)) return { of: (i) => named[i]! };
    const storedUnder = this.results.put({ owner, messages: [] });
    return { of: (i) => storedPartValue(owner, storedUnder, i), storedUnder };
  }

  private pageValue(owner: string, invocation: Invocation, prefix: string): string {
    return rerunValue(owner, invocation, 0, prefix) ?? storedQueryValue(owner, this.queries.put(invocation), prefix);
  }
}

/** The value of the button leading to each part; `storedUnder` when the parts live in memory. */
interface PartValues {
  of: (index: number) => string;
  storedUnder?: string;
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
  note?: string,
): SlackMessage {
  const buttons: types.Button[] = [];
  if (pages.previous) buttons.push(button(ACTION.previousPage, '« Previous page', pages.previous));
  if (index > 0) buttons.push(button(ACTION.previousPart, '‹ Previous part', partValue(index - 1)));
  if (index < count - 1) buttons.push(button(ACTION.nextPart, 'Next part ›', partValue(index + 1)));
  if (pages.next) buttons.push(button(ACTION.nextPage, 'Next page »', pages.next));
  const notes = [note, partNotes(index, count, pager, false)].filter(Boolean).join(' · ');
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
