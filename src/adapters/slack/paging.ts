// A view as Slack messages: the part of it a message shows (render-view splits a long view into
// parts), a line saying where it stands, and the core's buttons; or, for posting to a channel,
// every part without paging buttons, naming the command for the next page instead.
import type { types } from '@slack/bolt';
import { invocationRef, type CommandSpelling } from '../../core/command-refs.js';
import type { DrawnButton } from '../../core/interaction/interactions.js';
import { partGoneNote } from '../../core/interaction/texts.js';
import { clip } from '../../core/text-cut.js';
import { pagerLabel, type Invocation, type Pager, type View } from '../../core/view.js';
import { spellingFor } from './command-prefix.js';
import type { HandlerDeps } from './handler-deps.js';
import { MAX_BUTTON_TEXT } from './limits.js';
import { codeMrkdwn } from './mrkdwn.js';
import { contextBlock, renderView, type Block, type RenderedPart } from './render-view.js';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * Where the view's picture goes among a message's blocks (picture.ts puts it there), by the blocks
 * themselves: a message is copied on its way out (`{ ...message }`) but keeps its blocks, and what
 * Slack is sent holds nothing but Slack's own fields.
 */
const pictureSlots = new WeakMap<readonly Block[], number>();

/** The blocks of `part` with what follows them, the picture's place among them recorded. */
function partBlocks(part: RenderedPart, after: readonly Block[]): Block[] {
  const blocks = [part.header, ...part.content, ...after];
  pictureSlots.set(blocks, 1 + part.lead);
  return blocks;
}

/** The index the picture takes among `blocks`, when they are a part's as rendered here. */
export function pictureSlot(blocks: readonly Block[]): number | undefined {
  return pictureSlots.get(blocks);
}

/** Every button's action_id: this prefix and its place in the message (Slack wants them unique). */
export const BUTTON_ACTION_PREFIX = 'sitrep_button_';

export interface Placement {
  /** The only user who may turn the pages. */
  owner: string;
  /** The read-only invocation that produced the view, so its buttons can run it again. */
  source?: Invocation;
  /** The invocation that produced the view and may have changed things (see Screen.written). */
  written?: Invocation;
  part?: number | 'last';
  /** The workspace's command prefix (`sitrep-`), or '': written into the buttons, to come back. */
  prefix?: string;
}

function slackButton(button: DrawnButton, index: number): types.Button {
  const style = button.style === 'danger' ? 'danger' : button.style === 'secondary' ? undefined : 'primary';
  return {
    type: 'button',
    action_id: `${BUTTON_ACTION_PREFIX}${index}`,
    text: { type: 'plain_text', text: clip(button.label, MAX_BUTTON_TEXT) },
    value: button.carrier,
    ...(style ? { style } : {}),
  };
}

/** "Part 2 of 3 · Page 1 of 6", plus the command to type (as `spell` writes it) where there are no buttons. */
function partNotes(index: number, count: number, pager: Pager | undefined, spell?: CommandSpelling): string {
  const notes: string[] = [];
  if (count > 1) notes.push(`Part ${index + 1} of ${count}`);
  if (pager && (pager.next || pager.previous)) {
    notes.push(pagerLabel(pager));
    if (spell && pager.next) notes.push(`next page: ${codeMrkdwn(spell(invocationRef(pager.next)))}`);
  }
  return notes.join(' · ');
}

/**
 * The message showing `at.part` of the view (past the end: the last part, saying so), naming
 * commands as the workspace types them, with the buttons the core draws for it.
 */
export function answerMessage(deps: Pick<HandlerDeps, 'interactions'>, view: View, at: Placement): SlackMessage {
  const prefix = at.prefix ?? '';
  const parts = renderView(view, spellingFor(prefix));
  const asked = at.part === 'last' ? parts.length - 1 : (at.part ?? 0);
  const index = Math.min(asked, parts.length - 1);
  const part = parts[index]!;
  const screen = { view, part: index, partCount: parts.length, ...(at.source ? { source: at.source } : {}), ...(at.written ? { written: at.written } : {}) };
  const notes = [asked > index ? partGoneNote(asked + 1, index + 1) : '', partNotes(index, parts.length, view.pager)].filter(Boolean).join(' · ');
  const after = [...(notes ? [contextBlock(notes)] : []), ...actionsBlocks(deps.interactions.buttons(screen, at.owner, prefix))];
  return { text: part.text, blocks: partBlocks(part, after) };
}

/** The buttons as an actions block, if any: Slack has no disabled buttons, so those are left out. */
function actionsBlocks(drawn: readonly DrawnButton[]): Block[] {
  const shown = drawn.filter((b) => !b.disabled);
  return shown.length > 0 ? [{ type: 'actions', elements: shown.map(slackButton) }] : [];
}

/** Every part of the view as separate messages, for posting to a channel; `buttons` go under the last. */
export function broadcast(view: View, prefix = '', buttons: readonly DrawnButton[] = []): SlackMessage[] {
  const spell = spellingFor(prefix);
  const parts = renderView(view, spell);
  return parts.map((part, i) => {
    const notes = partNotes(i, parts.length, view.pager, spell);
    const after = [...(notes ? [contextBlock(notes)] : []), ...(i === parts.length - 1 ? actionsBlocks(buttons) : [])];
    return { text: part.text, blocks: partBlocks(part, after) };
  });
}
