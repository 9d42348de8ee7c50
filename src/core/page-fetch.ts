// Runs the invocation a page button names. Results may have shrunk since the button was drawn
// (entries removed): a page that is now past the end shows the last page instead, saying so,
// rather than a refusal about a `page` option the user never typed.
import type { Outcome } from './dispatcher.js';
import { plainLine, type Invocation, type View } from './view.js';

export interface FetchedPage {
  view: View;
  /** The invocation that produced `view`: the last page's, when the named one was past the end. */
  invocation: Invocation;
}

export type RunInvocation = (invocation: Invocation) => Promise<Outcome>;

export function pageGoneNote(requested: number, shown: number): string {
  return `Page ${requested} no longer exists: there are fewer results than when these buttons were drawn. This is the last page, page ${shown}.`;
}

const atPage = (invocation: Invocation, page: number): Invocation => ({ ...invocation, args: { ...invocation.args, page } });

/** The page a button asked for, as a number (a value typed into the command arrives as text). */
function requestedPage(invocation: Invocation): number | undefined {
  const page = Number(invocation.args.page);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

export async function fetchPage(run: RunInvocation, invocation: Invocation): Promise<FetchedPage> {
  const outcome = await run(invocation);
  const requested = requestedPage(invocation);
  if (outcome.view.tone !== 'error' || requested === undefined || outcome.refusedOption !== 'page') return { view: outcome.view, invocation };
  const firstInvocation = atPage(invocation, 1);
  const first = (await run(firstInvocation)).view;
  const lastPage = first.pager?.pageCount ?? 1;
  // Page 1 failing too, or a count that still reaches the page asked for: the refusal stands.
  if (first.tone === 'error' || lastPage >= requested) return { view: outcome.view, invocation };
  const lastInvocation = lastPage > 1 ? atPage(invocation, lastPage) : firstInvocation;
  const last = lastPage > 1 ? (await run(lastInvocation)).view : first;
  if (last.tone === 'error') return { view: last, invocation: lastInvocation };
  const note = plainLine(pageGoneNote(requested, lastPage));
  return { view: { ...last, intro: [...(last.intro ?? []), note] }, invocation: lastInvocation };
}
