// Previous/Next under an answer: to the neighbouring part of the same answer (a platform splits a
// long answer into parts by its own limits), or to the neighbouring page of results (landing on
// its last part when going back). Only the person who ran the command may turn them. Each says
// where it leads (`Next part (2 of 3)`, `Next page (2 of 6)`): the parts are counted on the
// platform drawing them, the pages by the command.
import type { Invocation, View } from '../view.js';
import { NEXT_LABEL, NEXT_PART_LABEL, PREVIOUS_LABEL, PREVIOUS_PART_LABEL, stepLabel, type StepTarget } from './texts.js';

/** What a message shows: part `part` of `partCount` of `view`. */
export interface Screen {
  view: View;
  /** The read-only command that produced the view, when a button may run it again. */
  source?: Invocation;
  /**
   * The command that produced the view and may have changed things, so no button runs it again:
   * the view's parts are kept in memory, and once forgotten their buttons name a command that
   * shows the result instead (`/entry show id:12` for `/entry edit id:12 …`).
   */
  written?: Invocation;
  part: number;
  partCount: number;
}

/** Where a button leads: run an invocation and show a part, or a part of an answer kept in memory. */
export type Destination = { kind: 'run'; invocation: Invocation; part: number | 'last' } | { kind: 'stored'; view: View; part: number };

export interface NavigationButton {
  label: string;
  style: 'primary' | 'secondary';
  /** Undefined: nothing in that direction (drawn disabled where the platform can). */
  destination?: Destination;
}

function neighbourPart(screen: Screen, part: number): Destination {
  return screen.source ? { kind: 'run', invocation: screen.source, part } : { kind: 'stored', view: screen.view, part };
}

export function destinationOf(screen: Screen, direction: 'next' | 'previous'): Destination | undefined {
  const { part, partCount, view } = screen;
  if (direction === 'next') {
    if (part < partCount - 1) return neighbourPart(screen, part + 1);
    return view.pager?.next ? { kind: 'run', invocation: view.pager.next, part: 0 } : undefined;
  }
  if (part > 0) return neighbourPart(screen, part - 1);
  return view.pager?.previous ? { kind: 'run', invocation: view.pager.previous, part: 'last' } : undefined;
}

/**
 * The part or page a button in `direction` shows, as destinationOf finds it: another part of
 * this answer while there is one, else the neighbouring page (whose own parts are not known yet).
 */
function stepTarget(screen: Screen, direction: 'next' | 'previous'): StepTarget | undefined {
  const { part, partCount, view } = screen;
  const to = direction === 'next' ? part + 1 : part - 1;
  if (to >= 0 && to < partCount) return { unit: 'part', number: to + 1, of: partCount };
  const pager = view.pager;
  if (!pager) return undefined;
  return { unit: 'page', number: direction === 'next' ? pager.page + 1 : pager.page - 1, of: pager.pageCount, ...(pager.totalIsLowerBound ? { atLeast: true } : {}) };
}

/** A button leading nowhere (drawn disabled) is named for what the answer has: pages, or only parts. */
function bareLabel(screen: Screen, direction: 'next' | 'previous'): string {
  const pager = screen.view.pager;
  if (pager?.next || pager?.previous) return direction === 'next' ? NEXT_LABEL : PREVIOUS_LABEL;
  return direction === 'next' ? NEXT_PART_LABEL : PREVIOUS_PART_LABEL;
}

function navigationButton(screen: Screen, direction: 'next' | 'previous'): NavigationButton {
  const style = direction === 'next' ? 'primary' : 'secondary';
  const destination = destinationOf(screen, direction);
  if (!destination) return { label: bareLabel(screen, direction), style };
  const target = stepTarget(screen, direction);
  return { label: target ? stepLabel(direction, target) : bareLabel(screen, direction), style, destination };
}

/** The Previous and Next buttons, or none when the answer has neither another part nor another page. */
export function navigationButtons(screen: Screen): NavigationButton[] {
  if (!destinationOf(screen, 'previous') && !destinationOf(screen, 'next')) return [];
  return [navigationButton(screen, 'previous'), navigationButton(screen, 'next')];
}
