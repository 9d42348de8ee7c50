// A topic is created by the first entry (or watched feed) that names it, so a typo
// (`syria-isreal`) would quietly start a stray one: replies say when a change starts a topic, and
// which existing one is spelled close to it, with the edit that takes that one.
import { closestNames } from '../src/core/ranking.js';
import { span, type Line } from '../src/core/view.js';

/** Slugs share parts (`-israel`): only a near-spelling (about 2 edits in 12 letters) is a typo. */
const TOPIC_TYPO_EDITS_PER_CHAR = 0.2;

/**
 * The note when `topic` is none of `topicsBefore`: `fix` is the command editing what was changed
 * (`entry edit`, `sources edit`) by its id; `unknownTo` says where the topic is unknown.
 */
export function newTopicNote(topicsBefore: readonly string[], topic: string, fix: { command: string; id: number }, unknownTo = ''): Line[] {
  if (topicsBefore.includes(topic)) return [];
  const [close] = closestNames(topicsBefore, topic, 1, TOPIC_TYPO_EDITS_PER_CHAR);
  const edit = close ? [span.plain(` Did you mean ${close}? If so: `), span.command(fix.command, `id:${fix.id} topic:${close}`)] : [];
  return [[span.plain(`This starts a new topic, ${topic}${unknownTo}.`), ...edit]];
}
