// The note of /sources add and /sources edit when a feed's topic is one neither the dossier nor
// another watched feed has: its candidates would start a stray topic on a typo (`syria-isreal`).
// The rule is newTopicNote's of commands/entry/change.ts (the same threshold), with the edit that
// fixes a feed's topic.
import { closestNames } from '../../src/core/ranking.js';
import type { CommandContext } from '../../src/core/command-spec.js';
import { span, type Line } from '../../src/core/view.js';

/** Slugs share parts (`-israel`): only a near-spelling (about 2 edits in 12 letters) is a typo. */
const TOPIC_TYPO_EDITS_PER_CHAR = 0.2;

/**
 * The topics a feed's topic may repeat: the dossier's and those of the watched feeds, but for
 * the feed being changed (`except`), whose old topic goes with the change.
 */
export function knownTopics(ctx: CommandContext, except?: number): string[] {
  const fromFeeds = ctx.services.sources.list().filter((source) => source.id !== except).map((source) => source.topic);
  return [...new Set([...ctx.services.dossier.topics(), ...fromFeeds])].sort();
}

/** Says when a feed's topic is new, and which known topic is spelled close to it, with the edit that takes it. */
export function newTopicNote(topicsBefore: readonly string[], topic: string, id: number): Line[] {
  if (topicsBefore.includes(topic)) return [];
  const [close] = closestNames(topicsBefore, topic, 1, TOPIC_TYPO_EDITS_PER_CHAR);
  const fix = close ? [span.plain(` Did you mean ${close}? If so: `), span.command('sources edit', `id:${id} topic:${close}`)] : [];
  return [[span.plain(`This starts a new topic, ${topic}: no entry or other watched feed has it.`), ...fix]];
}
