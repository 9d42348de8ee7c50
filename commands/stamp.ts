// Who and when for a change made through a command.
import { changeAuthor } from '../src/core/caller.js';
import type { CommandContext } from '../src/core/command-spec.js';
import type { ChangeStamp } from '../src/core/domain.js';

export function stampOf(ctx: CommandContext): ChangeStamp {
  return { by: changeAuthor(ctx.caller), at: ctx.now().toISOString() };
}
