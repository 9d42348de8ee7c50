// The console's poster: prints digests as text, so `npm start` with no platform tokens can show
// one, and whatever else Sitrep posts in a channel (confirmations, review cards), each under a
// line naming the channel. Console subscriptions live in the channel `console`. A printed message
// cannot be changed, so an update (a review card once decided) is printed after it, naming it.
import type { Writable } from 'node:stream';
import type { PostResult, Poster } from '../../core/poster.js';
import { renderText } from '../../core/render-text.js';
import { plainLine, type View } from '../../core/view.js';
import { printPicture, withPrinted, type PictureFiles, type PrintedPicture } from './console-picture.js';
import { consoleTextStyle } from './text-style.js';

/** A command's own updates are a handful; more are the scheduler's, printed while the prompt waits. */
const KEPT_UPDATES = 8;
/** Pictures remembered for edits: more than 14 days of hourly digests, the time corrections edit them. */
const KEPT_PICTURES = 1000;

export class ConsolePoster implements Poster {
  readonly platform = 'console';
  accessHelp(command: string): string {
    return `Check the console’s output, then run ${command} again.`;
  }
  private sent = 0;
  /** What updates printed since the console last asked, as plain text (see takeUpdates). */
  private updates: string[] = [];
  /** What each message printed for its picture, by its ref, so an edit prints it again. */
  private readonly pictured = new Map<string, PrintedPicture>();

  constructor(
    private readonly output: Writable,
    private readonly color = false,
    /** Where a digest's picture is written; without it, the picture is left out. */
    private readonly pictures?: PictureFiles,
  ) {}

  async post(channelId: string, view: View, alreadyPosted = 0): Promise<PostResult> {
    if (alreadyPosted > 0) return { refs: [] }; // a view is one printed message
    this.sent += 1;
    const ref = `console-${this.sent}`;
    const { view: shown, printed, leftOut } = this.pictures ? await printPicture(view, this.pictures) : { view };
    if (printed) this.keepPicture(ref, printed);
    this.output.write(`\n── posted in #${channelId} ──\n${renderText(shown, consoleTextStyle(this.color))}\n\n`);
    return { refs: [ref], ...(printed ? { picture: 'posted' as const } : leftOut ? { picture: leftOut } : {}) };
  }

  /** The console's one person is whoever reads it: their watch messages are printed too. */
  async direct(userId: string, view: View, alreadyPosted = 0): Promise<string[]> {
    if (alreadyPosted > 0) return [];
    this.sent += 1;
    this.output.write(`\n── direct message for ${userId} ──\n${renderText(view, consoleTextStyle(this.color))}\n\n`);
    return [`console-${this.sent}`];
  }

  async update(channelId: string, messageRefs: readonly string[], view: View): Promise<void> {
    const shown = this.withPostedPicture(messageRefs[0], view);
    this.updates.push(renderText(shown));
    if (this.updates.length > KEPT_UPDATES) this.updates.shift(); // between commands nobody asks
    this.output.write(`\n── ${messageRefs.join(', ')} in #${channelId}, updated ──\n${renderText(shown, consoleTextStyle(this.color))}\n\n`);
  }

  private keepPicture(ref: string, printed: PrintedPicture): void {
    this.pictured.set(ref, printed);
    if (this.pictured.size > KEPT_PICTURES) this.pictured.delete(this.pictured.keys().next().value!);
  }

  /**
   * An edit of a message printed with a picture prints its path and figures again. The alt must
   * match: after a restart the refs start again, so a ref may name another message; the picture of
   * a message this process did not print is given by its alt text, which holds its figures.
   */
  private withPostedPicture(ref: string | undefined, view: View): View {
    const { postedPicture: posted, ...text } = view;
    // Without a charts directory the console printed no picture to begin with.
    if (!posted || !this.pictures) return text;
    const printed = ref === undefined ? undefined : this.pictured.get(ref);
    if (printed && printed.alt === posted.alt) return withPrinted(text, printed);
    return withPrinted(text, { intro: [plainLine(`Picture (as first printed): ${posted.alt}`)], sections: [] });
  }

  /**
   * The updates printed since the last call, as plain text. A decision typed at the console
   * updates the card it decides, and its reply is that card again: the console prints the reply
   * only when it is not one of these, so the card is not printed twice in a row.
   */
  takeUpdates(): string[] {
    const printed = this.updates;
    this.updates = [];
    return printed;
  }
}
