// The `source:` option of /review list and /review clear: the candidates one feed proposed, as
// /sources list numbers the feeds and counts what each has waiting.
import type { CommandContext, OptionSpec } from '../../src/core/command-spec.js';
import { sourceName, type WatchedSource } from '../../src/core/sources/watched-source.js';

export const sourceFilterOption: OptionSpec = {
  name: 'source',
  description: 'Only those a source proposed: its number, as /sources list shows it',
  type: 'integer',
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  example: '1',
};

/**
 * The source `source:` names, or undefined when none was given. An unknown number is refused,
 * pointing to /sources list; a removed source is found, its candidates staying in the queue.
 */
export function filteredSource(ctx: CommandContext, typed: unknown): WatchedSource | undefined {
  return typed === undefined ? undefined : ctx.services.sources.getEver(typed as number, 'source');
}

/** `#3 Levant Wire`: the source as /sources list names it. */
export const sourceLabel = (source: WatchedSource): string => `#${source.id} ${sourceName(source)}`;
