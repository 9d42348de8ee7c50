// A redrawn post must fit the messages it replaces: a platform shows a longer view in more
// messages, and an edit cannot add one, so the rest would be lost. When corrections make it too
// long, the longest corrected sections are drawn shorter, first without the text they replaced,
// then down to their first line of fields, each saying where it is shown in full; the header and
// every entry stay. A post that does not fit even so is not redrawn.
import { lineLength, type Section, type View } from '../view.js';
import { redrawPostIn, type SectionForm } from './post-edits.js';
import type { DueEdit, EntryNow } from './post-edits-port.js';

/** Whether the platform shows this view in the messages the post went out as. */
export type FitsPost = (view: View) => boolean;

export interface FittedRedraw {
  view: View;
  /** The entries whose correction is drawn shortened, if any. */
  shortened: number[];
  /** The entries drawn with a mark (corrected, removed, restored or withdrawn). */
  marked: number[];
}

/** The forms a section is shortened to, in turn. */
const SHORTER: readonly SectionForm[] = ['brief', 'compact'];

const sectionChars = (section: Section): number => [...(section.heading ? [section.heading] : []), ...section.lines].reduce((sum, line) => sum + lineLength(line) + 1, 0);

/**
 * The post redrawn as redrawPost does, with as few corrected sections shortened (the longest
 * first) as make it fit; undefined when even every one at its shortest does not.
 */
export function fittedRedraw(
  post: Pick<DueEdit, 'view' | 'zone' | 'entries'>,
  current: ReadonlyMap<number, EntryNow>,
  names: ReadonlyMap<number, string>,
  fits: FitsPost,
): FittedRedraw | undefined {
  const whole = redrawPostIn(post, current, names);
  const marked = whole.corrected.map((section) => section.entryId!);
  if (fits(whole.view)) return { view: whole.view, shortened: [], marked };
  const longestFirst = whole.corrected
    .map((section) => ({ entryId: section.entryId!, chars: sectionChars(section) }))
    .sort((a, b) => b.chars - a.chars)
    .map((s) => s.entryId);
  const forms = new Map<number, SectionForm>();
  for (const form of SHORTER) {
    for (const entryId of longestFirst) {
      forms.set(entryId, form);
      const { view } = redrawPostIn(post, current, names, forms);
      if (fits(view)) return { view, shortened: [...forms.keys()], marked };
    }
  }
  return undefined;
}
