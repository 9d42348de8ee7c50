// The neutral view as Discord embeds: one embed per page, each page within every embed limit.
// Content that does not fit one page continues on the next, so nothing is ever cut off.
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { lineToPlainText, pagerLabel, span, type Line, type Pager, type View } from '../../core/view.js';
import { BLANK, continuedName, fieldBlocks, fitWithEllipsis, packLines, type FieldBlock } from './embed-blocks.js';
import { EMBED_LIMITS, PAGE_LABEL_RESERVE } from './limits.js';
import { escapeMarkdown, neutraliseMentions } from './markdown.js';

const TONE_COLORS = { normal: 0x5865f2, success: 0x57f287, error: 0xed4245, muted: 0x99aab5 } as const;

interface Draft {
  description?: string;
  fields: APIEmbedField[];
  used: number;
}

/**
 * "Page 2 of 6", with the part when one page of results is split over several embeds; "Part 2
 * of 3" for an answer with no pages, as its Previous part / Next part buttons count them.
 */
export function pageLabel(index: number, count: number, pager?: Pager): string {
  const part = count > 1 ? `part ${index + 1} of ${count}` : '';
  if (!pager || !(pager.next || pager.previous)) return count > 1 ? `Part ${index + 1} of ${count}` : '';
  const page = pagerLabel(pager);
  return [page, part].filter(Boolean).join(' · ');
}

/** The footer and the error id; an embed's footer shows no markdown, so its text is plain. */
function footerLine(view: View): Line {
  const errorId = view.errorId ? [span.plain(`${view.footer ? ' · ' : ''}Error id: ${view.errorId}`)] : [];
  return [...(view.footer ?? []), ...errorId];
}

/** Everything below the description, as fields in view order. */
function viewFields(view: View, footerOverflow: Line | undefined): FieldBlock[] {
  const blocks: FieldBlock[] = [];
  for (const fact of view.facts ?? []) blocks.push(...fieldBlocks([span.plain(fact.label)], [fact.value], true));
  for (const section of view.sections) blocks.push(...fieldBlocks(section.heading, section.lines, false));
  if (footerOverflow) blocks.push(...fieldBlocks(undefined, [footerOverflow], false));
  return blocks;
}

/** Renders a view as one embed per page, in reading order. */
export function renderViewPages(view: View): APIEmbed[] {
  const fullTitle = escapeMarkdown(view.title);
  const title = fitWithEllipsis(view.title, EMBED_LIMITS.title);
  const footerSpans = footerLine(view);
  let footer = neutraliseMentions(lineToPlainText(footerSpans));
  let footerOverflow: Line | undefined;
  if (footer.length > EMBED_LIMITS.footer - PAGE_LABEL_RESERVE) {
    footerOverflow = footerSpans;
    footer = '';
  }
  const budget = EMBED_LIMITS.total - title.length - footer.length - PAGE_LABEL_RESERVE;
  const intro = [...(fullTitle.length > title.length ? [[span.bold(view.title)]] : []), ...(view.intro ?? [])];
  const descriptions = packLines(intro, Math.min(EMBED_LIMITS.description, budget));

  const drafts: Draft[] = [];
  let page: Draft = { fields: [], used: 0 };
  for (const description of descriptions) {
    if (page.description !== undefined) {
      drafts.push(page);
      page = { fields: [], used: 0 };
    }
    page.description = description;
    page.used += description.length;
  }
  for (const block of viewFields(view, footerOverflow)) {
    let name = block.name;
    if (page.fields.length >= EMBED_LIMITS.fields || page.used + name.length + block.value.length > budget) {
      drafts.push(page);
      page = { fields: [], used: 0 };
      if (block.continues !== undefined) name = continuedName(block.continues);
    }
    page.fields.push({ name, value: block.value, ...(block.inline ? { inline: true } : {}) });
    page.used += name.length + block.value.length;
  }
  drafts.push(page);

  return drafts.map((draft, index) => {
    const label = pageLabel(index, drafts.length, view.pager);
    const text = [footer, label].filter(Boolean).join(' · ');
    const embed: APIEmbed = { color: TONE_COLORS[view.tone] };
    if (title) embed.title = title;
    if (draft.description !== undefined) embed.description = draft.description;
    if (draft.fields.length > 0) embed.fields = draft.fields;
    // Discord refuses an embed with nothing to show.
    if (!title && draft.description === undefined && draft.fields.length === 0) embed.description = BLANK;
    if (text) embed.footer = { text };
    return embed;
  });
}
