// Previous/Next under an answer: to the neighbouring part of the same answer (a platform splits a
// long answer into parts by its own limits), or to the neighbouring page of results (landing on
// its last part when going back). Only the person who ran the command may turn them.
import type { Invocation, View } from '../view.js';
import { NEXT_LABEL, PREVIOUS_LABEL } from './texts.js';

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

/** The Previous and Next buttons, or none when the answer has neither another part nor another page. */
export function navigationButtons(screen: Screen): NavigationButton[] {
  const previous = destinationOf(screen, 'previous');
  const next = destinationOf(screen, 'next');
  if (!previous && !next) return [];
  return [
    { label: PREVIOUS_LABEL, style: 'secondary', ...(previous ? { destination: previous } : {}) },
    { label: NEXT_LABEL, style: 'primary', ...(next ? { destination: next } : {}) },
  ];
}
