// Runs the invocation a page button names. Results may have shrunk since the button was drawn
// (entries removed): a page that is now past the end shows the last page instead, saying so,
// rather than a refusal about a `page` option the user never typed. Both platforms' page buttons
// run through it (a button re-runs a read-only invocation by itself).
import { markedNames } from './error-views.js';
import { plainLine, type Invocation, type View } from './view.js';

export interface FetchedPage {
  view: View;
  /** The invocation that produced `view`: the last page's, when the named one was past the end. */
  invocation: Invocation;
}

export type RunInvocation = (invocation: Invocation) => Promise<View>;

export function pageGoneNote(requested: number, shown: number): string {
  return `Page ${requested} no longer exists: there are fewer results than when these buttons were drawn. This is the last page, page ${shown}.`;
}

const atPage = (invocation: Invocation, page: number): Invocation => ({ ...invocation, args: { ...invocation.args, page } });

/** The page a button asked for, as a number (a value typed into the command arrives as text). */
function requestedPage(invocation: Invocation): number | undefined {
  const page = Number(invocation.args.page);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

/** The dispatcher refused the `page` option (past the end, or out of bounds). */
function refusedPage(view: View, invocation: Invocation): boolean {
  return view.tone === 'error' && requestedPage(invocation) !== undefined && markedNames(view)[0] === 'page';
}

export async function fetchPage(run: RunInvocation, invocation: Invocation): Promise<FetchedPage> {
  const view = await run(invocation);
  if (!refusedPage(view, invocation)) return { view, invocation };
  const requested = requestedPage(invocation)!;
  const firstInvocation = atPage(invocation, 1);
  const first = await run(firstInvocation);
  const lastPage = first.pager?.pageCount ?? 1;
  // Page 1 failing too, or a count that still reaches the page asked for: the refusal stands.
  if (first.tone === 'error' || lastPage >= requested) return { view, invocation };
  const lastInvocation = lastPage > 1 ? atPage(invocation, lastPage) : firstInvocation;
  const last = lastPage > 1 ? await run(lastInvocation) : first;
  if (last.tone === 'error') return { view: last, invocation: lastInvocation };
  const note = plainLine(pageGoneNote(requested, lastPage));
  return { view: { ...last, intro: [...(last.intro ?? []), note] }, invocation: lastInvocation };
}
