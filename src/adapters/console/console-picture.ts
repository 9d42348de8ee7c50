// Pictures on the console: written as PNG files into SITREP_CHARTS_DIR, the view printed with the
// file's path, the picture's alt text (what Discord and Slack give screen readers) and its figures
// as text (a terminal has no button to ask for them).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { drawPicture, type PictureLeftOut } from '../../core/charts/picture.js';
import type { Logger } from '../../core/logger.js';
import { lineToPlainText, plainLine, span, type Line, type Section, type View } from '../../core/view.js';

export interface PictureFiles {
  /** SITREP_CHARTS_DIR: created when the first picture is written. */
  dir: string;
  logger: Logger;
}

/** `2025-07-24T08-00-00-123Z-timeline.png`: in order, and never the name of an earlier picture. */
function fileName(filename: string, now: Date): string {
  return `${now.toISOString().replace(/:|\./g, '-')}-${filename}`;
}

/**
 * What the console printed for a message's picture: its path (or why it is missing) and its alt
 * text under the intro, and its figures as a Data section. A later edit of the message prints them again, as
 * Discord and Slack keep the picture they hold.
 */
export interface PrintedPicture {
  alt: string;
  intro: Line[];
  sections: Section[];
}

/** The view as the console prints it: its picture written to a file, the path and the figures under the text. */
export async function withPictureFile(view: View, files: PictureFiles, now = new Date()): Promise<View> {
  return (await printPicture(view, files, now)).view;
}

/**
 * As withPictureFile, with what it added for the picture (absent when the view has none or it
 * could not be drawn), or why it could not be drawn.
 */
export async function printPicture(view: View, files: PictureFiles, now = new Date()): Promise<{ view: View; printed?: PrintedPicture; leftOut?: PictureLeftOut }> {
  const image = view.image;
  if (!image) return { view };
  const drawn = await drawPicture(view, files.logger);
  const { image: _image, ...text } = drawn.view;
  if (!drawn.png) return { view: text, ...(drawn.leftOut ? { leftOut: drawn.leftOut } : {}) };
  const path = resolve(join(files.dir, fileName(image.filename, now)));
  const sections: Section[] = [{ heading: [span.bold('Data')], lines: image.table }];
  let intro: Line;
  try {
    await mkdir(files.dir, { recursive: true });
    await writeFile(path, drawn.png);
    intro = [span.plain(`Picture (${image.width}×${image.height}): `), span.code(path)];
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    intro = plainLine(`The picture could not be written to ${files.dir} (${reason}): check SITREP_CHARTS_DIR.`);
  }
  const printed: PrintedPicture = { alt: image.alt, intro: [intro, ...altLines(text, image.alt)], sections };
  return { view: withPrinted(text, printed), printed };
}

/**
 * The picture's alt text, as a line under its path: a terminal shows no picture, and a screen
 * reader reads this instead. Left out when the view says it already (a /chart reply opens with it).
 */
function altLines(view: View, alt: string): Line[] {
  return (view.intro ?? []).some((line) => lineToPlainText(line) === alt) ? [] : [plainLine(`Alt text: ${alt}`)];
}

/** `view` with a picture's lines as the console prints them: the path under the intro, the figures last. */
export function withPrinted(view: View, printed: Pick<PrintedPicture, 'intro' | 'sections'>): View {
  return { ...view, intro: [...(view.intro ?? []), ...printed.intro], sections: [...view.sections, ...printed.sections] };
}
