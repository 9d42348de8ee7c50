// The note of /sources add and /sources edit when a feed's topic is one neither the dossier nor
// another watched feed has: its candidates would start a stray topic on a typo (`syria-isreal`).
import type { CommandContext } from '../../src/core/command-spec.js';
import type { Line } from '../../src/core/view.js';
import { newTopicNote } from '../topic-note.js';

/**
 * The topics a feed's topic may repeat: the dossier's and those of the watched feeds, but for
 * the feed being changed (`except`), whose old topic goes with the change.
 */
export function knownTopics(ctx: CommandContext, except?: number): string[] {
  const fromFeeds = ctx.services.sources.list().filter((source) => source.id !== except).map((source) => source.topic);
  return [...new Set([...ctx.services.dossier.topics(), ...fromFeeds])].sort();
}

/** The new-topic note of a feed's change, with the /sources edit that takes a close topic. */
export const feedTopicNote = (topicsBefore: readonly string[], topic: string, id: number): Line[] =>
  newTopicNote(topicsBefore, topic, { command: 'sources edit', id }, ': no entry or other watched feed has it');
