// Where Previous and Next lead from what a message shows: the neighbouring part of the same
// answer, or the neighbouring page of results (landing on its last part when going back).
import type { PageTarget } from './page-links.js';
import type { PageDirection, PageScreen } from './page-sessions.js';

/**
 * A page the button can name (run `invocation` again, show `part`), `in-memory` for a part of an
 * answer that cannot be fetched again (only the session holds it), or undefined: nothing there.
 */
export type PageDestination = PageTarget | 'in-memory' | undefined;

export function destinationOf(screen: PageScreen, direction: PageDirection): PageDestination {
  const { index, pages, view, source } = screen;
  if (direction === 'next') {
    if (index < pages.length - 1) return source ? { invocation: source, part: index + 1 } : 'in-memory';
    return view.pager?.next ? { invocation: view.pager.next, part: 0 } : undefined;
  }
  if (index > 0) return source ? { invocation: source, part: index - 1 } : 'in-memory';
  return view.pager?.previous ? { invocation: view.pager.previous, part: 'last' } : undefined;
}

/** Whether the message needs buttons at all. */
export function isPaged(screen: PageScreen): boolean {
  return destinationOf(screen, 'next') !== undefined || destinationOf(screen, 'previous') !== undefined;
}
