// The neutral view every command returns. Adapters turn it into embeds, Block Kit or plain
// text; stored text stays in `Span.text` so each renderer can escape it for its platform.
import type { EntryChangeKind } from './digest/changes.js';

export type SpanStyle = 'bold' | 'italic' | 'code' | 'highlight';

/**
 * One of Sitrep's commands named in a view, `entry undo` with `id:18`. Each platform spells it as
 * its users type it (a Slack workspace may know `/sitrep-entry`); `Span.text` is the plain spelling.
 */
export interface CommandRef {
  /** The command's path: `timeline`, `entry undo`. */
  name: string;
  args?: string;
}

export interface Span {
  text: string;
  style?: SpanStyle;
  /** Only http(s) links; renderers show them as links, never as markup from the text. */
  href?: string;
  /** Set only by Sitrep's own wording, never for stored text: the span names this command. */
  command?: CommandRef;
  /**
   * A channel of the platform the view is shown on, by id: platforms that show a channel by its
   * name from its id do so; the text (`#id`) is what the others show.
   */
  channel?: string;
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
  /** The dossier entry it shows (a digest item), so a correction can redraw it where it was posted. */
  entryId?: number;
  /** The items its lines count, as [entry id, kind] (a digest's topic heading), so an edit counts them again. */
  counted?: [number, EntryChangeKind][];
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

/**
 * How a view is coloured where its platform colours views (a Discord embed): `muted` is what was
 * closed with nothing coming of it (a rejected review card), apart from `normal` and `success`.
 */
export type ViewTone = 'normal' | 'success' | 'error' | 'muted';

export type ButtonStyle = 'primary' | 'secondary' | 'danger' | 'success';

/**
 * Who may press a button: anyone who sees it, only the person the message answers, or admins
 * (the dispatcher checks their rights when the button's command runs, as for a typed command).
 */
export type Audience = 'anyone' | 'caller' | 'admins';

/**
 * What a button does, in the core's terms. `run` runs an invocation again (a read-only command,
 * or a command whose spec says a button may run it) and shows `part` of its answer; `tell` runs a
 * read-only invocation and answers the presser alone, leaving the message as it is (a chart's
 * figures under its Data button); `form` opens the form of the invocation's command with its
 * options filled in.
 */
export type Action =
  | { kind: 'run'; invocation: Invocation; part?: number | 'last' }
  | { kind: 'tell'; invocation: Invocation }
  | { kind: 'form'; invocation: Invocation };

export interface Button {
  label: string;
  style?: ButtonStyle;
  action: Action;
  audience: Audience;
  /** Drawn but leading nowhere (a platform that cannot draw it so leaves it out). */
  disabled?: boolean;
}

/**
 * A picture shown with the view (a chart): its size is stated up front, and it is drawn only when
 * a platform shows it. `alt` says what it shows, with its figures, for screen readers.
 */
export interface ViewImage {
  /** `timeline.png`: what the file is called where the platform keeps one. */
  filename: string;
  width: number;
  height: number;
  alt: string;
  /** The same figures as lines of a table: platforms with buttons offer them under a Chart data as text button. */
  table: Line[];
  /** Draws the PNG (off the event loop); rejects when it cannot be drawn. */
  png(): Promise<Uint8Array>;
}

export interface View {
  title: string;
  tone: ViewTone;
  /** Lines right under the title (counts, the match summary…). */
  intro?: Line[];
  facts?: Fact[];
  sections: Section[];
  /** The title names a command (`/help entry`): platforms spell it as for a command span. */
  titleCommand?: CommandRef;
  footer?: Line;
  pager?: Pager;
  /** Suggested for errors and admin confirmations; adapters may also let the user choose. */
  private?: boolean;
  /** Set on internal-error views so the user can quote it. */
  errorId?: string;
  /**
   * The answer to a request another delivery of it is still handling (one Discord interaction
   * reaching two sessions of the bot): where that delivery answers the user, this one says nothing.
   */
  handledElsewhere?: true;
  /** Buttons under the message, besides the paging ones the platform adds. */
  buttons?: Button[];
  /** A picture under the text (see ViewImage). */
  image?: ViewImage;
  /**
   * An edit of a message posted with a picture: the platform holds the picture already, and the
   * edit keeps it where it was (only its file name and alt text are known by then).
   */
  postedPicture?: Pick<ViewImage, 'filename' | 'alt'>;
  /**
   * What a digest's header counts (its first part; renderers ignore it): kept with the posted
   * message so that, when an entry it counts is corrected or removed, the header is counted again
   * from the entries as they stand rather than contradict the entry's corrected section.
   */
  headerCounts?: HeaderCounts;
  /**
   * The answer to a button is the new state of the message the button was on (a review card once
   * decided): the platform shows it in place of that message rather than as a new one.
   */
  replacesMessage?: boolean;
}

export interface HeaderCounts {
  /** The intro line holding the counts. */
  line: number;
  /**
   * Each item counted, as [entry id, kind in the digest]. Absent when the digest named some items
   * by id only: too many to follow, so the line stays as posted, marked so once the message is edited.
   */
  items?: [number, EntryChangeKind][];
  /** Counted as posted: no entry's correction changes them. */
  newActors: number;
  merges: number;
  unmerges: number;
}

export const span = {
  plain: (text: string): Span => ({ text }),
  bold: (text: string): Span => ({ text, style: 'bold' }),
  italic: (text: string): Span => ({ text, style: 'italic' }),
  code: (text: string): Span => ({ text, style: 'code' }),
  link: (text: string, href: string): Span => ({ text, href }),
  /** `span.command('entry undo', 'id:18')`: `/entry undo id:18`, in code, spelled by each platform. */
  command: (name: string, args?: string): Span => {
    const command: CommandRef = args ? { name, args } : { name };
    return { text: commandText(command), style: 'code', command };
  },
  /** `span.channel('C024BE91L')`: the channel, shown by name where the platform can. */
  channel: (id: string): Span => ({ text: `#${id}`, channel: id }),
};

/** A command as typed where it keeps the names it was defined with: `/entry undo id:18`. */
export function commandText(command: CommandRef): string {
  return `/${command.name}${command.args ? ` ${command.args}` : ''}`;
}

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
