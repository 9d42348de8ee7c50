// Cuts a digest into parts that each fit one message on every platform, so the delivery log
// can record each part as it is posted and a retry resumes after the last one that arrived
// instead of posting the whole digest again. Adapters may still split a part further.
import { lineLength, type Section, type View } from '../view.js';

export interface PartLimits {
  /** Rendered characters per part, well under Discord's 6,000 per embed and Slack's budget. */
  maxChars: number;
  /** Sections per part, under Discord's 25 embed fields and Slack's 50 blocks. */
  maxSections: number;
}

export const DEFAULT_PART_LIMITS: PartLimits = { maxChars: 3500, maxSections: 20 };

function sectionSize(section: Section): number {
  // Each line costs a separator; headings and lines alike.
  const heading = section.heading ? lineLength(section.heading) + 1 : 0;
  return heading + section.lines.reduce((sum, line) => sum + lineLength(line) + 1, 0);
}

/** One view per part, in reading order; the header opens the first, the footer closes the last. */
export function splitDigest(view: View, limits: PartLimits = DEFAULT_PART_LIMITS): View[] {
  const introSize = view.title.length + (view.intro ?? []).reduce((sum, l) => sum + lineLength(l) + 1, 0);
  const groups: Section[][] = [[]];
  let used = introSize;
  for (const section of view.sections) {
    const size = sectionSize(section);
    const current = groups.at(-1)!;
    if (current.length > 0 && (used + size > limits.maxChars || current.length >= limits.maxSections)) {
      groups.push([section]);
      used = view.title.length + size;
    } else {
      current.push(section);
      used += size;
    }
  }
  if (groups.length === 1) return [view];
  return groups.map((sections, index) => {
    const label = `part ${index + 1} of ${groups.length}`;
    const part: View = {
      title: index === 0 ? view.title : `${view.title} (continued)`,
      tone: view.tone,
      sections,
      footer: index === groups.length - 1 && view.footer ? `${view.footer} · ${label}` : label,
    };
    if (index === 0 && view.intro) part.intro = view.intro;
    return part;
  });
}
