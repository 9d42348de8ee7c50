// The `topic` of the trend commands: a topic of the dossier, read as resolveTopic reads it (any
// case, any dash, an emoji around it); an unknown one is refused with the topics spelled closest
// to it.
import type { CommandContext } from '../src/core/command-spec.js';
import { UserError } from '../src/core/errors.js';
import { closestNames } from '../src/core/ranking.js';
import { typedTopic } from '../src/core/typed-topic.js';

export function trendTopic(ctx: CommandContext, typed: string): string {
  const topic = typedTopic(typed);
  const known = ctx.services.dossier.topics();
  if (known.includes(topic)) return topic;
  const close = closestNames(known, topic);
  throw new UserError('not-found', `There is no topic \`${topic}\` (option \`topic\`).`, [
    close.length > 0 ? `Closest topics: ${close.join(', ')}.` : `Topics: ${known.join(', ') || 'none yet'}.`,
  ], 'topic');
}
