// The question a /review clear of more than a few asks before rejecting anything, and its answer
// when its Reject button is pressed: the button carries the set it showed (shown-set.ts), so a
// press rejects exactly those, and a queue changed since is asked about again, naming what is new.
import { plural } from '../../src/core/text.js';
import { quoteIfNeeded } from '../../src/core/text-syntax.js';
import { plainLine, span, type View } from '../../src/core/view.js';
import { shownText } from './shown-set.js';

/** Candidates a reply names by number; the rest are counted. */
const NAMED = 20;

export const numbered = (ids: readonly number[]) => `${ids.slice(0, NAMED).map((id) => `#${id}`).join(', ')}${ids.length > NAMED ? ` and ${ids.length - NAMED} more` : ''}`;

/** What one /review clear selects, as its replies say it, with every option typed (the day, the topic, the source, the reason). */
export interface ClearScope {
  /** `from source #2 Levant Wire published before 2025-07-19 in syria-israel` */
  scope: string;
  /** ` from source #2 Levant Wire`, or empty. */
  from: string;
  typed: Record<string, string | number>;
}

/** The arguments of the /review list of the clear's topic and source (`oldestFirst`: in the order a clear takes them), for a line that names it. */
export const listedArgs = (typed: Record<string, string | number>, oldestFirst: boolean) =>
  [...(typed.topic ? [`topic:${typed.topic}`] : []), ...(typed.source !== undefined ? [`source:${typed.source}`] : []), ...(oldestFirst ? ['order:oldest'] : [])].join(' ') || undefined;

/**
 * What the clear would do, and the press (or the typed command) that does it. The button carries
 * the set shown, so it rejects those or asks again; `confirm:true` typed takes the filter as it
 * stands when typed. `added`: the answer to a press that found the queue changed, and what is new in it.
 */
export function confirmView(ids: readonly number[], clear: ClearScope, changed?: { added: readonly number[] }): View {
  const { scope, from, typed } = clear;
  const args = Object.entries({ ...typed, confirm: 'true' }).map(([name, value]) => `${name}:${quoteIfNeeded(String(value))}`).join(' ');
  const added = changed && changed.added.length > 0 ? ` (${numbered(changed.added)} new)` : '';
  return {
    title: `Review queue: reject ${plural(ids.length, 'candidate')}${from}?`,
    tone: 'normal',
    intro: [
      ...(changed ? [plainLine(`The queue changed since you were asked: ${plural(ids.length, 'candidate')} would now be rejected${added}.`)] : []),
      plainLine(`Every candidate ${scope} that is waiting would be rejected: ${numbered(ids)}. Nothing was rejected yet.`),
      [span.plain('To reject them: '), span.command('review clear', args), span.plain(' · to see them first: '), span.command('review list', listedArgs(typed, true))],
    ],
    sections: [],
    buttons: [{ label: `Reject ${ids.length}`, style: 'danger', action: { kind: 'run', invocation: { command: 'review', subcommand: 'clear', args: { ...typed, shown: shownText(ids) } } }, audience: 'admins' }],
    private: true,
    // Asked again, the new question takes the old one's place, and with it its button.
    ...(changed ? { replacesMessage: true } : {}),
  };
}
