// Cuts a digest into parts that each fit one message on every platform, so the delivery log
// can record each part as it is posted and a retry resumes after the last one that arrived
// instead of posting the whole digest again. Adapters may still split a part further.
import { lineLength, span, type Section, type View } from '../view.js';

export interface PartLimits {
  /** Rendered characters per part, well under Discord's 6,000 per embed and Slack's budget. */
  maxChars: number;
  /** Sections per part, under Discord's 25 embed fields and Slack's 50 blocks. */
  maxSections: number;
}

export const DEFAULT_PART_LIMITS: PartLimits = { maxChars: 3500, maxSections: 20 };

interface Group {
  /** Repeated at the top of a part the group's items continue in. */
  continued: Section;
  /** How many sections after the heading belong to the group. */
  size: number;
}

/**
 * Headings that open a group of sections (a topic's entries). Marked by identity rather than
 * in the view, so views stay plain data: the composer's sections are shared, never copied.
 */
const groups = new WeakMap<Section, Group>();

/** Marks `heading` as opening a group of the `size` sections after it. */
export function groupHeading(heading: Section, continued: Section, size: number): Section {
  groups.set(heading, { continued, size });
  return heading;
}

/** Sections are shared by every digest over the same changes and filters: each is measured once. */
const sizes = new WeakMap<Section, number>();

function sectionSize(section: Section): number {
  let size = sizes.get(section);
  if (size === undefined) {
    // Each line costs a separator; headings and lines alike.
    const heading = section.heading ? lineLength(section.heading) + 1 : 0;
    size = heading + section.lines.reduce((sum, line) => sum + lineLength(line) + 1, 0);
    sizes.set(section, size);
  }
  return size;
}

/** Sections grouped into parts: a group heading stays with its first item, and is repeated where its items go on. */
function packSections(view: View, limits: PartLimits): Section[][] {
  const introSize = view.title.length + (view.intro ?? []).reduce((sum, l) => sum + lineLength(l) + 1, 0);
  const parts: Section[][] = [[]];
  let used = introSize;
  let open: { continued: Section; left: number } | undefined;
  let keepWithPrevious = false;
  view.sections.forEach((section, index) => {
    const group = groups.get(section);
    const next = view.sections[index + 1];
    // A heading needs room for its first item too, or it would end a part on its own.
    const size = sectionSize(section) + (group && group.size > 0 && next ? sectionSize(next) : 0);
    const count = group && group.size > 0 && next ? 2 : 1;
    const current = parts.at(-1)!;
    const full = used + size > limits.maxChars || current.length + count > limits.maxSections;
    if (current.length > 0 && full && !keepWithPrevious) {
      const fresh: Section[] = [];
      used = view.title.length;
      if (!group && open && open.left > 0) {
        fresh.push(open.continued);
        used += sectionSize(open.continued);
      }
      parts.push(fresh);
    }
    parts.at(-1)!.push(section);
    used += sectionSize(section);
    keepWithPrevious = group !== undefined && group.size > 0;
    if (group) open = { continued: group.continued, left: group.size };
    else if (open && --open.left <= 0) open = undefined;
  });
  return parts;
}

/** One view per part, in reading order; the header opens the first, the footer closes the last. */
export function splitDigest(view: View, limits: PartLimits = DEFAULT_PART_LIMITS): View[] {
  const parts = packSections(view, limits);
  if (parts.length === 1) return [view];
  return parts.map((sections, index) => {
    const label = `part ${index + 1} of ${parts.length}`;
    const part: View = {
      title: index === 0 ? view.title : `${view.title} (continued)`,
      tone: view.tone,
      sections,
      footer: index === parts.length - 1 && view.footer ? [...view.footer, span.plain(` · ${label}`)] : [span.plain(label)],
    };
    if (index === 0 && view.intro) part.intro = view.intro;
    if (index === 0 && view.headerCounts) part.headerCounts = view.headerCounts;
    return part;
  });
}
