// The neutral view every command returns. Adapters turn it into embeds, Block Kit or plain
// text; stored text stays in `Span.text` so each renderer can escape it for its platform.

export type SpanStyle = 'bold' | 'italic' | 'code' | 'highlight';

export interface Span {
  text: string;
  style?: SpanStyle;
  /** Only http(s) links; renderers show them as links, never as markup from the text. */
  href?: string;
}

/** One line of rich text: spans joined without separators. */
export type Line = Span[];

export interface Fact {
  label: string;
  value: Line;
}

/** A titled group of lines, e.g. one timeline entry or the list of sources. */
export interface Section {
  heading?: Line;
  lines: Line[];
}

/** A command call that can be dispatched again, e.g. the next page of a timeline. */
export interface Invocation {
  command: string;
  subcommand?: string;
  args: Record<string, string | number | boolean>;
}

export interface Pager {
  page: number;
  pageCount: number;
  total: number;
  /** The total was counted only up to a cap: there are at least `pageCount` pages. */
  totalIsLowerBound?: boolean;
  /** Present when there is a next/previous page to fetch. */
  next?: Invocation;
  previous?: Invocation;
}

export type ViewTone = 'normal' | 'success' | 'error';

export interface View {
  title: string;
  tone: ViewTone;
  /** Lines right under the title (counts, the match summary…). */
  intro?: Line[];
  facts?: Fact[];
  sections: Section[];
  footer?: string;
  pager?: Pager;
  /** Suggested for errors and admin confirmations; adapters may also let the user choose. */
  private?: boolean;
  /** Set on internal-error views so the user can quote it. */
  errorId?: string;
}

export const span = {
  plain: (text: string): Span => ({ text }),
  bold: (text: string): Span => ({ text, style: 'bold' }),
  italic: (text: string): Span => ({ text, style: 'italic' }),
  code: (text: string): Span => ({ text, style: 'code' }),
  link: (text: string, href: string): Span => ({ text, href }),
};

/** A line holding one plain span. */
export const plainLine = (text: string): Line => [span.plain(text)];

/** The characters a line will take once rendered without markup. */
export function lineLength(line: Line): number {
  return line.reduce((sum, s) => sum + s.text.length, 0);
}

export function lineToPlainText(line: Line): string {
  return line.map((s) => s.text).join('');
}

/** `Page 3 of 6`, or `Page 3 of 40+` when the total was only counted up to a cap. */
export function pagerLabel(pager: Pager): string {
  return `Page ${pager.page} of ${pager.pageCount}${pager.totalIsLowerBound ? '+' : ''}`;
}
