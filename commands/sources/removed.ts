// A removed source named by another /sources subcommand: nothing lists it any more, so the refusal
// gives its address and when it was removed, with the /sources add that watches it again.
import type { CommandContext } from '../../src/core/command-spec.js';
import { isUserError, UserError } from '../../src/core/errors.js';
import { instantText } from '../../src/core/review/candidate-card.js';
import type { WatchedSource } from '../../src/core/sources/watched-source.js';

/** The source `id`, removed or not; undefined where there never was one. */
function everSource(ctx: CommandContext, id: number): WatchedSource | undefined {
  try {
    return ctx.services.sources.getEver(id);
  } catch (error) {
    if (isUserError(error) && error.code === 'not-found') return undefined;
    throw error;
  }
}

/** Refuses a source removed, naming its address; a live source, or one never added, is left to the subcommand. */
export function refuseRemoved(ctx: CommandContext, id: number): void {
  const source = everSource(ctx, id);
  if (!source?.removedAt) return;
  throw new UserError(
    'not-found',
    `Source #${id} (${source.url}) was removed on ${instantText(source.removedAt)}; add it again with /sources add url:${source.url} topic:${source.topic}`,
    ['Added again, it proposes none of the items it found before.'],
    'id',
  );
}
